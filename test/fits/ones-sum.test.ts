/**
 * The WebAssembly SIMD ones'-complement sum (src/fits/wasm/ones-sum.wat) against the JavaScript
 * loop, on bytes in the reader's page-aligned memory: every alignment, every tail, carry-heavy
 * words, and the parser's odd chunk boundaries. Fixed seed and budget; FUZZ_SEED and FUZZ_RUNS
 * change them (`npm run fuzz`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWords, addWordsLoop, ONES_MODULUS } from '../../src/fits/checksum.js';
import { FitsParser } from '../../src/fits/parser.js';
import { READ_BYTES, readBuffer, simdSum } from '../../src/fits/wasm/ones-sum.js';
import { card, fitsFile, primaryCards } from '../support/fits-builder.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Copies `bytes` into the aligned memory at `offset` and returns the view the reader would pass. */
function placed(bytes: Uint8Array, offset: number): Buffer {
  const memory = readBuffer();
  memory.set(bytes, offset);
  return memory.subarray(offset, offset + bytes.length);
}

/** Both sums of `bytes[start, end)`, the SIMD one from the aligned memory at `offset`. */
function bothSums(bytes: Uint8Array, offset: number, start: number, end: number, sum = 0) {
  const simd = addWords(sum, placed(bytes, offset), start, end);
  return { simd, loop: addWordsLoop(sum, Uint8Array.from(bytes), start, end) };
}

function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

describe('the WebAssembly ones-complement sum', () => {
  it('is built reproducibly: rebuilding ones-sum.wat gives the committed module', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('is the sum in use for the reader memory on this Node (SIMD supported)', () => {
    const bytes = placed(new Uint8Array(256).fill(1), 0);
    expect(simdSum(bytes, 0, 256)).toBe(64 * 0x01010101);
    // Outside the aligned memory it declines, and the loop sums.
    expect(simdSum(new Uint8Array(256), 0, 256)).toBe(-1);
  });

  it('equals the loop at every alignment 0-15 and tail of 0-7 words, small and large', () => {
    for (const words of [64, 65, 1000, (READ_BYTES >> 2) - 64]) {
      const bytes = randomBytes(words * 4 + 8 * 4, words);
      for (let offset = 0; offset < 16; offset++) {
        for (let tail = 0; tail < 8; tail++) {
          const end = (words + tail) * 4;
          const { simd, loop } = bothSums(bytes, offset, 0, end, 12345);
          expect(simd, `offset ${offset}, ${words} + ${tail} words`).toBe(loop);
        }
      }
    }
  });

  it('equals the loop on carry-heavy words (all 0xFF, and 0xFFFFFFFE)', () => {
    const ones = new Uint8Array(READ_BYTES - 64).fill(0xff);
    for (let offset = 0; offset < 16; offset += 3) {
      const { simd, loop } = bothSums(ones, offset, 0, ones.length);
      expect(simd).toBe(loop);
      expect(simd % ONES_MODULUS).toBe(0);
    }
    const nearly = new Uint8Array(READ_BYTES - 16).fill(0xff);
    for (let i = 3; i < nearly.length; i += 4) nearly[i] = 0xfe;
    const { simd, loop } = bothSums(nearly, 5, 4, nearly.length - 4, ONES_MODULUS - 1);
    expect(simd).toBe(loop);
  });

  it('equals the loop on random bytes, offsets and ranges (fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9000 }),
        fc.integer(),
        fc.integer({ min: 0, max: 15 }),
        fc.nat(),
        fc.nat(),
        fc.nat(ONES_MODULUS - 1),
        (length, seed, offset, a, b, sum) => {
          // Lengths drawn over the whole range: fast-check's own arrays stay short, below the SIMD's.
          const raw = randomBytes(length, seed);
          const words = raw.length >> 2;
          const from = (a % (words + 1)) * 4;
          const to = from + (b % (words - from / 4 + 1)) * 4;
          const { simd, loop } = bothSums(raw, offset, from, to, sum);
          expect(simd).toBe(loop);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('gives the parser the same DATASUM for chunks cut at odd byte counts (fixed seed)', () => {
    const pixels = randomBytes(3 * 2880 + 1234, 7);
    const file = fitsFile([
      {
        cards: [...primaryCards({ bitpix: 8, axes: [pixels.length] }), card('BUNIT', 'adu')],
        data: pixels,
        checksum: true,
      },
    ]);
    const whole = new FitsParser();
    whole.push(Uint8Array.from(file));
    const expected = whole.end().hdus[0]!.dataSum;
    expect(expected).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4099 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 15 }),
        (cuts, offset) => {
          const parser = new FitsParser();
          let position = 0;
          for (let turn = 0; position < file.length; turn++) {
            const length = Math.min(cuts[turn % cuts.length]!, file.length - position);
            parser.push(placed(file.subarray(position, position + length), offset));
            position += length;
          }
          expect(parser.end().hdus[0]!.dataSum).toBe(expected);
        },
      ),
      { numRuns: Math.max(20, RUNS >> 3), seed: SEED },
    );
  });
});
