/**
 * Which image rule reports which of the image readers' problems (src/readers/png.ts, jpeg.ts,
 * gif.ts), so that each problem becomes exactly one finding: image/structure takes every code no
 * other image rule claims, so a new code is never dropped.
 */
import type { ContentContext, ReportFn, Severity } from '../../../types.js';

export const CRC_CODES = new Set(['bad-crc']);
export const PIXEL_DATA_CODES = new Set([
  'no-idat',
  'idat-too-short',
  'idat-too-long',
  'zlib-error',
  'bad-filter',
  'decode-error',
  'not-decoded',
  'bad-image-data',
]);
export const DIMENSION_CODES = new Set(['zero-size', 'too-large']);

/** Problems that do not stop a viewer from showing the image: warnings, not errors. */
const WARNINGS = new Set(['trailing-bytes', 'missing-trailer', 'not-decoded']);

export type ImageRuleCodes = 'structure' | Set<string>;

export function reportImageProblems(context: ContentContext, report: ReportFn, codes: ImageRuleCodes): void {
  for (const problem of context.content.problems) {
    const mine =
      codes === 'structure'
        ? !CRC_CODES.has(problem.code) &&
          !PIXEL_DATA_CODES.has(problem.code) &&
          !DIMENSION_CODES.has(problem.code)
        : codes.has(problem.code);
    if (!mine) continue;
    const severity: Severity | undefined = WARNINGS.has(problem.code) ? 'warning' : undefined;
    report({
      message: problem.message,
      offset: problem.offset ?? null,
      ...(problem.hint ? { hint: problem.hint } : {}),
      ...(severity ? { severity } : {}),
    });
  }
}
