/**
 * The reader's view of a compressed image: the restored header as an HDU, the tile summary, and
 * the data sum over tiles in their places, checked against the image put back together.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addWords } from '../../../src/fits/checksum.js';
import { addBytesAt } from '../../../src/fits/compression/view.js';
import { logicalFits } from '../../../src/fits/logical.js';
import { parseFitsBytes } from '../../../src/fits/parser.js';
import type { FitsFile } from '../../../src/fits/types.js';
import { card, fitsFile, imageExtensionCards, int16Data, primaryCards } from '../../support/fits-builder.js';
import { compressImageHdu } from '../../support/tile-compress.js';
import { compressedHdus, decodeImage } from './support.js';

const FIXTURES = new URL('fixtures/', import.meta.url).pathname;

function read(bytes: Uint8Array): FitsFile {
  return { ...parseFitsBytes(bytes), compressed: false };
}

describe('addBytesAt', () => {
  it('sums bytes as the words they fall in at any starting position', () => {
    const bytes = Uint8Array.from({ length: 23 }, (_, i) => (i * 37 + 11) % 256);
    for (const position of [0, 1, 2, 3, 6]) {
      const placed = new Uint8Array(32);
      placed.set(bytes, position);
      expect(addBytesAt(0, bytes, 0, bytes.length, position), `at ${position}`).toBe(
        addWords(0, placed, 0, placed.length),
      );
    }
  });
});

describe('the image view of a compressed HDU', () => {
  it.each(['rice-int16.fits.fz', 'rice-uint8-3d.fits.fz', 'gzip1-int16.fits.fz', 'nocompress-int16.fits.fz'])(
    'sums %s as the restored image: tiles that do not start on a word are placed',
    (file) => {
      const bytes = readFileSync(`${FIXTURES}${file}`);
      const [compressed] = compressedHdus(bytes);
      const image = decodeImage(compressed!.hdu, compressed!.data).bytes;
      const view = read(bytes).hdus[compressed!.hdu.index]!.image!;
      expect(view.tiles).toMatchObject({ decoded: view.tiles!.tileCount, errorCount: 0, quantized: false });
      expect(view.tiles!.dataSum).toBe(
        addWords(0, Buffer.concat([image, Buffer.alloc(3)]), 0, Math.ceil(image.length / 4) * 4),
      );
      expect(view.hdu.dataSum).toBe(view.tiles!.dataSum);
    },
  );

  it('restores the image header as an HDU at the table cards’ offsets', () => {
    const bytes = readFileSync(`${FIXTURES}rice-int16.fits.fz`);
    const table = read(bytes).hdus[1]!;
    const view = table.image!.hdu;
    expect(view).toMatchObject({ index: 1, kind: 'image', dataSize: 23 * 9 * 2 });
    expect(view.cards.slice(0, 4).map((c) => c.raw.slice(0, 30).trimEnd())).toEqual([
      "XTENSION= 'IMAGE   '",
      'BITPIX  =                   16',
      'NAXIS   =                    2',
      'NAXIS1  =                   23',
    ]);
    expect(view.keywords.get('BITPIX')!.offset).toBe(table.keywords.get('ZBITPIX')!.offset);
    expect(view.keywords.get('OBJECT')!.offset).toBe(table.keywords.get('OBJECT')!.offset);
    expect(view.keywords.has('ZCMPTYPE') || view.keywords.has('TFORM1')).toBe(false);
  });

  it('puts a compressed primary image in the place of the empty primary before it', () => {
    const bytes = readFileSync(`${FIXTURES}rice-int16.fits.fz`);
    const fits = read(bytes);
    const logical = logicalFits(fits);
    expect(logical.hdus.map((hdu) => [hdu.index, hdu.kind])).toEqual([
      [0, 'primary'],
      [1, 'image'],
    ]);
    expect(logicalFits(fits)).toBe(logical);
    const image = compressImageHdu(
      {
        cards: imageExtensionCards({ bitpix: 16, axes: [4, 3] }),
        data: int16Data([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      },
      { algorithm: 'GZIP_1' },
    );
    // A primary image as fpack stores it: ZSIMPLE (and ZEXTEND) where ZTENSION would be.
    image.cards = image.cards.map((c) =>
      (c.value as { raw?: string } | undefined)?.raw?.startsWith('ZTENSION') ? card('ZSIMPLE', true) : c,
    );
    image.cards = image.cards.filter(
      (c) => !/^Z[PG]COUNT/.test((c.value as { raw?: string } | undefined)?.raw ?? ''),
    );
    const primaryImage = read(fitsFile([{ cards: primaryCards() }, image]));
    expect(logicalFits(primaryImage).hdus.map((hdu) => [hdu.index, hdu.kind])).toEqual([[1, 'primary']]);
  });

  it('leaves a file without compressed images as it is', () => {
    const fits = read(
      fitsFile([{ cards: primaryCards({ bitpix: 16, axes: [2] }), data: int16Data([1, 2]) }]),
    );
    expect(logicalFits(fits)).toBe(fits);
  });
});
