import { isHlspName } from '../../naming/fields.js';
import type { NameRule } from '../../types.js';

export const target: NameRule = {
  meta: {
    id: 'name/target',
    description:
      "The target field has a letter somewhere, and writes coordinate signs as p/m rather than '+'.",
    severity: 'error',
    scope: 'name',
    rationale:
      "A target may start with a digit (2m04215943+1932063) but must contain a letter. MAST's guide allows '+', but its older tools reject it and rewrite signs as p/m; a '+' is therefore NEEDS REVIEW. Counters and epochs use zero-padded numbers (m101-01) and 'ep<n>'.",
    source: 'MAST HLSP Contributor Guide, "File Naming Convention"; spacetelescope/MAST_HLSP change_names',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.parts.length !== 8) return;
    const value = (parsed.fields.target ?? '').toLowerCase();
    if (value === '') return;
    if (!/[a-z]/.test(value)) {
      report({
        message: `the target field '${value}' has no letter`,
        hint: 'prefix the number with a catalogue or field name, e.g. ngc1234 or field-01',
      });
    }
    if (value.includes('+')) {
      report({
        message: `the target field '${value}' contains '+'`,
        hint: `write '${value.replace(/\+/g, 'p')}' (p for +, m for - in coordinates)`,
        severity: 'warning',
      });
    }
    const epoch = /(?:^|-)epoch([0-9]+)(?:-|$)/.exec(value);
    if (epoch) {
      report({
        message: `the target field '${value}' writes an epoch as 'epoch${epoch[1]}'`,
        hint: `write 'ep${epoch[1]}'`,
        severity: 'warning',
      });
    }
  },
};
