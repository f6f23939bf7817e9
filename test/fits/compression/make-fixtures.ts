/**
 * Writes the committed fixtures: small images packed by fpack, with the SHA-256 of the pixels
 * funpack restores from each. Run again only to change the set:
 *   npx tsx test/fits/compression/make-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import {
  compressedHdus,
  floats,
  type ImageSpec,
  imageFile,
  integers,
  mixedIntegers,
  packAndUnpack,
  sha256,
  unpackedImage,
  unpackedIndex,
} from './support.js';

export interface Fixture {
  file: string;
  /** How fpack was run. */
  flags: string[];
  bitpix: number;
  axes: number[];
  /** SHA-256 of funpack's big-endian pixel bytes; null when the algorithm is not decoded. */
  sha256: string | null;
}

const SPECS: { file: string; image: ImageSpec; flags: string[]; decoded?: false }[] = [
  {
    file: 'rice-int16.fits.fz',
    image: { bitpix: 16, axes: [23, 9], values: mixedIntegers(16, [23, 9], 101) },
    flags: ['-r', '-t', '10,4'],
  },
  {
    file: 'rice-uint8-3d.fits.fz',
    image: { bitpix: 8, axes: [9, 7, 5], values: mixedIntegers(8, [9, 7, 5], 102) },
    flags: ['-r', '-t', '4,3,2'],
  },
  {
    file: 'rice-int32-1d.fits.fz',
    image: { bitpix: 32, axes: [333], values: mixedIntegers(32, [333], 103), primary: true },
    flags: ['-r', '-t', '50'],
  },
  {
    file: 'gzip1-int16.fits.fz',
    image: { bitpix: 16, axes: [25, 6], values: mixedIntegers(16, [25, 6], 104) },
    flags: ['-g1'],
  },
  {
    file: 'gzip2-int32.fits.fz',
    image: { bitpix: 32, axes: [6, 5, 4], values: mixedIntegers(32, [6, 5, 4], 105) },
    flags: ['-g2', '-t', '4,4,3'],
  },
  {
    file: 'dither1-float32.fits.fz',
    image: { bitpix: -32, axes: [40, 12], values: floats([40, 12], 106, { nans: 5 }), primary: true },
    flags: ['-q', '4'],
  },
  {
    file: 'dither2-float64.fits.fz',
    image: { bitpix: -64, axes: [30, 10], values: floats([30, 10], 107, { zeros: 20, nans: 2 }) },
    flags: ['-qz', '4', '-t', '30,3'],
  },
  {
    file: 'nodither-float32.fits.fz',
    image: { bitpix: -32, axes: [40, 10], values: floats([40, 10], 108, { nans: 2 }) },
    flags: ['-q0', '4'],
  },
  {
    file: 'lossless-float64.fits.fz',
    image: { bitpix: -64, axes: [30, 8], values: floats([30, 8], 109) },
    flags: ['-g2', '-q', '0'],
  },
  {
    file: 'unquantizable-float32.fits.fz',
    image: {
      bitpix: -32,
      axes: [16, 6],
      values: Array.from({ length: 96 }, (_, i) => (i >= 48 && i < 64 ? 0 : i * 0.25)),
    },
    flags: ['-q', '4'],
  },
  {
    file: 'nocompress-int16.fits.fz',
    image: { bitpix: 16, axes: [12, 5], values: mixedIntegers(16, [12, 5], 110) },
    flags: ['-d'],
  },
  {
    file: 'hcompress-int16.fits.fz',
    image: { bitpix: 16, axes: [32, 32], values: integers(1024, 0, 500, 111) },
    flags: ['-h'],
    decoded: false,
  },
];

const directory = new URL('./fixtures/', import.meta.url);
const fixtures: Fixture[] = [];
for (const spec of SPECS) {
  const { packed, unpacked } = packAndUnpack(imageFile(spec.image), spec.flags);
  writeFileSync(new URL(spec.file, directory), packed);
  const { hdu } = compressedHdus(packed)[0]!;
  const pixels = unpackedImage(unpacked, unpackedIndex(hdu)).data;
  fixtures.push({
    file: spec.file,
    flags: spec.flags,
    bitpix: spec.image.bitpix,
    axes: spec.image.axes,
    sha256: spec.decoded === false ? null : sha256(pixels),
  });
}
writeFileSync(new URL('fixtures.json', directory), `${JSON.stringify(fixtures, null, 2)}\n`);
console.log(`wrote ${fixtures.length} fixtures`);
