/**
 * Decompression without fpack: the committed fixtures must decode to funpack's pixels, and
 * damaged copies of them (flipped bytes, bad descriptors, truncation, caps) must give errors that
 * name the tile, never an exception or a hang.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../src/fits/card.js';
import {
  type CompressedHdu,
  decompressTiles,
  type TileResult,
} from '../../../src/fits/compression/decompress.js';
import { cardMap } from '../../../src/fits/layout.js';
import { formatCard } from '../../support/fits-builder.js';
import type { Fixture } from './make-fixtures.js';
import { compressedHdus, decodeImage, imageHeader, sha256 } from './support.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const directory = new URL('./fixtures/', import.meta.url);
const FIXTURES = JSON.parse(readFileSync(new URL('fixtures.json', directory), 'utf8')) as Fixture[];

function fixture(name: string) {
  return compressedHdus(readFileSync(new URL(name, directory)))[0]!;
}

/** Row `row` (1-based) COMPRESSED_DATA descriptor of a table whose first column it is. */
function descriptor(data: Uint8Array, rowLength: number, row: number) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = (row - 1) * rowLength;
  return { count: view.getInt32(at), offset: view.getInt32(at + 4), at };
}

function rowLength(hdu: CompressedHdu): number {
  return Number((hdu.keywords.get('NAXIS1')!.value as { value: number }).value);
}

function errors(results: TileResult[]) {
  return results.filter((result) => result.status === 'error');
}

describe('committed fpack fixtures', () => {
  for (const entry of FIXTURES) {
    it(`${entry.file} (fpack ${entry.flags.join(' ')}) decodes to funpack's pixels`, () => {
      const { hdu, data } = fixture(entry.file);
      const decoded = decodeImage(hdu, data);
      expect(errors(decoded.results)).toEqual([]);
      if (entry.sha256 === null) {
        expect(decoded.results).toEqual([{ status: 'not-decoded', tile: null, reason: expect.any(String) }]);
      } else {
        expect(sha256(decoded.bytes)).toBe(entry.sha256);
      }
      const header = imageHeader(hdu);
      expect(header[1]).toMatch(new RegExp(`^BITPIX  = +${entry.bitpix} `));
      expect(header[2]).toMatch(new RegExp(`^NAXIS   = +${entry.axes.length} `));
      expect(header.some((text) => /^(Z[A-Z]|TTYPE|TFORM)/.test(text) && !text.startsWith('ZEROPNT'))).toBe(
        false,
      );
    });
  }
});

describe('damaged compressed images', () => {
  it('names the tile whose RICE stream is corrupt, and decodes the others', () => {
    const { hdu, data } = fixture('rice-int16.fits.fz');
    const copy = Uint8Array.from(data);
    const heapStart = rowLength(hdu) * Number((hdu.keywords.get('NAXIS2')!.value as { value: number }).value);
    const tile3 = descriptor(copy, rowLength(hdu), 3);
    for (let i = 2; i < tile3.count; i += 3) copy[heapStart + tile3.offset + i]! ^= 0xa5;
    const results = decodeImage(hdu, copy).results;
    expect(errors(results)).toEqual([
      { status: 'error', tile: 3, message: expect.stringMatching(/^tile 3: .*RICE_1/) },
    ]);
    expect(results.filter((result) => result.status === 'decoded').length).toBe(results.length - 1);
  });

  it('reports a descriptor that points outside the heap', () => {
    const { hdu, data } = fixture('rice-int16.fits.fz');
    const copy = Uint8Array.from(data);
    const view = new DataView(copy.buffer);
    const tile2 = descriptor(copy, rowLength(hdu), 2);
    view.setInt32(tile2.at + 4, 1_000_000);
    const tile4 = descriptor(copy, rowLength(hdu), 4);
    view.setInt32(tile4.at, -1);
    expect(errors(decodeImage(hdu, copy).results)).toEqual([
      {
        status: 'error',
        tile: 2,
        message: expect.stringMatching(/^tile 2: .*outside the \d+-byte heap/),
        cause: 'descriptor',
      },
      {
        status: 'error',
        tile: 4,
        message: expect.stringMatching(/^tile 4: .*outside the \d+-byte heap/),
        cause: 'descriptor',
      },
    ]);
  });

  it('reports truncated data: tiles past the end, and a table cut short', () => {
    const { hdu, data } = fixture('gzip1-int16.fits.fz');
    const cut = decodeImage(hdu, data.subarray(0, data.length - 30)).results;
    expect(errors(cut).length).toBeGreaterThan(0);
    expect(errors(cut)[0]!.message).toMatch(/^tile \d+: the data unit is truncated/);
    const noTable = decodeImage(hdu, data.subarray(0, rowLength(hdu) * 2 + 3)).results;
    expect(noTable.at(-1)).toEqual({
      status: 'error',
      tile: 3,
      message: 'tile 3: the data unit is truncated before this tile’s table row',
    });
  });

  it('reports a corrupt gzip tile', () => {
    const { hdu, data } = fixture('gzip2-int32.fits.fz');
    const copy = Uint8Array.from(data);
    const heapStart = rowLength(hdu) * Number((hdu.keywords.get('NAXIS2')!.value as { value: number }).value);
    const tile1 = descriptor(copy, rowLength(hdu), 1);
    copy.fill(0x55, heapStart + tile1.offset + 10, heapStart + tile1.offset + tile1.count - 8);
    expect(errors(decodeImage(hdu, copy).results)).toEqual([
      { status: 'error', tile: 1, message: expect.stringMatching(/^tile 1: the gzip stream/) },
    ]);
  });

  it('stops at the caps on tile size and on decoded bytes (tiles of 80, 80, 24, 80… bytes)', () => {
    const { hdu, data } = fixture('rice-int16.fits.fz');
    expect(Array.from(decompressTiles(hdu, data, { maxTileBytes: 10 }))).toEqual([
      {
        status: 'error',
        tile: 1,
        message: expect.stringMatching(/exceed the 10-byte tile limit/),
        cause: 'limit',
      },
    ]);
    const capped = Array.from(decompressTiles(hdu, data, { maxTotalBytes: 200 }));
    expect(capped.at(-1)).toEqual({
      status: 'error',
      tile: 4,
      message: expect.stringMatching(/^tile 4: decoding stopped: .*200-byte limit/),
      cause: 'limit',
    });
  });

  it('reports a header it cannot decompress, with no tile', () => {
    const { hdu, data } = fixture('rice-int16.fits.fz');
    const withCard = (text: string): CompressedHdu => {
      const replaced = parseCard(text.padEnd(80), 0, 0);
      const cards = hdu.cards.map((card) => (card.keyword === replaced.keyword ? replaced : card));
      return { keywords: cardMap(cards) };
    };
    for (const [card, message] of [
      [formatCard('ZCMPTYPE', 'LZW'), /ZCMPTYPE = 'LZW' is not a known algorithm/],
      [formatCard('ZBITPIX', 12), /ZBITPIX = 12/],
      [formatCard('ZNAXIS1', -4), /ZNAXIS1/],
      [formatCard('TTYPE1', 'DATA'), /no COMPRESSED_DATA column/],
      [formatCard('TFORM1', '1XB'), /not a variable-length array/],
    ] as const) {
      const results = Array.from(decompressTiles(withCard(card), data));
      expect(results[0], card).toEqual({
        status: 'error',
        tile: null,
        message: expect.stringMatching(message),
      });
    }
  });

  it('never throws and always ends on mutated or random data units', () => {
    const bases = [
      'rice-int16.fits.fz',
      'dither1-float32.fits.fz',
      'gzip2-int32.fits.fz',
      'nocompress-int16.fits.fz',
    ].map(fixture);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bases.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.option(fc.uint8Array({ maxLength: 4000 }), { freq: 4 }),
        fc.option(fc.nat(), { freq: 3 }),
        (which, edits, randomData, cut) => {
          const { hdu, data } = bases[which]!;
          let bytes = randomData ?? Uint8Array.from(data);
          for (const [at, value] of edits) if (bytes.length > 0) bytes[at % bytes.length] = value;
          if (cut !== null) bytes = bytes.subarray(0, cut % (bytes.length + 1));
          for (const result of decompressTiles(hdu, bytes, { maxTotalBytes: 1 << 20 })) {
            if (result.status === 'error' && result.tile !== null)
              expect(result.message).toMatch(/^tile \d+: /);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
