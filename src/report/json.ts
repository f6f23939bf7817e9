import type { Formatter, Report } from './types.js';

/** The report as JSON, keys in the order of the documented contract, two-space indent. */
export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;

/**
 * The same bytes as `json`, in pieces: a report of a million files is written without ever holding
 * its whole text in memory. Each top-level array is written one element at a time.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const fields = Object.entries(report).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (let i = 0; i < fields.length; i++) {
    const [key, value] = fields[i]!;
    const comma = i < fields.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < value.length; j++) {
        const element = JSON.stringify(value[j], null, 2) ?? 'null';
        yield `    ${element.replaceAll('\n', '\n    ')}${j < value.length - 1 ? ',' : ''}\n`;
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}${comma}\n`;
    }
  }
  yield '}\n';
}
