/**
 * Small, real preview images built byte by byte for the demo and the broken corpus: PNG with our
 * own chunk writer and zlib stream (stored or fixed-Huffman deflate blocks, so the bytes never
 * depend on the zlib build), GIF with a minimal LZW writer, JPEG with jpeg-js's encoder. Every
 * checksum is computed here independently of src/readers.
 */
import jpeg from 'jpeg-js';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
};

/** One PNG chunk: length, type, data, CRC (or the CRC given, to damage it). */
export function pngChunk(type: string, data: Uint8Array = Buffer.alloc(0), crcOverride?: number): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(crcOverride ?? crc(body))]);
}

/** A zlib stream of stored (uncompressed) deflate blocks: deterministic everywhere. */
export function zlibStored(data: Uint8Array): Buffer {
  const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
  for (let at = 0; at < data.length || at === 0; at += 65535) {
    const block = data.subarray(at, at + 65535);
    const last = at + 65535 >= data.length ? 1 : 0;
    const header = Buffer.alloc(5);
    header[0] = last;
    header.writeUInt16LE(block.length, 1);
    header.writeUInt16LE(~block.length & 0xffff, 3);
    parts.push(header, Buffer.from(block));
    if (data.length === 0) break;
  }
  parts.push(u32(adler32(data)));
  return Buffer.concat(parts);
}

/**
 * A zlib stream of `bytes` zero bytes in one fixed-Huffman block: a literal 0, then copies of
 * 258 bytes at distance 1 (13 bits each): about 160 times smaller than what it inflates to.
 */
export function zlibZeros(bytes: number): Buffer {
  const out: number[] = [0x78, 0x01];
  let bitBuffer = 0;
  let bitCount = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      bitBuffer |= ((value >>> i) & 1) << bitCount;
      if (++bitCount === 8) {
        out.push(bitBuffer);
        bitBuffer = 0;
        bitCount = 0;
      }
    }
  };
  /** Huffman codes are sent most significant bit first. */
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) bits((value >>> i) & 1, 1);
  };
  bits(1, 1); // last block
  bits(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  let left = bytes - 1;
  while (left >= 258) {
    code(0xc5, 8); // length 258 (code 285)
    code(0, 5); // distance 1
    left -= 258;
  }
  for (; left > 0; left--) code(0x30, 8);
  code(0, 7); // end of block
  if (bitCount > 0) out.push(bitBuffer);
  // Adler-32 of `bytes` zeros: a = 1, b = bytes mod 65521.
  return Buffer.concat([Buffer.from(out), u32(((bytes % 65521) << 16) | 1)]);
}

export interface PngSpec {
  width: number;
  height: number;
  bitDepth?: number;
  colourType?: number;
  interlace?: number;
}

export function ihdr(spec: PngSpec): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(spec.width, 0);
  data.writeUInt32BE(spec.height, 4);
  data[8] = spec.bitDepth ?? 8;
  data[9] = spec.colourType ?? 0;
  data[12] = spec.interlace ?? 0;
  return pngChunk('IHDR', data);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A whole PNG from its header spec and its filtered scanlines (inflated image data). */
export function pngFile(spec: PngSpec, scanlines: Uint8Array, extra: Buffer[] = []): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(spec),
    ...extra,
    pngChunk('IDAT', zlibStored(scanlines)),
    pngChunk('IEND'),
  ]);
}

/** 8-bit greyscale pixels (row by row) as scanlines of filter type 0. */
export function greyScanlines(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number,
): Buffer {
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = pixel(x, y);
  return rows;
}

/** A star field: a few Gaussian sources on a faint background, 0–255. */
export function starField(x: number, y: number): number {
  const sources = [
    [12, 14, 3, 230],
    [30, 9, 2, 180],
    [24, 30, 4, 255],
    [40, 38, 2, 150],
    [8, 40, 1.5, 120],
  ] as const;
  let value = 12 + ((x * 7 + y * 13) % 5);
  for (const [sx, sy, sigma, peak] of sources)
    value += peak * Math.exp(-((x - sx) ** 2 + (y - sy) ** 2) / (2 * sigma * sigma));
  return Math.min(255, Math.round(value));
}

/** The demo's preview: a 48 × 48 8-bit greyscale PNG of a star field. */
export function demoPreviewPng(): Buffer {
  const text = Buffer.from('Title\0F444W mosaic of SMACS 0723 (hlsp-validate demo)', 'latin1');
  return pngFile({ width: 48, height: 48 }, greyScanlines(48, 48, starField), [pngChunk('tEXt', text)]);
}

/** A baseline JPEG of the star field, from jpeg-js's encoder (deterministic, pure JavaScript). */
export function starFieldJpeg(width = 48, height = 48): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const value = starField(x % 48, y % 48);
      data.fill(value, (y * width + x) * 4, (y * width + x) * 4 + 3);
      data[(y * width + x) * 4 + 3] = 255;
    }
  return jpeg.encode({ data, width, height }, 85).data;
}

/**
 * A GIF89a of 4 grey levels. Its LZW data sends a clear code before every two pixels, so every
 * code stays 3 bits wide and no dictionary is needed (valid, if not compact).
 */
export function starFieldGif(width = 16, height = 16): Buffer {
  const codes: number[] = [];
  const pixels: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.push(starField(x * 3, y * 3) >> 6);
  for (let i = 0; i < pixels.length; i += 2) codes.push(4, ...pixels.slice(i, i + 2));
  codes.push(5);
  const packed: number[] = [];
  let buffer = 0;
  let count = 0;
  for (const value of codes) {
    buffer |= value << count;
    count += 3;
    while (count >= 8) {
      packed.push(buffer & 0xff);
      buffer >>= 8;
      count -= 8;
    }
  }
  if (count > 0) packed.push(buffer);
  const blocks: number[] = [];
  for (let at = 0; at < packed.length; at += 255) {
    const block = packed.slice(at, at + 255);
    blocks.push(block.length, ...block);
  }
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  screen[4] = 0x81; // global colour table of 4 entries
  const descriptor = Buffer.alloc(10);
  descriptor[0] = 0x2c;
  descriptor.writeUInt16LE(width, 5);
  descriptor.writeUInt16LE(height, 7);
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    screen,
    Buffer.from([0, 0, 0, 85, 85, 85, 170, 170, 170, 255, 255, 255]),
    descriptor,
    Buffer.from([2, ...blocks, 0, 0x3b]),
  ]);
}

/** First column, first row, column step and row step of each Adam7 pass (PNG §8.2). */
const ADAM7_PASSES = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;
const CHANNELS_OF: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * The filtered scanlines (filter type 0) of an image given sample by sample, interlaced or not,
 * built by walking the pixels of each pass, independently of the reader's size formula.
 */
export function scanlinesOf(
  spec: PngSpec,
  sample: (x: number, y: number, channel: number) => number,
): Buffer {
  const depth = spec.bitDepth ?? 8;
  const channels = CHANNELS_OF[spec.colourType ?? 0]!;
  const passes = spec.interlace ? ADAM7_PASSES : ([[0, 0, 1, 1]] as const);
  const out: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    for (let y = y0; y < spec.height; y += dy) {
      const row: number[] = [0];
      let bits = 0;
      let filled = 0;
      for (let x = x0; x < spec.width; x += dx)
        for (let c = 0; c < channels; c++) {
          const value = sample(x, y, c) & ((1 << depth) - 1);
          if (depth === 16) row.push(value >> 8, value & 0xff);
          else if (depth === 8) row.push(value);
          else {
            bits = (bits << depth) | value;
            filled += depth;
            if (filled === 8) {
              row.push(bits);
              bits = 0;
              filled = 0;
            }
          }
        }
      if (filled > 0) row.push(bits << (8 - filled));
      if (row.length > 1) out.push(...row);
    }
  }
  return Buffer.from(out);
}

/** A palette of `entries` greys, for indexed-colour images. */
export function greyPalette(entries: number): Buffer {
  return pngChunk('PLTE', Buffer.from(Array.from({ length: entries }, (_, i) => [i, i, i]).flat()));
}
