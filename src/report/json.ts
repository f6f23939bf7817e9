import { jsonPieces } from './json-pieces.js';
import type { Formatter, Report } from './types.js';

/** The report as JSON, keys in the order of the documented contract, two-space indent. */
export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;

/**
 * The same bytes as `json`, in pieces: a report of a million files is written without ever holding
 * its whole text in memory.
 */
export function* jsonChunks(report: Report): Generator<string> {
  yield* jsonPieces(report, 2);
  yield '\n';
}
