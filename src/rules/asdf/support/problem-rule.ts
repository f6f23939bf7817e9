import type { ContentRule, RuleMeta, Severity } from '../../../types.js';

/**
 * A content rule that reports the ASDF reader's problems of the given codes, one finding each (the
 * reader already reports a defect once, where it starts). `severities` overrides the rule's
 * severity for some codes.
 */
export function asdfProblemRule(
  meta: Omit<RuleMeta, 'scope' | 'formats'>,
  codes: readonly string[],
  severities: Readonly<Record<string, Severity>> = {},
): ContentRule {
  const wanted = new Set(codes);
  return {
    meta: { ...meta, scope: 'content', formats: ['asdf'] },
    check(context, report) {
      for (const problem of context.content.problems) {
        if (!wanted.has(problem.code)) continue;
        const severity = severities[problem.code];
        report({
          message: problem.message,
          ...(problem.hint !== undefined ? { hint: problem.hint } : {}),
          ...(severity !== undefined ? { severity } : {}),
          ...(problem.offset !== undefined ? { offset: problem.offset } : {}),
        });
      }
    },
  };
}
