/**
 * Helpers for the tile-compression tests: small images written with the FITS builder, fpack and
 * funpack run on them, and our tiles put back together into the image funpack would write.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CompressedHdu,
  decompressTiles,
  type TileResult,
  toBigEndian,
} from '../../../src/fits/compression/decompress.js';
import { reconstructImageHeader } from '../../../src/fits/compression/header.js';
import { logicalValue } from '../../../src/fits/layout.js';
import { parseFitsBytes } from '../../../src/fits/parser.js';
import type { Hdu } from '../../../src/fits/types.js';
import {
  type CardSpec,
  card,
  fitsFile,
  imageExtensionCards,
  primaryCards,
} from '../../support/fits-builder.js';

export const hasFpack =
  !spawnSync('fpack', ['-V'], { stdio: 'ignore' }).error &&
  !spawnSync('funpack', ['-V'], { stdio: 'ignore' }).error;

/** CI sets HLSP_ORACLES=1: there a missing fpack is a failure, not a skip. */
export const oraclesRequired = process.env.HLSP_ORACLES === '1';

export type Bitpix = 8 | 16 | 32 | -32 | -64;

export interface ImageSpec {
  bitpix: Bitpix;
  axes: number[];
  values: number[];
  /** In the primary HDU (else in an IMAGE extension after an empty primary). */
  primary?: boolean;
  extra?: CardSpec[];
}

/** Deterministic pseudo-random numbers in [0, 1) (a 32-bit xorshift), for reproducible images. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/** Normally distributed values (Box–Muller) around `mean`. */
export function noise(count: number, mean: number, sigma: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const u = Math.max(next(), 1e-12);
    return mean + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  });
}

export function integers(count: number, low: number, high: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: count }, () => low + Math.floor(next() * (high - low + 1)));
}

export function count(axes: number[]): number {
  return axes.reduce((product, length) => product * length, 1);
}

/** Integer noise with a flat (all-zero) stretch and a run of extreme values, to reach every RICE block kind. */
export function mixedIntegers(bitpix: Bitpix, axes: number[], seed: number): number[] {
  const n = count(axes);
  const [low, high] = bitpix === 8 ? [0, 255] : bitpix === 16 ? [-32768, 32767] : [-(2 ** 31), 2 ** 31 - 1];
  const values = noise(n, bitpix === 8 ? 120 : 1000, bitpix === 8 ? 9 : 300, seed).map((v) =>
    Math.max(low, Math.min(high, Math.round(v))),
  );
  values.fill(0, Math.floor(n / 3), Math.floor(n / 3) + 70);
  integers(40, low, high, seed + 1).forEach((v, i) => {
    values[(Math.floor((2 * n) / 3) + i) % n] = v;
  });
  return values;
}

export function floats(
  axes: number[],
  seed: number,
  options: { nans?: number; zeros?: number } = {},
): number[] {
  const n = count(axes);
  const values = noise(n, 100, 10, seed);
  const next = random(seed + 7);
  for (let i = 0; i < (options.nans ?? 0); i++) values[Math.floor(next() * n)] = Number.NaN;
  for (let i = 0; i < (options.zeros ?? 0); i++) values[Math.floor(next() * n)] = 0;
  return values;
}

export function pixelBytes(bitpix: Bitpix, values: number[]): Buffer {
  const size = Math.abs(bitpix) / 8;
  const bytes = Buffer.alloc(values.length * size);
  values.forEach((value, i) => {
    if (bitpix === 8) bytes.writeUInt8(value, i);
    else if (bitpix === 16) bytes.writeInt16BE(value, i * 2);
    else if (bitpix === 32) bytes.writeInt32BE(value, i * 4);
    else if (bitpix === -32) bytes.writeFloatBE(value, i * 4);
    else bytes.writeDoubleBE(value, i * 8);
  });
  return bytes;
}

/** A FITS file holding the image, with CHECKSUM and DATASUM so fpack records ZHECKSUM/ZDATASUM. */
export function imageFile(spec: ImageSpec): Buffer {
  const data = pixelBytes(spec.bitpix, spec.values);
  const extra = [card('OBJECT', 'NGC 1234', 'target'), ...(spec.extra ?? [])];
  if (spec.primary) {
    return fitsFile([
      { cards: [...primaryCards({ bitpix: spec.bitpix, axes: spec.axes }), ...extra], data, checksum: true },
    ]);
  }
  return fitsFile([
    { cards: primaryCards(), checksum: true },
    {
      cards: [...imageExtensionCards({ bitpix: spec.bitpix, axes: spec.axes, extname: 'SCI' }), ...extra],
      data,
      checksum: true,
    },
  ]);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed: ${result.error ?? ''}${result.stdout}${result.stderr}`,
    );
}

/** fpack with `flags`, then funpack of fpack's output: both files' bytes. */
export function packAndUnpack(image: Buffer, flags: string[]): { packed: Buffer; unpacked: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'hlsp-fz-'));
  try {
    const input = join(dir, 'image.fits');
    writeFileSync(input, image);
    run('fpack', [...flags, '-O', join(dir, 'image.fits.fz'), input]);
    run('funpack', ['-O', join(dir, 'unpacked.fits'), join(dir, 'image.fits.fz')]);
    return {
      packed: readFileSync(join(dir, 'image.fits.fz')),
      unpacked: readFileSync(join(dir, 'unpacked.fits')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CFITSIO's imcopy of the first compressed HDU: the pixels as fits_read_img returns them. */
export function imcopy(packed: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'hlsp-fz-'));
  try {
    writeFileSync(join(dir, 'image.fits.fz'), packed);
    run('imcopy', [`${join(dir, 'image.fits.fz')}[1]`, join(dir, 'copy.fits')]);
    return readFileSync(join(dir, 'copy.fits'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CompressedHduBytes {
  hdu: Hdu;
  data: Uint8Array;
}

/** The compressed-image HDUs of a file, each with its data unit. */
export function compressedHdus(file: Uint8Array): CompressedHduBytes[] {
  return parseFitsBytes(file)
    .hdus.filter((hdu) => hdu.kind === 'binary-table' && logicalValue(hdu.keywords, 'ZIMAGE') === true)
    .map((hdu) => ({ hdu, data: file.subarray(hdu.dataOffset, hdu.dataOffset + Math.max(hdu.dataSize, 0)) }));
}

export interface DecodedImage {
  /** The whole image as big-endian bytes, as a FITS data unit holds it. */
  bytes: Buffer;
  results: TileResult[];
}

/** Runs the decoder over every tile and puts the tiles back in place (tests use small images). */
export function decodeImage(hdu: CompressedHdu, data: Uint8Array): DecodedImage {
  const bitpix = readInt(hdu, 'ZBITPIX');
  const axes: number[] = [];
  for (let axis = 1; axis <= readInt(hdu, 'ZNAXIS'); axis++) axes.push(readInt(hdu, `ZNAXIS${axis}`));
  const size = Math.abs(bitpix) / 8;
  const bytes = Buffer.alloc(axes.reduce((product, length) => product * length, 1) * size);
  const results: TileResult[] = [];
  for (const result of decompressTiles(hdu, data)) {
    if (result.status === 'decoded') {
      const tileBytes = toBigEndian(result.pixels);
      for (let pixel = 0; pixel < result.pixels.length; pixel++) {
        let rest = pixel;
        let index = 0;
        let stride = 1;
        axes.forEach((length, axis) => {
          const along = rest % result.shape[axis]!;
          rest = Math.floor(rest / result.shape[axis]!);
          index += (result.start[axis]! + along) * stride;
          stride *= length;
        });
        bytes.set(tileBytes.subarray(pixel * size, pixel * size + size), index * size);
      }
      results.push({ ...result, pixels: new Uint8Array(0) });
    } else results.push(result);
  }
  return { bytes, results };
}

function readInt(hdu: CompressedHdu, keyword: string): number {
  const value = hdu.keywords.get(keyword)?.value;
  return value?.type === 'integer' ? Number(value.value) : 0;
}

/** Where funpack writes a compressed HDU's image: a primary image (ZSIMPLE) comes back as HDU 0. */
export function unpackedIndex(compressed: Hdu): number {
  return compressed.keywords.has('ZSIMPLE') ? 0 : compressed.index;
}

/** The cards (before END) and data unit of HDU `index` of an uncompressed file. */
export function unpackedImage(unpacked: Uint8Array, index: number): { cards: string[]; data: Buffer } {
  const hdu = parseFitsBytes(unpacked).hdus[index]!;
  return {
    cards: hdu.cards.slice(0, hdu.endIndex).map((c) => c.raw),
    data: Buffer.from(unpacked.subarray(hdu.dataOffset, hdu.dataOffset + hdu.dataSize)),
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Our reconstructed header for a compressed HDU. */
export function imageHeader(hdu: Hdu): string[] {
  return reconstructImageHeader(hdu.cards);
}
