import { isHlspName } from '../../naming/fields.js';
import type { NameRule } from '../../types.js';
import { suggestName } from './support/suggest.js';

export const projectId: NameRule = {
  meta: {
    id: 'name/project-id',
    description: "The proj-id field equals the collection's HLSP id, and starts with a letter.",
    severity: 'error',
    scope: 'name',
    rationale:
      'The proj-id is the MAST directory and database key of the collection: every file must carry the same one.',
    source: 'mast_contributor_tools filename checker (exact match → FAIL)',
  },
  check(context, report) {
    const { parsed, settings } = context;
    // Too short to hold a proj-id: name/field-count says so.
    if (!isHlspName(parsed) || parsed.parts.length < 3) return;
    const projId = parsed.fields.projId ?? '';
    if (projId !== '' && !/^[a-z]/i.test(projId)) {
      report({
        message: `the proj-id '${projId}' must start with a letter`,
        hint: 'use the collection acronym MAST assigned',
      });
    }
    if (settings.project && projId.toLowerCase() !== settings.project.toLowerCase()) {
      const suggested = suggestName(context.name, settings);
      report({
        message: `the proj-id field is '${projId}', but this collection's HLSP id is '${settings.project}'`,
        hint: suggested
          ? `rename it to '${suggested}'`
          : `rename the file to start with hlsp_${settings.project}_`,
      });
    }
  },
};
