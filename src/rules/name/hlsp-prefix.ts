import { isHlspName } from '../../naming/fields.js';
import type { NameRule } from '../../types.js';

export const hlspPrefix: NameRule = {
  meta: {
    id: 'name/hlsp-prefix',
    description: "Every file name follows the HLSP template, starting with the literal field 'hlsp'.",
    severity: 'error',
    scope: 'name',
    rationale:
      'MAST ingests only files named hlsp_<proj-id>_<observatory>_<instrument>_<target>_<opt-elem>_<version>_<product-type>.<ext>. Files that do not follow it are reported, never skipped.',
    source: 'MAST HLSP Contributor Guide, "File Naming Convention"',
  },
  check(context, report) {
    if (isHlspName(context.parsed)) return;
    report({
      message: `'${context.name}' does not follow the HLSP template: it must start with 'hlsp_'`,
      hint: 'name it hlsp_<proj-id>_<observatory>_<instrument>_<target>_<opt-elem>_<version>_<product-type>.<ext>, or move it out of the collection',
    });
  },
};
