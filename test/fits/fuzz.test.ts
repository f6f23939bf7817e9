/**
 * Hostile input for the reader: random mutations of valid files never make it throw, hang, or
 * allocate for sizes a file merely claims. Fixed seed and budget in CI; `npm run fuzz` runs longer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FitsParser, parseFitsBytes } from '../../src/fits/parser.js';
import {
  binaryTableCards,
  card,
  fitsFile,
  imageExtensionCards,
  int16Data,
  primaryCards,
} from '../support/fits-builder.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

function base(): Buffer {
  const table = Buffer.alloc(3 * 16);
  for (let row = 0; row < 3; row++) {
    table.writeInt32BE(2, row * 16);
    table.writeInt32BE(row * 8, row * 16 + 4);
    table.writeDoubleBE(row, row * 16 + 8);
  }
  const heap = Buffer.alloc(24, 1);
  return fitsFile([
    { cards: primaryCards(), checksum: true },
    { cards: imageExtensionCards({ axes: [8, 8] }), data: int16Data(new Array(64).fill(3)), checksum: true },
    {
      cards: [
        ...binaryTableCards(
          [
            { name: 'V', format: '1PJ(2)' },
            { name: 'X', format: 'D' },
          ],
          3,
          16,
          { pcount: 24 },
        ),
      ],
      data: Buffer.concat([table, heap]),
      checksum: true,
    },
  ]);
}

const VALID = base();

/** Parses with a time bound; a hang would show up as a slow property failure. */
function parseBounded(bytes: Uint8Array) {
  const started = process.hrtime.bigint();
  const result = parseFitsBytes(bytes);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  expect(ms).toBeLessThan(2000);
  return result;
}

describe('reader fuzzing (fixed seed)', () => {
  it('survives random byte flips', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(VALID.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (flips) => {
          const bytes = Buffer.from(VALID);
          for (const [at, value] of flips) bytes[at] = value;
          const file = parseBounded(bytes);
          expect(file.size).toBe(bytes.length);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('survives truncation at every block boundary and in between', () => {
    // A file cut exactly between two HDUs is still a valid FITS file; anywhere else is damage.
    const hduStarts = new Set(parseFitsBytes(VALID).hdus.map((hdu) => hdu.headerOffset));
    for (let end = 0; end <= VALID.length; end += 2880) {
      const file = parseBounded(VALID.subarray(0, end));
      if (end < VALID.length && !hduStarts.has(end))
        expect(file.problems.length, `cut at ${end}`).toBeGreaterThan(0);
    }
    fc.assert(
      fc.property(fc.nat(VALID.length), (end) => {
        parseBounded(VALID.subarray(0, end));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('survives arbitrary chunking of arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 9000 }), fc.integer({ min: 1, max: 3000 }), (bytes, chunk) => {
        const parser = new FitsParser();
        for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
        parser.end();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('does not allocate for huge NAXISn, PCOUNT or GCOUNT claims', () => {
    for (const cards of [
      primaryCards({ bitpix: -64, axes: [999_999_999, 999_999_999, 999_999_999] }),
      [...imageExtensionCards({ axes: [10] }).filter((c) => c.keyword !== 'PCOUNT'), card('PCOUNT', 2 ** 52)],
      [...imageExtensionCards({ axes: [10] }).filter((c) => c.keyword !== 'GCOUNT'), card('GCOUNT', -5)],
    ]) {
      const before = process.memoryUsage().arrayBuffers;
      const file = parseBounded(fitsFile([{ cards: primaryCards() }, { cards }]));
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
      expect(file.problems.length + (file.hdus.at(-1)?.dataBytesRead === 0 ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('walks 10,000 HDUs and stops at the limit with a problem', () => {
    const hdu = fitsFile([{ cards: imageExtensionCards() }]);
    const bytes = Buffer.concat([fitsFile([{ cards: primaryCards() }]), ...new Array(10_000).fill(hdu)]);
    const file = parseBounded(bytes);
    expect(file.hdus.length).toBe(10_000);
    expect(file.problems.map((p) => p.code)).toEqual(['too-many-hdus']);
  });

  it('stops a 100 MB header at the header limit without keeping it', () => {
    const parser = new FitsParser();
    const block = Buffer.alloc(2880, 0x20);
    block.write('COMMENT   filler', 0, 'latin1');
    parser.push(fitsFile([{ cards: primaryCards(), noEnd: true }]));
    const before = process.memoryUsage().rss;
    for (let i = 0; i < (100 * 1024 * 1024) / 2880; i++) parser.push(block);
    const file = parser.end();
    expect(file.problems.map((p) => p.code)).toContain('header-too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  });
});
