import type { ContentRule } from '../../types.js';
import { PIXEL_DATA_CODES, reportImageProblems } from './support/problems.js';

export const imagePixelData: ContentRule = {
  meta: {
    id: 'image/pixel-data',
    description:
      "A preview's compressed image data decodes to the image its header describes: a PNG's IDAT inflates to exactly the scanlines its IHDR implies, a JPEG decodes, a GIF frame starts with a valid LZW code size.",
    severity: 'error',
    scope: 'content',
    formats: ['png', 'jpeg', 'gif'],
    rationale:
      'A file whose header is right can still hold image data that is cut short, padded or corrupt; viewers then show a partial or grey image. PNG image data is inflated as a stream and only counted (with each scanline filter type checked), and inflating stops as soon as it passes the size the header implies, so a zlib bomb costs nothing. JPEGs are decoded with jpeg-js up to 2^26 pixels; a JPEG not decoded (larger, or a kind jpeg-js does not read: lossless, arithmetic-coded) is a warning saying so, as it was not fully read.',
    source: 'PNG Specification (Third Edition) §§7–10; ITU-T T.81 (JPEG); GIF89a Specification §22',
  },
  check(context, report) {
    reportImageProblems(context, report, PIXEL_DATA_CODES);
  },
};
