import { describe, expect, it } from 'vitest';
import { imageStructure } from '../../../src/rules/image/structure.js';
import {
  demoPreviewPng,
  PNG_SIGNATURE,
  pngChunk,
  starFieldGif,
  starFieldJpeg,
} from '../../support/image-builder.js';
import { imageFindings } from './run-image-rule.js';

const png = demoPreviewPng();
const withoutIend = png.subarray(0, png.length - 12);

describe('image/structure', () => {
  it('reports a PNG without IEND once, as truncated', async () => {
    const findings = await imageFindings(imageStructure, 'png', withoutIend);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /^the file ends after the IDAT chunk at byte \d+ without the IEND chunk/,
    );
  });

  it('reports a PNG cut inside a chunk once, with the bytes it declares', async () => {
    const findings = await imageFindings(imageStructure, 'png', png.subarray(0, 200));
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^the IDAT chunk at byte \d+ declares [\d,]+ bytes of data, but the file ends after [\d,]+: it is truncated$/,
      ),
    ]);
  });

  it('reports chunks out of order and unknown critical chunks', async () => {
    const idat = png.subarray(png.indexOf('IDAT') - 4, png.length - 12);
    const ihdr = png.subarray(8, 8 + 25);
    const swapped = Buffer.concat([PNG_SIGNATURE, idat, ihdr, pngChunk('IEND')]);
    expect((await imageFindings(imageStructure, 'png', swapped)).map((f) => f.message)[0]).toBe(
      'the first chunk is IDAT, but a PNG must start with IHDR',
    );
    const critical = Buffer.concat([
      png.subarray(0, 33),
      pngChunk('CgBI', Buffer.from([0x50, 0, 0x20, 2])),
      png.subarray(33),
    ]);
    expect((await imageFindings(imageStructure, 'png', critical)).map((f) => f.message)).toEqual([
      'the chunk CgBI at byte 33 is marked critical (upper-case first letter) but is not a PNG chunk: decoders must refuse the image',
    ]);
  });

  it('warns about bytes after the end of each format', async () => {
    for (const [format, bytes] of [
      ['png', png],
      ['jpeg', starFieldJpeg()],
      ['gif', starFieldGif()],
    ] as const) {
      const findings = await imageFindings(
        imageStructure,
        format,
        Buffer.concat([bytes, Buffer.from('junk')]),
      );
      expect(findings, format).toMatchObject([
        { severity: 'warning', message: expect.stringMatching(/^4 bytes follow the/) },
      ]);
    }
  });

  it('reports a JPEG cut in its scan data, and segment lengths that do not add up', async () => {
    const jpeg = starFieldJpeg();
    expect(
      (await imageFindings(imageStructure, 'jpeg', jpeg.subarray(0, jpeg.length - 40))).map((f) => f.message),
    ).toEqual([
      expect.stringMatching(
        /^the file ends inside the compressed data of the scan at byte \d+, without the EOI marker/,
      ),
    ]);
    const bad = Buffer.from(jpeg);
    bad.writeUInt16BE(bad.readUInt16BE(4) + 3, 4); // APP0 three bytes longer than it is
    expect((await imageFindings(imageStructure, 'jpeg', bad)).map((f) => f.message)).toEqual([
      expect.stringMatching(/where a marker \(0xFF\) must start: the segment lengths do not add up$/),
    ]);
  });

  it('reports a GIF cut short, and warns about a missing trailer after a complete frame', async () => {
    const gif = starFieldGif();
    expect(
      (await imageFindings(imageStructure, 'gif', gif.subarray(0, gif.length - 10))).map((f) => f.message),
    ).toEqual(['the file ends inside the image data of image 1 at byte 25: it is truncated']);
    expect(await imageFindings(imageStructure, 'gif', gif.subarray(0, gif.length - 1))).toMatchObject([
      { severity: 'warning', message: expect.stringMatching(/without the trailer \(0x3B\) that ends a GIF/) },
    ]);
  });

  it('reports bytes that are not the format at all', async () => {
    const random = Buffer.from('not an image at all');
    expect((await imageFindings(imageStructure, 'png', random)).map((f) => f.message)).toEqual([
      'the file does not start with the 8-byte PNG signature',
    ]);
  });

  it('passes whole images', async () => {
    expect(await imageFindings(imageStructure, 'png', png)).toEqual([]);
    expect(await imageFindings(imageStructure, 'jpeg', starFieldJpeg())).toEqual([]);
    expect(await imageFindings(imageStructure, 'gif', starFieldGif())).toEqual([]);
  });
});
