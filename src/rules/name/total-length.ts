import type { NameRule } from '../../types.js';

const LIMIT = 90;

export const totalLength: NameRule = {
  meta: {
    id: 'name/total-length',
    description: 'The whole file name is at most 90 characters.',
    severity: 'warning',
    scope: 'name',
    rationale:
      "MAST's naming guide asks for names of 90 characters or fewer; MAST's own checker does not test it, so this is NEEDS REVIEW, not FAIL.",
    source: 'MAST HLSP Contributor Guide, "File Naming Convention"',
  },
  check(context, report) {
    if (context.name.length > LIMIT) {
      report({
        message: `the name is ${context.name.length} characters long; MAST asks for ${LIMIT} or fewer`,
        hint: 'shorten the target or optical-element fields',
      });
    }
  },
};
