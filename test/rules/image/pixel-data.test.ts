import { describe, expect, it } from 'vitest';
import { expectedImageBytes } from '../../../src/readers/png.js';
import { imagePixelData } from '../../../src/rules/image/pixel-data.js';
import {
  demoPreviewPng,
  greyPalette,
  greyScanlines,
  ihdr,
  PNG_SIGNATURE,
  type PngSpec,
  pngChunk,
  pngFile,
  scanlinesOf,
  starField,
  starFieldGif,
  starFieldJpeg,
  zlibStored,
  zlibZeros,
} from '../../support/image-builder.js';
import { imageFindings } from './run-image-rule.js';

const messages = async (...args: Parameters<typeof imageFindings>) =>
  (await imageFindings(...args)).map((finding) => finding.message);

const withData = (spec: PngSpec, zlib: Buffer) =>
  Buffer.concat([PNG_SIGNATURE, ihdr(spec), pngChunk('IDAT', zlib), pngChunk('IEND')]);

/** Every colour type and bit depth, interlaced or not, at sizes that leave Adam7 passes empty. */
const LAYOUTS: PngSpec[] = [];
for (const [colourType, depths] of [
  [0, [1, 2, 4, 8, 16]],
  [2, [8, 16]],
  [3, [1, 2, 4, 8]],
  [4, [8, 16]],
  [6, [8, 16]],
] as const)
  for (const bitDepth of depths)
    for (const [width, height] of [
      [1, 1],
      [3, 5],
      [8, 8],
      [9, 7],
      [33, 17],
    ])
      for (const interlace of [0, 1])
        LAYOUTS.push({ width, height, bitDepth, colourType, interlace } as PngSpec);

function layoutPng(spec: PngSpec): Buffer {
  const scanlines = scanlinesOf(spec, (x, y, c) => (x * 37 + y * 11 + c * 5) % 251);
  const palette = spec.colourType === 3 ? [greyPalette(2 ** spec.bitDepth!)] : [];
  return pngFile(spec, scanlines, palette);
}

describe('image/pixel-data', () => {
  it('reports PNG image data that inflates to fewer bytes than IHDR implies', async () => {
    const rows = greyScanlines(48, 40, starField);
    expect(
      await messages(imagePixelData, 'png', withData({ width: 48, height: 48 }, zlibStored(rows))),
    ).toEqual([
      'the image data inflates to 1,960 bytes, but a 48 × 48 greyscale image of 8-bit samples needs 2,352',
    ]);
  });

  it('stops inflating a zlib bomb as soon as it passes the size IHDR implies', async () => {
    const bomb = withData({ width: 16, height: 16 }, zlibZeros(100_000_000));
    expect(bomb.length).toBeLessThan(1_000_000);
    const started = Date.now();
    expect(await messages(imagePixelData, 'png', bomb)).toEqual([
      'the image data inflates to more than the 272 bytes that a 16 × 16 greyscale image of 8-bit samples needs; inflating stopped there',
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a zlib stream cut short, damaged zlib data, and a bad filter type', async () => {
    const rows = greyScanlines(48, 48, starField);
    const stored = zlibStored(rows);
    expect(
      await messages(imagePixelData, 'png', withData({ width: 48, height: 48 }, stored.subarray(0, 1000))),
    ).toEqual([
      "the image data's zlib stream ends early, after 993 of the 2,352 bytes that a 48 × 48 greyscale image of 8-bit samples needs",
    ]);
    const damaged = Buffer.from(stored);
    damaged[damaged.length - 1]! ^= 1; // the Adler-32
    expect(await messages(imagePixelData, 'png', withData({ width: 48, height: 48 }, damaged))).toEqual([
      'the image data cannot be inflated (zlib: incorrect data check)',
    ]);
    const filtered = Buffer.from(rows);
    filtered[49 * 5] = 9;
    expect(
      await messages(imagePixelData, 'png', withData({ width: 48, height: 48 }, zlibStored(filtered))),
    ).toEqual(['scanline 6 has filter type 9; PNG has 0 to 4']);
  });

  it('reports a PNG without image data', async () => {
    const empty = Buffer.concat([PNG_SIGNATURE, ihdr({ width: 4, height: 4 }), pngChunk('IEND')]);
    expect(await messages(imagePixelData, 'png', empty)).toEqual([
      'the PNG has no IDAT chunk: it holds no image data',
    ]);
  });

  it.each(
    LAYOUTS.map((spec) => [
      `${spec.width}×${spec.height} type ${spec.colourType} depth ${spec.bitDepth}${spec.interlace ? ' Adam7' : ''}`,
      spec,
    ]),
  )('counts the scanlines of %s exactly', async (_name, spec) => {
    const scanlines = scanlinesOf(spec, () => 1);
    expect(expectedImageBytes(spec as Required<PngSpec>)).toBe(scanlines.length);
    expect(await messages(imagePixelData, 'png', layoutPng(spec))).toEqual([]);
    const palette = spec.colourType === 3 ? [greyPalette(2 ** spec.bitDepth!)] : [];
    const short = pngFile(spec, scanlines.subarray(0, -1), palette);
    expect(await messages(imagePixelData, 'png', short)).toEqual([
      expect.stringMatching(/^the image data inflates to/),
    ]);
  });

  it('reports JPEG scan data that does not decode, and says when a JPEG is not decoded', async () => {
    const jpeg = Buffer.from(starFieldJpeg());
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    const broken = Buffer.from(jpeg);
    broken.fill(0xfe, sos + 20, sos + 60); // huffman codes that lead nowhere
    expect(await messages(imagePixelData, 'jpeg', broken)).toEqual([
      expect.stringMatching(/^the compressed image data cannot be decoded: /),
    ]);
    expect(await messages(imagePixelData, 'jpeg', jpeg, { maxDecodedJpegPixels: 100 })).toEqual([
      'its segments were checked, but its image data was not decoded: 48 × 48 pixels is more than the 100 a JPEG is decoded up to',
    ]);
    const lossless = Buffer.from(jpeg);
    lossless[jpeg.indexOf(Buffer.from([0xff, 0xc0])) + 1] = 0xc3;
    expect(await imageFindings(imagePixelData, 'jpeg', lossless)).toMatchObject([
      { severity: 'warning', message: expect.stringMatching(/not decoded: lossless JPEG \(SOF3\)/) },
    ]);
  });

  it('reports a GIF frame whose LZW code size no decoder takes', async () => {
    const gif = Buffer.from(starFieldGif());
    gif[35] = 12;
    expect(await messages(imagePixelData, 'gif', gif)).toEqual([
      'image 1 (at byte 25) starts its image data with LZW code size 12; decoders take 1 to 8 (the GIF specification says 2 to 8)',
    ]);
  });

  it('passes whole images', async () => {
    expect(await messages(imagePixelData, 'png', demoPreviewPng())).toEqual([]);
    expect(await messages(imagePixelData, 'jpeg', starFieldJpeg())).toEqual([]);
    expect(await messages(imagePixelData, 'gif', starFieldGif())).toEqual([]);
  });
});
