import type { ContentContext, ReportFn, Severity } from '../../../types.js';

/**
 * Reports the reader's problems of the given codes as findings, each in the file's own terms
 * (byte offset, column as the key); `severities` overrides the rule's severity by code.
 */
export function reportProblems(
  context: ContentContext,
  report: ReportFn,
  codes: readonly string[],
  severities: Readonly<Record<string, Severity>> = {},
): void {
  for (const problem of context.content.problems) {
    if (!codes.includes(problem.code)) continue;
    const severity = severities[problem.code];
    report({
      message: problem.message,
      ...(problem.offset !== undefined ? { offset: problem.offset } : {}),
      ...(problem.hint !== undefined ? { hint: problem.hint } : {}),
      ...(severity ? { severity } : {}),
    });
  }
}
