/**
 * RICE_1 decoding (FITS 4.0 §10.4.1; Rice, Yeh & Miller 1993), in the layout fpack writes:
 * the tile's first pixel raw in BYTEPIX big-endian bytes, then for every block of BLOCKSIZE
 * pixels an FS code followed by that block's pixel differences. A difference is first mapped to
 * a non-negative number (0, -1, 1, -2… → 0, 1, 2, 3…) and then written as a unary quotient and
 * FS low bits; FS code 0 means a block of zero differences, the largest code raw differences.
 */

/** The pixels of one tile, as the compressed integers they were before any scaling. */
export type RicePixels = Uint8Array | Int16Array | Int32Array;

export type RiceResult = { ok: true; pixels: RicePixels } | { ok: false; error: string };

export interface RiceParameters {
  /** Pixels per block (ZNAMEi = 'BLOCKSIZE'); 32 when the header does not say. */
  blockSize: number;
  /** Bytes per pixel of the compressed integers (ZNAMEi = 'BYTEPIX'): 1, 2 or 4. */
  bytePix: number;
}

/** Per BYTEPIX: bits of the FS code, the FS that marks raw differences, bits of a raw difference. */
const CODINGS: Record<number, { codeBits: number; rawFs: number; rawBits: number }> = {
  1: { codeBits: 3, rawFs: 6, rawBits: 8 },
  2: { codeBits: 4, rawFs: 14, rawBits: 16 },
  4: { codeBits: 5, rawFs: 25, rawBits: 32 },
};

function endedEarly(index: number, pixelCount: number, length: number): RiceResult {
  return {
    ok: false,
    error: `the RICE_1 stream ends at pixel ${index + 1} of ${pixelCount} (${length} bytes)`,
  };
}

/**
 * Decodes one RICE_1 tile of `pixelCount` pixels. Never throws and always ends: every pixel
 * consumes at least one bit except in zero blocks, and the pixel loop is bounded by the tile.
 * Damage shows as an error: too few bytes, an FS code no encoder writes, a difference wider than
 * BYTEPIX, or whole bytes left over after the last pixel.
 */
export function decodeRice(input: Uint8Array, pixelCount: number, parameters: RiceParameters): RiceResult {
  const { blockSize, bytePix } = parameters;
  const coding = CODINGS[bytePix];
  if (!coding) return { ok: false, error: `RICE_1 BYTEPIX = ${bytePix} is not 1, 2 or 4` };
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > 1 << 20)
    return { ok: false, error: `RICE_1 BLOCKSIZE = ${blockSize} is not a positive block length` };
  if (!Number.isInteger(pixelCount) || pixelCount < 0)
    return { ok: false, error: `a tile of ${pixelCount} pixels cannot be decoded` };
  const pixels =
    bytePix === 1
      ? new Uint8Array(pixelCount)
      : bytePix === 2
        ? new Int16Array(pixelCount)
        : new Int32Array(pixelCount);
  if (pixelCount === 0) return { ok: true, pixels };
  if (input.length < bytePix)
    return { ok: false, error: `the RICE_1 stream has ${input.length} bytes, too few for its first pixel` };

  let last = 0;
  for (let i = 0; i < bytePix; i++) last = last * 256 + input[i]!;
  // The bit reader is inlined (state in locals): this loop runs once per pixel, and as method
  // calls it took about 300 ns a pixel; the buffer keeps at most 31 unread bits.
  const { codeBits, rawFs, rawBits } = coding;
  const length = input.length;
  let position = bytePix;
  let buffer = 0;
  let buffered = 0;
  // Wraps a sum to the pixel width the way the encoder's integer arithmetic did.
  const wrapShift = 32 - 8 * bytePix;
  last = bytePix === 1 ? last & 0xff : (last << wrapShift) >> wrapShift;
  const mappedLimit = 2 ** rawBits;
  let index = 0;
  while (index < pixelCount) {
    const end = Math.min(index + blockSize, pixelCount);
    while (buffered <= 23 && position < length) {
      buffer = (buffer << 8) | input[position++]!;
      buffered += 8;
    }
    if (buffered < codeBits) return endedEarly(index, pixelCount, length);
    buffered -= codeBits;
    const fs = (buffer >>> buffered) - 1;
    buffer &= (1 << buffered) - 1;
    if (fs < 0) {
      // A block of zero differences: every pixel repeats the last one.
      pixels.fill(last, index, end);
      index = end;
      continue;
    }
    if (fs > rawFs) {
      return {
        ok: false,
        error: `corrupt RICE_1 stream: FS code ${fs + 1} at pixel ${index + 1} is above the largest (${rawFs + 1}) for BYTEPIX ${bytePix}`,
      };
    }
    const scale = 2 ** fs;
    const quotientLimit = mappedLimit / scale;
    for (; index < end; index++) {
      let mapped: number;
      if (fs === rawFs) {
        // Raw differences, read in halves of at most 16 bits.
        mapped = 0;
        for (let left = rawBits; left > 0; left -= 16) {
          const take = Math.min(left, 16);
          while (buffered <= 23 && position < length) {
            buffer = (buffer << 8) | input[position++]!;
            buffered += 8;
          }
          if (buffered < take) return endedEarly(index, pixelCount, length);
          buffered -= take;
          mapped = mapped * 2 ** take + (buffer >>> buffered);
          buffer &= (1 << buffered) - 1;
        }
      } else {
        let quotient = 0;
        for (;;) {
          while (buffered <= 23 && position < length) {
            buffer = (buffer << 8) | input[position++]!;
            buffered += 8;
          }
          if (buffered === 0) return endedEarly(index, pixelCount, length);
          if (buffer === 0) {
            quotient += buffered;
            buffered = 0;
            continue;
          }
          const leading = Math.clz32(buffer) - (32 - buffered);
          quotient += leading;
          buffered -= leading + 1;
          buffer &= (1 << buffered) - 1;
          break;
        }
        // A valid encoder never writes a mapped difference wider than the pixel.
        if (quotient >= quotientLimit) {
          return {
            ok: false,
            error: `corrupt RICE_1 stream: the difference at pixel ${index + 1} is wider than ${rawBits} bits`,
          };
        }
        let low = 0;
        if (fs > 0) {
          while (buffered <= 23 && position < length) {
            buffer = (buffer << 8) | input[position++]!;
            buffered += 8;
          }
          if (buffered < fs) return endedEarly(index, pixelCount, length);
          buffered -= fs;
          low = buffer >>> buffered;
          buffer &= (1 << buffered) - 1;
        }
        mapped = quotient * scale + low;
      }
      // Even mapped values are non-negative differences, odd ones negative.
      const difference = (mapped >>> 1) ^ -(mapped & 1);
      const sum = last + difference;
      last = bytePix === 1 ? sum & 0xff : (sum << wrapShift) >> wrapShift;
      pixels[index] = last;
    }
  }
  const consumedBits = position * 8 - buffered;
  const left = length - Math.ceil(consumedBits / 8);
  if (left > 0) {
    return {
      ok: false,
      error: `corrupt RICE_1 stream: ${left} bytes are left after the tile's ${pixelCount} pixels`,
    };
  }
  return { ok: true, pixels };
}
