import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWords, ONES_MODULUS } from '../../src/fits/checksum.js';

/** The ones'-complement sum word by word, with end-around carry, as FITS Appendix J describes it. */
function referenceSum(bytes: Uint8Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i += 4) {
    const word = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    sum += word;
    if (sum > ONES_MODULUS) sum -= ONES_MODULUS;
  }
  return sum % ONES_MODULUS;
}

describe('addWords', () => {
  it('equals the word-by-word sum for any bytes and any word-aligned range (fixed seed)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }), fc.nat(), fc.nat(), (raw, a, b) => {
        const words = raw.length >> 2;
        const from = (words === 0 ? 0 : a % (words + 1)) * 4;
        const to = from + (words === 0 ? 0 : b % (words - from / 4 + 1)) * 4;
        expect(addWords(0, raw, from, to)).toBe(referenceSum(raw, from, to));
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });

  it('stays exact across its fold boundary (more than 2^20 words of 0xFFFFFFFE)', () => {
    const bytes = new Uint8Array((4 << 20) + 4 * 37).fill(0xff);
    for (let i = 3; i < bytes.length; i += 4) bytes[i] = 0xfe;
    expect(addWords(0, bytes, 0, bytes.length)).toBe(referenceSum(bytes, 0, bytes.length));
    expect(addWords(123, bytes, 4 * 5, bytes.length - 8)).toBe(
      (123 + referenceSum(bytes, 4 * 5, bytes.length - 8)) % ONES_MODULUS,
    );
  });
});
