import { displayName } from '../../../archive/members.js';
import type { ArchiveProblemCode } from '../../../archive/read.js';
import type { FileContext, ReportFn } from '../../../types.js';

/** Reports each problem of one code that walking the archive found, at the member it is about. */
export function reportProblems(
  context: FileContext,
  code: ArchiveProblemCode,
  report: ReportFn,
  hint: string,
): void {
  for (const problem of context.archive?.problems ?? []) {
    if (problem.code !== code) continue;
    report({
      message: problem.message,
      hint,
      ...(problem.member !== undefined ? { path: `${context.path}!${displayName(problem.member)}` } : {}),
    });
  }
}
