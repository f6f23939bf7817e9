/**
 * The broken preview corpus: small images, each with one defect, built from the demo's preview.
 * `UPDATE_GOLDEN=1 npx vitest run test/fixtures` writes them to fixtures/broken-images/; the tests
 * check the committed bytes still equal what is built here and pin every finding.
 */
import {
  demoPreviewPng,
  greyScanlines,
  ihdr,
  PNG_SIGNATURE,
  pngChunk,
  starField,
  starFieldGif,
  starFieldJpeg,
  zlibStored,
  zlibZeros,
} from './image-builder.js';

export interface BrokenImage {
  /** File name, with the extension that promises the format. */
  name: string;
  description: string;
  build(): Buffer;
  /** The rule ids the defect must trigger (sorted, unique). */
  expectedRules: string[];
}

const png = () => demoPreviewPng();
const IEND_BYTES = 12;
const withImageData = (width: number, height: number, zlib: Buffer) =>
  Buffer.concat([PNG_SIGNATURE, ihdr({ width, height }), pngChunk('IDAT', zlib), pngChunk('IEND')]);

export const brokenImages: BrokenImage[] = [
  {
    name: 'bad-crc.png',
    description: 'one bit of the IDAT chunk CRC flipped',
    build: () => {
      const bytes = png();
      bytes[bytes.length - IEND_BYTES - 1]! ^= 0x01;
      return bytes;
    },
    expectedRules: ['image/chunk-crc'],
  },
  {
    name: 'idat-too-short.png',
    description: 'IHDR says 48 × 48, the image data holds 40 scanlines (a complete zlib stream)',
    build: () => withImageData(48, 48, zlibStored(greyScanlines(48, 40, starField))),
    expectedRules: ['image/pixel-data'],
  },
  {
    name: 'missing-iend.png',
    description: 'the IEND chunk is missing (the upload stopped at a chunk boundary)',
    build: () => {
      const bytes = png();
      return bytes.subarray(0, bytes.length - IEND_BYTES);
    },
    expectedRules: ['image/structure'],
  },
  {
    name: 'bad-filter.png',
    description: 'scanline 10 has filter type 7',
    build: () => {
      const rows = greyScanlines(48, 48, starField);
      rows[49 * 9] = 7;
      return withImageData(48, 48, zlibStored(rows));
    },
    expectedRules: ['image/pixel-data'],
  },
  {
    name: 'huge-claim.png',
    description: 'IHDR claims 100,000 × 100,000 pixels',
    build: () => withImageData(100_000, 100_000, zlibZeros(100_000)),
    expectedRules: ['image/dimensions'],
  },
  {
    name: 'zlib-bomb.png',
    description: 'a 16 × 16 image whose IDAT inflates to 2,000,000 bytes',
    build: () => withImageData(16, 16, zlibZeros(2_000_000)),
    expectedRules: ['image/pixel-data'],
  },
  {
    name: 'truncated.jpg',
    description: 'a JPEG cut in the middle of its scan data',
    build: () => {
      const bytes = starFieldJpeg();
      return bytes.subarray(0, Math.floor(bytes.length * 0.7));
    },
    expectedRules: ['image/structure'],
  },
  {
    name: 'corrupt-scan.jpg',
    description: 'forty bytes of the JPEG scan data overwritten',
    build: () => {
      const bytes = Buffer.from(starFieldJpeg());
      const sos = bytes.indexOf(Buffer.from([0xff, 0xda]));
      bytes.fill(0xfe, sos + 20, sos + 60);
      return bytes;
    },
    expectedRules: ['image/pixel-data'],
  },
  {
    name: 'truncated.gif',
    description: 'a GIF cut inside its image data',
    build: () => {
      const bytes = starFieldGif();
      return bytes.subarray(0, bytes.length - 20);
    },
    expectedRules: ['image/structure'],
  },
];
