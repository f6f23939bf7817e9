import { describe, expect, it } from 'vitest';
import { imageChunkCrc } from '../../../src/rules/image/chunk-crc.js';
import { imagePixelData } from '../../../src/rules/image/pixel-data.js';
import { demoPreviewPng } from '../../support/image-builder.js';
import { imageFindings, readImage, runImageRule } from './run-image-rule.js';

const png = demoPreviewPng();
const idatAt = png.indexOf('IDAT') - 4;

describe('image/chunk-crc', () => {
  it('reports a chunk whose CRC does not match its bytes', async () => {
    const bad = Buffer.from(png);
    bad[png.length - 12 - 1]! ^= 0xff; // last byte of the IDAT chunk's CRC
    const findings = await imageFindings(imageChunkCrc, 'png', bad);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the IDAT chunk at byte ${idatAt} has CRC 0x[0-9a-f]{8}, but its bytes give 0x[0-9a-f]{8}: it was changed or damaged after it was written$`,
        ),
      ),
    ]);
    expect(findings[0]!.offset).toBe(idatAt);
  });

  it('reports a damaged IDAT once: not again as bad image data', async () => {
    const bad = Buffer.from(png);
    bad[idatAt + 8 + 2 + 5 + 100]! ^= 0xff; // a pixel byte inside the stored block
    bad[idatAt + 8 + 1]! ^= 0xff; // and the zlib header, so that inflating fails
    const content = await readImage('png', bad);
    expect(runImageRule(imageChunkCrc, 'png', content)).toHaveLength(1);
    expect(runImageRule(imagePixelData, 'png', content)).toEqual([]);
  });

  it('counts the other chunks with a wrong CRC in the same finding', async () => {
    const bad = Buffer.from(png);
    bad[33 - 1]! ^= 1; // IHDR's CRC
    bad[png.length - 1]! ^= 1; // IEND's CRC
    expect((await imageFindings(imageChunkCrc, 'png', bad)).map((f) => f.message)).toEqual([
      expect.stringMatching(/^the IHDR chunk at byte 8 has CRC .* \(1 more chunks have a wrong CRC\)$/),
    ]);
  });

  it('passes a PNG whose CRCs are right', async () => {
    expect(await imageFindings(imageChunkCrc, 'png', png)).toEqual([]);
  });
});
