import type { ContentRule } from '../../types.js';
import { DIMENSION_CODES, reportImageProblems } from './support/problems.js';

export const imageDimensions: ContentRule = {
  meta: {
    id: 'image/dimensions',
    description:
      'A preview is at least 1 × 1 pixel and at most 2^28 (268,435,456) pixels, as its header claims.',
    severity: 'error',
    scope: 'content',
    formats: ['png', 'jpeg', 'gif'],
    rationale:
      'The size is read from the header (IHDR, the JPEG frame header, the GIF logical screen and image descriptors) and checked before anything is inflated or allocated: a header that claims 100,000 × 100,000 pixels is reported and its image data is not decoded. No preview needs more than 2^28 pixels, and viewers refuse such images.',
    source: 'PNG Specification (Third Edition) §11.2.1; ITU-T T.81 (JPEG) B.2.2; GIF89a Specification §18',
  },
  check(context, report) {
    reportImageProblems(context, report, DIMENSION_CODES);
  },
};
