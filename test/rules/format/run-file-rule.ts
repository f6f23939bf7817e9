/** Runs one `format/*` rule on a name and the bytes a file would hold, as the engine does. */
import { compareFormat } from '../../../src/formats/compare.js';
import { sniffInsideGzip } from '../../../src/formats/inside.js';
import { sniffFormat } from '../../../src/formats/sniff.js';
import type { FileContext, FileRule, FindingInput } from '../../../src/types.js';

export type Found = FindingInput & { ruleId: string };

export function runFileRule(
  rule: FileRule,
  name: string,
  bytes: Uint8Array,
  options: { checked?: boolean; kind?: FileContext['kind'] } = {},
): Found[] {
  const head = bytes.subarray(0, 4096);
  const found = sniffFormat(head, bytes.subarray(Math.max(0, bytes.length - 8)), bytes.length);
  const inner = found.format === 'gzip' ? sniffInsideGzip(head, bytes.length) : undefined;
  const format = compareFormat(name, found, inner);
  const context: FileContext = {
    path: `dir/${name}`,
    name,
    kind: options.kind ?? 'other',
    format,
    contentFormat: inner?.format ?? found.format,
    checked: options.checked ?? false,
    settings: { project: 'test' },
  };
  const findings: Found[] = [];
  rule.check(context, (finding) =>
    findings.push({ ruleId: rule.meta.id, severity: rule.meta.severity, ...finding }),
  );
  return findings;
}

/** Bytes that no format claims, the same on every run. */
export function randomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
export const FITS_START = new TextEncoder().encode('SIMPLE  =                    T'.padEnd(2880, ' '));
