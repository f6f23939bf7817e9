import type { ContentRule } from '../../types.js';
import { CRC_CODES, reportImageProblems } from './support/problems.js';

export const imageChunkCrc: ContentRule = {
  meta: {
    id: 'image/chunk-crc',
    description: 'Every chunk of a PNG has the CRC-32 of its type and data.',
    severity: 'error',
    scope: 'content',
    formats: ['png'],
    rationale:
      'A wrong CRC means the chunk was changed or damaged after it was written; libpng refuses a critical chunk (IHDR, PLTE, IDAT) with a wrong CRC. The first bad chunk is reported, with the number of others, as one finding; image data that fails after a damaged IDAT chunk is not reported again.',
    source: 'PNG Specification (Third Edition) §5.3, §13.2',
  },
  check(context, report) {
    reportImageProblems(context, report, CRC_CODES);
  },
};
