/**
 * Restoring floating-point pixels from the scaled integers of a quantized tile (FITS 4.0 §10.2):
 * value = (integer - dither + 0.5) · ZSCALE + ZZERO with subtractive dithering, or
 * integer · ZSCALE + ZZERO without. The dither values come from a fixed sequence of 10,000
 * pseudo-random numbers that every reader and writer must reproduce exactly.
 */

export type QuantizeMethod = 'NO_DITHER' | 'SUBTRACTIVE_DITHER_1' | 'SUBTRACTIVE_DITHER_2';

/** Length of the dither sequence (FITS 4.0 §10.2.1). */
export const DITHER_SEQUENCE_LENGTH = 10_000;

/** SUBTRACTIVE_DITHER_2 stores pixels that were exactly 0.0 as this integer. */
export const ZERO_VALUE = -2_147_483_646;

let ditherSequence: Float32Array | undefined;

/**
 * The standard's dither sequence: the Park–Miller minimal standard generator (a = 16807,
 * m = 2^31 - 1) from seed 1, each value seed/m rounded to single precision as the writers store it.
 */
export function ditherValues(): Float32Array {
  if (ditherSequence) return ditherSequence;
  const values = new Float32Array(DITHER_SEQUENCE_LENGTH);
  const a = 16807;
  const m = 2147483647;
  let seed = 1;
  for (let i = 0; i < DITHER_SEQUENCE_LENGTH; i++) {
    // a·seed < 2^46, exact in a double, so the remainder is exact too.
    seed = (a * seed) % m;
    values[i] = seed / m;
  }
  ditherSequence = values;
  return values;
}

export interface Dequantization {
  method: QuantizeMethod;
  scale: number;
  zero: number;
  /** The integer that marks an undefined pixel (ZBLANK), if any. */
  blank?: number;
  /** ZDITHER0, 1..10000. */
  ditherSeed: number;
  /** 1-based tile (row) number: it picks where the tile's dither values start. */
  tile: number;
}

/**
 * Turns a tile's quantized integers into pixels. The arithmetic is in double precision; storing
 * into a Float32Array (ZBITPIX = -32) then rounds to nearest, as the writers' C cast does.
 */
export function dequantize(
  integers: ArrayLike<number>,
  output: Float32Array | Float64Array,
  options: Dequantization,
): void {
  const { method, scale, zero, blank } = options;
  const count = integers.length;
  const setUndefined = undefinedPixelWriter(output);
  if (method === 'NO_DITHER') {
    for (let i = 0; i < count; i++) {
      const integer = integers[i]!;
      if (integer === blank) setUndefined(i);
      else output[i] = integer * scale + zero;
    }
    return;
  }
  const random = ditherValues();
  // Each tile starts at its own place in the sequence, offset by ZDITHER0.
  let seedIndex = (options.tile - 1 + options.ditherSeed - 1) % DITHER_SEQUENCE_LENGTH;
  let next = Math.trunc(random[seedIndex]! * 500);
  const keepZeros = method === 'SUBTRACTIVE_DITHER_2';
  for (let i = 0; i < count; i++) {
    const integer = integers[i]!;
    if (integer === blank) setUndefined(i);
    else if (keepZeros && integer === ZERO_VALUE) output[i] = 0;
    else output[i] = (integer - random[next]! + 0.5) * scale + zero;
    // Every pixel, defined or not, uses up one dither value.
    next++;
    if (next === DITHER_SEQUENCE_LENGTH) {
      seedIndex = (seedIndex + 1) % DITHER_SEQUENCE_LENGTH;
      next = Math.trunc(random[seedIndex]! * 500);
    }
  }
}

/**
 * Marks pixel i undefined with a NaN whose bits are all ones, the pattern CFITSIO writes (funpack's
 * output, and so the checksums of the restored image, depend on it). Written through an integer
 * view because JavaScript may canonicalize a NaN stored as a number.
 */
export function undefinedPixelWriter(output: Float32Array | Float64Array): (index: number) => void {
  if (output instanceof Float32Array) {
    const bits = new Uint32Array(output.buffer, output.byteOffset, output.length);
    return (index) => {
      bits[index] = 0xffffffff;
    };
  }
  const bits = new BigUint64Array(output.buffer, output.byteOffset, output.length);
  return (index) => {
    bits[index] = 0xffffffffffffffffn;
  };
}
