import type { ContentRule } from '../../types.js';
import { reportImageProblems } from './support/problems.js';

export const imageStructure: ContentRule = {
  meta: {
    id: 'image/structure',
    description:
      'A preview image is whole: its signature, then its chunks (PNG), segments (JPEG) or blocks (GIF) in order, each as long as it says, to the end marker (IEND, EOI, the GIF trailer).',
    severity: 'error',
    scope: 'content',
    formats: ['png', 'jpeg', 'gif'],
    rationale:
      'A preview cut short in a transfer, or with its chunks out of order, is not shown by browsers or by the MAST portal. The reader reports the first place where the structure is lost, once, not every chunk after it. Bytes after the end marker, and a GIF whose last frame is complete but whose trailer is missing, are warnings: viewers show such files, but they were not written as the format says.',
    source: 'PNG Specification (Third Edition) §5; ITU-T T.81 (JPEG) Annex B; GIF89a Specification §§17–27',
  },
  check(context, report) {
    reportImageProblems(context, report, 'structure');
  },
};
