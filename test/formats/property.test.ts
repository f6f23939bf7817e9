/** Hostile input: sniffing and comparing answer for any bytes, sizes and names, and never throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFormat } from '../../src/formats/compare.js';
import { sniffInsideGzip } from '../../src/formats/inside.js';
import { FORMATS } from '../../src/formats/registry.js';
import { SNIFF_HEAD_BYTES, sniffFormat } from '../../src/formats/sniff.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const known = new Set(FORMATS.map((info) => info.id));

/** Starts that steer generated heads into each branch of the sniffer, not only into "unknown". */
const prefixes = [
  'SIMPLE  = ',
  '\x1f\x8b\x08',
  'BZh9',
  'PK\x03\x04',
  'PAR1',
  '%!PS',
  '#ASDF ',
  '# %ECSV ',
  '<?xml ',
  '<VOTABLE',
  '<!DOCTYPE html',
  '{',
  '[',
  '---\n',
  '\uFEFF',
].map((text) => Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff));

const head = fc.oneof(
  fc.uint8Array({ maxLength: SNIFF_HEAD_BYTES + 16 }),
  fc.string({ unit: 'binary', maxLength: 600 }).map((text) => new TextEncoder().encode(text)),
  fc
    .tuple(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 300 }))
    .map(([start, rest]) => Uint8Array.from([...start, ...rest])),
);
const size = fc.oneof(
  fc.nat(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
);
const name = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'a.fits',
    'a.FITS.GZ',
    'a.fits.z',
    'a.tar.gz',
    'a.txt',
    'a.parquet',
    'a.gz',
    '.fits',
    '',
    '.',
  ),
);

describe('sniffing hostile input', () => {
  it('always answers with a known format and never throws', () => {
    fc.assert(
      fc.property(head, fc.uint8Array({ maxLength: 16 }), size, name, (start, end, length, fileName) => {
        const found = sniffFormat(start, end, length);
        expect(known).toContain(found.format);
        const inner = sniffInsideGzip(start, length);
        if (inner) expect(known).toContain(inner.format);
        const comparison = compareFormat(fileName, found, inner);
        if (comparison.verdict !== 'agrees' && comparison.verdict !== 'unpromised') {
          expect(comparison.message).toMatch(/^named \./);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
