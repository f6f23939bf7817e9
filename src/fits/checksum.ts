/**
 * The FITS 32-bit ones'-complement checksum (FITS 4.0 §4.4.2.7 and Appendix J).
 *
 * Sums are kept modulo 2^32 - 1, which is what end-around carry computes; the only difference is
 * that end-around carry writes a non-zero multiple of 2^32 - 1 as 0xFFFFFFFF, which `toStored` does.
 */
import { simdSum } from './wasm/ones-sum.js';

export const ONES_MODULUS = 0xffffffff;

/** Below this many bytes the JavaScript loop is as fast as a call into WebAssembly. */
const SIMD_MIN_BYTES = 256;

/**
 * Adds the big-endian 32-bit words of `bytes[start, end)` to `sum`. `end - start` must be a multiple
 * of 4. Bytes in the reader's aligned memory are summed with WebAssembly SIMD (about 4× the loop),
 * others by the loop. Every argument is required: a call that left `end` to its default gave V8 a
 * second call shape, and after the second large file it deoptimised the loop for good.
 */
export function addWords(sum: number, bytes: Uint8Array, start: number, end: number): number {
  if (end - start >= SIMD_MIN_BYTES) {
    const simd = simdSum(bytes, start, end);
    if (simd >= 0) return (sum + (simd % ONES_MODULUS)) % ONES_MODULUS;
  }
  return addWordsLoop(sum, bytes, start, end);
}

/** `addWords` in plain JavaScript: the fallback, and the reference the SIMD sum is tested against. */
export function addWordsLoop(sum: number, bytes: Uint8Array, start: number, end: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Float64 stays exact below 2^53, so fold every 2^20 words (each < 2^32). Four independent
  // accumulators let the additions overlap (about 20% faster than one).
  const stride = 4 << 20;
  for (let chunk = start; chunk < end; chunk += stride) {
    const stop = Math.min(chunk + stride, end);
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    let i = chunk;
    for (; i + 16 <= stop; i += 16) {
      a += view.getUint32(i);
      b += view.getUint32(i + 4);
      c += view.getUint32(i + 8);
      d += view.getUint32(i + 12);
    }
    for (; i < stop; i += 4) a += view.getUint32(i);
    sum =
      (sum + (a % ONES_MODULUS) + (b % ONES_MODULUS) + (c % ONES_MODULUS) + (d % ONES_MODULUS)) %
      ONES_MODULUS;
  }
  return sum;
}

/** Adds two sums (ones'-complement sums of adjacent word-aligned ranges add). */
export function combineSums(a: number, b: number): number {
  return (a + b) % ONES_MODULUS;
}

/** The value CFITSIO writes in DATASUM for this sum. */
export function toStored(sum: number, anyNonZero: boolean): number {
  return sum === 0 && anyNonZero ? ONES_MODULUS : sum;
}

/** Encodes a sum as the 16-character CHECKSUM string for that sum's complement (FITS App. J). */
export function encodeChecksum(sum: number): string {
  const value = (ONES_MODULUS - (sum % ONES_MODULUS)) >>> 0;
  const exclude = new Set([0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60]);
  const chars = new Array<number>(16).fill(0);
  for (let byteIndex = 0; byteIndex < 4; byteIndex++) {
    const byte = (value >>> (24 - 8 * byteIndex)) & 0xff;
    const quotient = Math.floor(byte / 4) + 0x30;
    const remainder = byte % 4;
    const column = [quotient + remainder, quotient, quotient, quotient];
    let changed = true;
    while (changed) {
      changed = false;
      for (let k = 0; k < 4; k += 2) {
        if (exclude.has(column[k]!) || exclude.has(column[k + 1]!)) {
          column[k] = column[k]! + 1;
          column[k + 1] = column[k + 1]! - 1;
          changed = true;
        }
      }
    }
    for (let k = 0; k < 4; k++) chars[4 * k + byteIndex] = column[k]!;
  }
  // Rotate right by one character.
  const rotated = [chars[15]!, ...chars.slice(0, 15)];
  return String.fromCharCode(...rotated);
}

/** Parses a DATASUM value (an unsigned decimal string); null when blank or not a number. */
export function parseDatasum(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^[0-9]+$/.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return value > ONES_MODULUS ? Number.NaN : value;
}
