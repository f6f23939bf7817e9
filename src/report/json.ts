import type { Formatter, Report } from './types.js';

/** The report as JSON, keys in the order of the documented contract, two-space indent. */
export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;

const ELEMENTS_PER_PIECE = 500;

/**
 * The same bytes as `json`, in pieces: a report of a million files is written without ever holding
 * its whole text in memory. Each top-level array is written a slice of elements at a time.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const fields = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (let i = 0; i < fields.length; i++) {
    const [key, value] = fields[i]!;
    const comma = i < fields.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      // Elements a slice at a time: one stringify per slice, not per element, the same bytes.
      for (let j = 0; j < value.length; j += ELEMENTS_PER_PIECE) {
        const slice = JSON.stringify(value.slice(j, j + ELEMENTS_PER_PIECE), null, 2);
        const last = j + ELEMENTS_PER_PIECE >= value.length;
        // "[\n  a,\n  b\n]" → "    a,\n    b" (each element four spaces in, as it sits in the report).
        yield `  ${slice.slice(2, -2).replaceAll('\n', '\n  ')}${last ? '' : ','}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}${comma}\n`;
    }
  }
  yield '}\n';
}
