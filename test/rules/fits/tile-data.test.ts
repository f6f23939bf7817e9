import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFitsBytes } from '../../../src/fits/parser.js';
import type { ReadLimits } from '../../../src/fits/types.js';
import { tileData } from '../../../src/rules/fits/tile-data.js';
import {
  card,
  fitsFile,
  float32Data,
  type HduSpec,
  imageExtensionCards,
  int16Data,
  primaryCards,
  rawCard,
} from '../../support/fits-builder.js';
import { fitsContext, runFitsRules } from '../../support/rule-harness.js';
import { compressImageHdu, type TileOptions } from '../../support/tile-compress.js';

const FIXTURES = new URL('../../fits/compression/fixtures/', import.meta.url).pathname;
const INTEGERS = Array.from({ length: 30 * 7 }, (_, i) => ((i * 7919) % 3001) - 1500);

function int16Image(): HduSpec {
  return {
    cards: [...imageExtensionCards({ bitpix: 16, axes: [30, 7] }), card('EXTNAME', 'SCI')],
    data: int16Data(INTEGERS),
    checksum: true,
  };
}

function float32Image(): HduSpec {
  return {
    cards: [...imageExtensionCards({ bitpix: -32, axes: [30, 7] }), card('EXTNAME', 'SCI')],
    data: float32Data(INTEGERS.map((v) => v / 8)),
    checksum: true,
  };
}

function packed(image: HduSpec, options: TileOptions, change?: (hdu: HduSpec) => void): Buffer {
  const hdu = compressImageHdu(image, options);
  change?.(hdu);
  return fitsFile([{ cards: primaryCards(), checksum: true }, hdu]);
}

function run(bytes: Uint8Array, limits: Partial<ReadLimits> = {}) {
  return runFitsRules(fitsContext({ ...parseFitsBytes(bytes, { limits }), compressed: false }), [tileData]);
}

/** Heap offset of row `row`'s (1-based) tile in HDU 1 of a file `packed` wrote. */
function tileOffset(bytes: Uint8Array, row: number): number {
  const table = parseFitsBytes(bytes).hdus[1]!.tableBytes!;
  return new DataView(table.buffer, table.byteOffset).getInt32((row - 1) * 8 + 4);
}

/** Where the heap of HDU 1 starts in a file `packed` wrote (primary: one block). */
function heapStart(bytes: Uint8Array): number {
  const hdu = parseFitsBytes(bytes).hdus[1]!;
  return hdu.dataOffset + hdu.tableBytes!.length;
}

describe('fits/tile-data', () => {
  it.each<[string, HduSpec, TileOptions]>([
    ['RICE_1 int16', int16Image(), { algorithm: 'RICE_1' }],
    ['GZIP_1 int16', int16Image(), { algorithm: 'GZIP_1' }],
    ['GZIP_2 int16', int16Image(), { algorithm: 'GZIP_2' }],
    ['GZIP_2 float32, lossless', float32Image(), { algorithm: 'GZIP_2' }],
    ['RICE_1 float32, quantized', float32Image(), { algorithm: 'RICE_1', scale: 0.125 }],
  ])('passes %s whose pixels match ZDATASUM and ZHECKSUM', (_, image, options) => {
    expect(run(packed(image, options))).toEqual([]);
  });

  it('passes fpack files whose tiles all decode', () => {
    for (const file of ['rice-int16.fits.fz', 'gzip2-int32.fits.fz', 'dither2-float64.fits.fz'])
      expect(run(readFileSync(`${FIXTURES}${file}`)), file).toEqual([]);
  });

  it('reports one damaged tile by its number', () => {
    const bytes = packed(int16Image(), { algorithm: 'GZIP_1' });
    const hdu = parseFitsBytes(bytes).hdus[1]!;
    const second = heapStart(bytes) + tileOffset(bytes, 2);
    bytes.fill(0x55, second + 12, second + 20);
    const findings = run(bytes);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/tile-data',
        severity: 'error',
        hdu: 1,
        offset: hdu.dataOffset,
      }),
    ]);
    expect(findings[0]!.message).toMatch(
      /^HDU 1's compressed image has a damaged tile: tile 2: the gzip stream/,
    );
  });

  it('reports many damaged tiles in one finding: the first, and how many more', () => {
    const bytes = packed(int16Image(), { algorithm: 'RICE_1' });
    for (const row of [2, 4, 5]) {
      const tile = heapStart(bytes) + tileOffset(bytes, row);
      bytes.fill(0xff, tile + 2, tile + 6);
    }
    const findings = run(bytes);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /^HDU 1's compressed image has damaged tiles: tile 2 and 2 more; tile 2: /,
    );
  });

  it('reports pixels that do not match ZDATASUM, and leaves a lossy image alone', () => {
    const stale = (hdu: HduSpec) => {
      const index = hdu.cards.findIndex((c) => (c.value as { raw?: string })?.raw?.startsWith('ZDATASUM'));
      hdu.cards[index] = rawCard("ZDATASUM= '12345'              / data unit checksum");
    };
    expect(run(packed(int16Image(), { algorithm: 'RICE_1' }, stale))).toEqual([
      expect.objectContaining({
        keyword: 'ZDATASUM',
        message: expect.stringMatching(
          /^HDU 1's decompressed image does not match its ZDATASUM: the pixels sum to \d+, ZDATASUM says 12345$/,
        ),
      }),
    ]);
    expect(run(packed(float32Image(), { algorithm: 'RICE_1', scale: 0.5 }, stale))).toEqual([]);
  });

  it('reports a header edited after compression against ZHECKSUM', () => {
    const edited = (hdu: HduSpec) => {
      hdu.cards.push(card('OBJECT', 'added later'));
    };
    expect(run(packed(int16Image(), { algorithm: 'GZIP_1' }, edited))).toEqual([
      expect.objectContaining({
        keyword: 'ZHECKSUM',
        message: expect.stringContaining(
          "HDU 1's ZHECKSUM does not match the image header restored from this table",
        ),
      }),
    ]);
  });

  it('says once that HCOMPRESS_1 pixels were not decoded', () => {
    expect(run(readFileSync(`${FIXTURES}hcompress-int16.fits.fz`))).toEqual([
      expect.objectContaining({
        severity: 'info',
        hdu: 1,
        message:
          "the pixels of HDU 1's compressed image were not decoded (HCOMPRESS_1 images are not decoded); its table, tile descriptors and Z keywords were checked",
      }),
    ]);
  });

  it('says when the tiles were not decoded for the caps on memory and work', () => {
    const bytes = packed(int16Image(), { algorithm: 'RICE_1' });
    expect(run(bytes, { maxTableCaptureBytes: 100 })).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/larger than the reader holds in memory/),
      }),
    ]);
    expect(run(bytes, { maxDecodedTileBytes: 200 })).toEqual([
      expect.objectContaining({
        severity: 'info',
        message: expect.stringMatching(/decoded only in part: tile 4: decoding stopped/),
      }),
    ]);
  });

  it('leaves a truncated file to fits/truncated', () => {
    const bytes = packed(int16Image(), { algorithm: 'RICE_1' });
    expect(run(bytes.subarray(0, bytes.length - 100))).toEqual([]);
  });
});
