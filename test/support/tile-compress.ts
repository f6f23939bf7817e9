/**
 * A small tile compressor for tests and the demo: turns an IMAGE extension into the BINTABLE that
 * fpack would write (one tile per image row), deterministically, so the bytes can be committed.
 * Integers are RICE_1 or GZIP_1/2 compressed losslessly; floats are either quantized without
 * dithering to integers of a fixed ZSCALE (then RICE_1) or gzipped as they are (ZQUANTIZ = 'NONE').
 */
import { gzipSync } from 'node:zlib';
import { parseCard } from '../../src/fits/card.js';
import { encodeRice } from '../fits/compression/rice-encoder.js';
import { type CardSpec, card, type HduSpec, hduBytes, rawCard } from './fits-builder.js';

export interface TileOptions {
  algorithm: 'RICE_1' | 'GZIP_1' | 'GZIP_2';
  /** Quantize floating-point pixels to integer multiples of this ZSCALE (NO_DITHER, ZZERO = 0). */
  scale?: number;
}

/** The image's mandatory keywords, renamed to their Z copies (FITS 4.0 Table 37). */
const Z_COPIES: Record<string, string> = {
  XTENSION: 'ZTENSION',
  BITPIX: 'ZBITPIX',
  PCOUNT: 'ZPCOUNT',
  GCOUNT: 'ZGCOUNT',
  CHECKSUM: 'ZHECKSUM',
  DATASUM: 'ZDATASUM',
};

function renamed(raw: string, keyword: string): CardSpec {
  return rawCard(keyword.padEnd(8) + raw.slice(8));
}

function headerCards(bytes: Buffer): string[] {
  const cards: string[] = [];
  for (let at = 0; at < bytes.length; at += 80) {
    const raw = bytes.toString('latin1', at, at + 80);
    if (raw.startsWith('END     ')) return cards;
    cards.push(raw);
  }
  throw new Error('the image header has no END card');
}

/** Big-endian values of one row of the image as numbers. */
function rowValues(data: Uint8Array, bitpix: number, start: number, count: number): number[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const size = Math.abs(bitpix) / 8;
  return Array.from({ length: count }, (_, i) => {
    const at = (start + i) * size;
    if (bitpix === 8) return view.getUint8(at);
    if (bitpix === 16) return view.getInt16(at);
    if (bitpix === 32) return view.getInt32(at);
    return bitpix === -32 ? view.getFloat32(at) : view.getFloat64(at);
  });
}

/** GZIP_2's byte regrouping: every pixel's most significant byte first, then the next… */
function shuffle(bytes: Uint8Array, size: number): Uint8Array {
  const count = bytes.length / size;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < count; i++) for (let k = 0; k < size; k++) out[k * count + i] = bytes[i * size + k]!;
  return out;
}

/**
 * The compressed HDU for an IMAGE extension `image` (its CHECKSUM/DATASUM, if asked for, become
 * ZHECKSUM/ZDATASUM); the returned spec asks for the table's own CHECKSUM/DATASUM.
 */
export function compressImageHdu(image: HduSpec, options: TileOptions): HduSpec {
  const original = hduBytes(image);
  const cards = headerCards(original);
  const parsed = cards.map((raw, i) => parseCard(raw, i, i * 80));
  const integer = (keyword: string) => {
    const value = parsed.find((c) => c.keyword === keyword)?.value;
    if (value?.type !== 'integer') throw new Error(`the image has no integer ${keyword}`);
    return Number(value.value);
  };
  const bitpix = integer('BITPIX');
  const axes = Array.from({ length: integer('NAXIS') }, (_, i) => integer(`NAXIS${i + 1}`));
  const rowLength = axes[0] ?? 0;
  const rows = axes.slice(1).reduce((product, length) => product * length, axes.length > 0 ? 1 : 0);
  const quantized = bitpix < 0 && options.scale !== undefined;
  if (options.algorithm === 'RICE_1' && bitpix < 0 && !quantized)
    throw new Error('RICE_1 needs integers: give a scale to quantize floating-point pixels');
  const data = image.data ?? new Uint8Array(0);
  const size = Math.abs(bitpix) / 8;
  const tiles: Uint8Array[] = [];
  for (let row = 0; row < rows; row++) {
    const start = row * rowLength;
    if (quantized) {
      const values = rowValues(data, bitpix, start, rowLength).map((v) => Math.round(v / options.scale!));
      tiles.push(encodeRice(values, 4));
    } else if (options.algorithm === 'RICE_1') {
      tiles.push(encodeRice(rowValues(data, bitpix, start, rowLength), size as 1 | 2 | 4));
    } else {
      const bytes = data.subarray(start * size, (start + rowLength) * size);
      tiles.push(gzipSync(options.algorithm === 'GZIP_2' ? shuffle(bytes, size) : bytes));
    }
  }
  const heap = Buffer.concat(tiles);
  const table = Buffer.alloc(rows * 8);
  let offset = 0;
  tiles.forEach((tile, row) => {
    table.writeInt32BE(tile.length, row * 8);
    table.writeInt32BE(offset, row * 8 + 4);
    offset += tile.length;
  });
  const longest = Math.max(0, ...tiles.map((tile) => tile.length));
  const rice = options.algorithm === 'RICE_1';
  const out: CardSpec[] = [
    card('XTENSION', 'BINTABLE', 'binary table extension'),
    card('BITPIX', 8, '8-bit bytes'),
    card('NAXIS', 2, '2-dimensional binary table'),
    card('NAXIS1', 8, 'width of table in bytes'),
    card('NAXIS2', rows, 'number of rows in table'),
    card('PCOUNT', heap.length, 'size of special data area'),
    card('GCOUNT', 1, 'one data group (required keyword)'),
    card('TFIELDS', 1, 'number of fields in each row'),
    card('TTYPE1', 'COMPRESSED_DATA', 'label for field   1'),
    card('TFORM1', `1PB(${longest})`, 'data format of field: variable length array'),
    card('ZIMAGE', true, 'extension contains compressed image'),
    ...axes.map((length, i) => card(`ZTILE${i + 1}`, i === 0 ? length : 1, 'size of tiles to be compressed')),
    card('ZCMPTYPE', options.algorithm, 'compression algorithm'),
    ...(rice
      ? [
          card('ZNAME1', 'BLOCKSIZE', 'compression block size'),
          card('ZVAL1', 32, 'pixels per block'),
          card('ZNAME2', 'BYTEPIX', 'bytes per pixel (1, 2, 4, or 8)'),
          card('ZVAL2', quantized ? 4 : size, 'bytes per pixel (1, 2, 4, or 8)'),
        ]
      : []),
  ];
  for (const [i, raw] of cards.entries()) {
    const keyword = parsed[i]!.keyword;
    if (/^NAXIS[0-9]*$/.test(keyword)) out.push(renamed(raw, `Z${keyword}`));
    else if (Z_COPIES[keyword]) out.push(renamed(raw, Z_COPIES[keyword]));
    else out.push(rawCard(raw));
  }
  if (bitpix < 0) {
    out.push(card('ZQUANTIZ', quantized ? 'NO_DITHER' : 'NONE', 'pixel quantization algorithm'));
    if (quantized)
      out.push(card('ZSCALE', options.scale!, 'scaling factor'), card('ZZERO', 0.0, 'zero point'));
  }
  return { cards: out, data: Buffer.concat([table, heap]), checksum: true };
}
