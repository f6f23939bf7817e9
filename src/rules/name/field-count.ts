import { isHlspName, isReadme } from '../../naming/fields.js';
import type { NameRule } from '../../types.js';

export const fieldCount: NameRule = {
  meta: {
    id: 'name/field-count',
    description:
      'A name has 4 to 9 fields (the extension counts as one); all but README names include a version.',
    severity: 'error',
    scope: 'name',
    rationale:
      "MAST's checker accepts 4-9 fields: the first two (hlsp, proj-id) and the last two (product type, extension) are required, and the version third from last unless the product type is readme.",
    source: 'mast_contributor_tools filename checker',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed)) return;
    const fields = parsed.parts.length + (parsed.extension ? 1 : 0);
    if (!parsed.extension) {
      report({ message: `'${context.name}' has no extension`, hint: 'add the file type, e.g. .fits' });
    }
    if (fields < 4 || fields > 9) {
      report({
        message: `the name has ${fields} fields; it must have 4 to 9`,
        hint: 'hlsp_<proj-id>_<observatory>_<instrument>_<target>_<opt-elem>_<version>_<product-type>.<ext>; join the elements of one field with "-", not "_"',
      });
    } else if (!isReadme(parsed) && parsed.parts.length < 4) {
      report({
        message: `the name has no version field (only README names may leave it out)`,
        hint: 'add the version before the product type, e.g. _v1.0_',
      });
    }
  },
};
