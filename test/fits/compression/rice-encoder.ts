/**
 * A small RICE_1 encoder for tests only: it lets the decoder be checked on any input, by round
 * trip, without fpack. It picks each block's FS by trying them all, which is slow and simple.
 */

const CODINGS: Record<number, { codeBits: number; rawFs: number; rawBits: number }> = {
  1: { codeBits: 3, rawFs: 6, rawBits: 8 },
  2: { codeBits: 4, rawFs: 14, rawBits: 16 },
  4: { codeBits: 5, rawFs: 25, rawBits: 32 },
};

class BitWriter {
  private readonly bytes: number[] = [];
  private buffer = 0;
  private buffered = 0;

  /** Up to 16 bits. */
  write(value: number, count: number): void {
    for (let bit = count - 1; bit >= 0; bit--) this.bit((value >>> bit) & 1);
  }

  write32(value: number): void {
    this.write(Math.floor(value / 0x10000), 16);
    this.write(value % 0x10000, 16);
  }

  unary(zeros: number): void {
    for (let i = 0; i < zeros; i++) this.bit(0);
    this.bit(1);
  }

  byte(value: number): void {
    this.write(value, 8);
  }

  finish(): Uint8Array {
    if (this.buffered > 0) this.bytes.push((this.buffer << (8 - this.buffered)) & 0xff);
    return Uint8Array.from(this.bytes);
  }

  private bit(value: number): void {
    this.buffer = (this.buffer << 1) | value;
    if (++this.buffered === 8) {
      this.bytes.push(this.buffer & 0xff);
      this.buffer = 0;
      this.buffered = 0;
    }
  }
}

/** The signed difference wrapped to the pixel width, mapped 0, -1, 1, -2… → 0, 1, 2, 3… */
function mapped(next: number, last: number, bytePix: number): number {
  const shift = 32 - 8 * bytePix;
  const difference = shift === 0 ? (next - last) | 0 : ((next - last) << shift) >> shift;
  return difference >= 0 ? 2 * difference : -2 * difference - 1;
}

export function encodeRice(values: ArrayLike<number>, bytePix: 1 | 2 | 4, blockSize = 32): Uint8Array {
  const coding = CODINGS[bytePix]!;
  const out = new BitWriter();
  if (values.length === 0) return out.finish();
  const first = values[0]! >>> 0;
  for (let i = bytePix - 1; i >= 0; i--) out.byte(Math.floor(first / 2 ** (8 * i)) % 256);
  let last = values[0]!;
  for (let start = 0; start < values.length; start += blockSize) {
    const end = Math.min(start + blockSize, values.length);
    const block: number[] = [];
    for (let i = start; i < end; i++) {
      block.push(mapped(values[i]!, last, bytePix));
      last = values[i]!;
    }
    if (block.every((m) => m === 0)) {
      out.write(0, coding.codeBits);
      continue;
    }
    let bestFs = coding.rawFs;
    let bestBits = block.length * coding.rawBits;
    for (let fs = 0; fs < coding.rawFs; fs++) {
      const bits = block.reduce((sum, m) => sum + Math.floor(m / 2 ** fs) + 1 + fs, 0);
      if (bits < bestBits) {
        bestBits = bits;
        bestFs = fs;
      }
    }
    out.write(bestFs + 1, coding.codeBits);
    for (const m of block) {
      if (bestFs === coding.rawFs) {
        if (coding.rawBits === 32) out.write32(m);
        else out.write(m, coding.rawBits);
      } else {
        out.unary(Math.floor(m / 2 ** bestFs));
        if (bestFs > 0) out.write(m % 2 ** bestFs, bestFs);
      }
    }
  }
  return out.finish();
}
