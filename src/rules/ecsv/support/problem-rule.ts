import type { ContentRule, RuleMeta, Severity } from '../../../types.js';

/**
 * A content rule that reports the reader's problems of the given codes, one finding each (the
 * reader already folds a defect's repeats into one problem). `severities` overrides the rule's
 * severity for some codes (a warning beside the errors).
 */
export function problemRule(
  meta: Omit<RuleMeta, 'scope'>,
  codes: readonly string[],
  severities: Readonly<Record<string, Severity>> = {},
): ContentRule {
  const wanted = new Set(codes);
  return {
    meta: { ...meta, scope: 'content' },
    check(context, report) {
      for (const problem of context.content.problems) {
        if (!wanted.has(problem.code)) continue;
        // The message names the line and column; the offset is the byte where a decoding defect is.
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
