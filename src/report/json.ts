import type { Formatter } from './types.js';

/** The report as JSON, keys in the order of the documented contract, two-space indent. */
export const json: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
