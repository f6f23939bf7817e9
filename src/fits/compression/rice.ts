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

/** Fewer than this many bits left where a value was expected: the stream ended early. */
class OutOfBits extends Error {}

/** Reads bits most-significant first; keeps at most 31 unread bits so `>>>` stays exact. */
class BitReader {
  private position: number;
  private buffer = 0;
  private buffered = 0;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
  ) {
    this.position = start;
  }

  /** Up to 16 bits as an unsigned number. */
  read(count: number): number {
    this.fill();
    if (this.buffered < count) throw new OutOfBits();
    this.buffered -= count;
    const value = this.buffer >>> this.buffered;
    this.buffer &= (1 << this.buffered) - 1;
    return value;
  }

  /** 32 raw bits, in two halves because `read` keeps its values under 2^16. */
  read32(): number {
    const high = this.read(16);
    return high * 0x10000 + this.read(16);
  }

  /** The number of 0 bits before the next 1 bit, which is consumed too. */
  readUnary(): number {
    let zeros = 0;
    for (;;) {
      this.fill();
      if (this.buffered === 0) throw new OutOfBits();
      if (this.buffer === 0) {
        zeros += this.buffered;
        this.buffered = 0;
        continue;
      }
      const leading = Math.clz32(this.buffer) - (32 - this.buffered);
      zeros += leading;
      this.buffered -= leading + 1;
      this.buffer &= (1 << this.buffered) - 1;
      return zeros;
    }
  }

  /** Whole bytes after the one holding the last bit consumed. */
  unusedBytes(): number {
    const consumedBits = this.position * 8 - this.buffered;
    return this.bytes.length - Math.ceil(consumedBits / 8);
  }

  private fill(): void {
    while (this.buffered <= 23 && this.position < this.bytes.length) {
      this.buffer = (this.buffer << 8) | this.bytes[this.position++]!;
      this.buffered += 8;
    }
  }
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
  const reader = new BitReader(input, bytePix);
  // Wraps a sum to the pixel width the way the encoder's integer arithmetic did.
  const wrap =
    bytePix === 1
      ? (value: number) => value & 0xff
      : bytePix === 2
        ? (value: number) => (value << 16) >> 16
        : (value: number) => value | 0;
  last = wrap(last);
  const mappedLimit = 2 ** coding.rawBits;
  let index = 0;
  try {
    while (index < pixelCount) {
      const end = Math.min(index + blockSize, pixelCount);
      const fs = reader.read(coding.codeBits) - 1;
      if (fs < 0) {
        // A block of zero differences: every pixel repeats the last one.
        pixels.fill(last, index, end);
        index = end;
        continue;
      }
      if (fs > coding.rawFs) {
        return {
          ok: false,
          error: `corrupt RICE_1 stream: FS code ${fs + 1} at pixel ${index + 1} is above the largest (${coding.rawFs + 1}) for BYTEPIX ${bytePix}`,
        };
      }
      for (; index < end; index++) {
        let mapped: number;
        if (fs === coding.rawFs) {
          mapped = coding.rawBits === 32 ? reader.read32() : reader.read(coding.rawBits);
        } else {
          const quotient = reader.readUnary();
          // A valid encoder never writes a mapped difference wider than the pixel.
          if (quotient >= mappedLimit / 2 ** fs) {
            return {
              ok: false,
              error: `corrupt RICE_1 stream: the difference at pixel ${index + 1} is wider than ${coding.rawBits} bits`,
            };
          }
          mapped = quotient * 2 ** fs + (fs > 0 ? reader.read(fs) : 0);
        }
        // Even mapped values are non-negative differences, odd ones negative.
        const difference = mapped % 2 === 0 ? mapped / 2 : -(mapped + 1) / 2;
        last = wrap(last + difference);
        pixels[index] = last;
      }
    }
  } catch (error) {
    if (error instanceof OutOfBits) {
      return {
        ok: false,
        error: `the RICE_1 stream ends at pixel ${index + 1} of ${pixelCount} (${input.length} bytes)`,
      };
    }
    return { ok: false, error: `RICE_1 decoding failed: ${error instanceof Error ? error.message : error}` };
  }
  const left = reader.unusedBytes();
  if (left > 0) {
    return {
      ok: false,
      error: `corrupt RICE_1 stream: ${left} bytes are left after the tile's ${pixelCount} pixels`,
    };
  }
  return { ok: true, pixels };
}
