import { describe, expect, it } from 'vitest';
import { imageDimensions } from '../../../src/rules/image/dimensions.js';
import { imagePixelData } from '../../../src/rules/image/pixel-data.js';
import {
  demoPreviewPng,
  ihdr,
  PNG_SIGNATURE,
  pngChunk,
  starFieldGif,
  starFieldJpeg,
  zlibZeros,
} from '../../support/image-builder.js';
import { imageFindings, readImage, runImageRule } from './run-image-rule.js';

/** A PNG whose IHDR claims a size, with a little image data (a zlib bomb would do no better). */
const claiming = (width: number, height: number) =>
  Buffer.concat([
    PNG_SIGNATURE,
    ihdr({ width, height }),
    pngChunk('IDAT', zlibZeros(1_000_000)),
    pngChunk('IEND'),
  ]);

describe('image/dimensions', () => {
  it('reports a PNG that claims 100,000 × 100,000 pixels, and does not decode it', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const content = await readImage('png', claiming(100_000, 100_000));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(runImageRule(imageDimensions, 'png', content).map((f) => f.message)).toEqual([
      'IHDR claims 100,000 × 100,000 pixels (10,000,000,000), more than the 268,435,456 an image is read up to; its image data was not decoded',
    ]);
    expect(runImageRule(imagePixelData, 'png', content)).toEqual([]);
    expect(content.image).toEqual({ width: 100_000, height: 100_000 });
  });

  it('reports a JPEG frame and a GIF screen over the cap, before decoding', async () => {
    const jpeg = Buffer.from(starFieldJpeg());
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(60_000, sof + 5);
    jpeg.writeUInt16BE(60_000, sof + 7);
    expect((await imageFindings(imageDimensions, 'jpeg', jpeg)).map((f) => f.message)).toEqual([
      'the frame header claims 60,000 × 60,000 pixels (3,600,000,000), more than the 268,435,456 an image is read up to; it was not decoded',
    ]);
    const gif = Buffer.from(starFieldGif());
    gif.writeUInt16LE(65_535, 6);
    gif.writeUInt16LE(65_535, 8);
    expect((await imageFindings(imageDimensions, 'gif', gif)).map((f) => f.message)).toEqual([
      'the logical screen claims 65,535 × 65,535 pixels (4,294,836,225), more than the 268,435,456 an image is read up to',
    ]);
  });

  it('reports an image of zero pixels', async () => {
    expect((await imageFindings(imageDimensions, 'png', claiming(0, 10))).map((f) => f.message)).toEqual([
      'IHDR gives the image 0 × 10 pixels; both must be at least 1',
    ]);
  });

  it('honours a lower cap', async () => {
    expect(
      await imageFindings(imageDimensions, 'png', demoPreviewPng(), { maxPixels: 48 * 48 - 1 }),
    ).toHaveLength(1);
  });

  it('passes images within the cap', async () => {
    expect(await imageFindings(imageDimensions, 'png', demoPreviewPng(), { maxPixels: 48 * 48 })).toEqual([]);
    expect(await imageFindings(imageDimensions, 'jpeg', starFieldJpeg())).toEqual([]);
    expect(await imageFindings(imageDimensions, 'gif', starFieldGif())).toEqual([]);
  });
});
