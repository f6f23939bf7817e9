import type { FileRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const bomb: FileRule = {
  meta: {
    id: 'archive/bomb',
    description:
      'An archive stays within the caps on its decompressed size, the compression ratio of its members and its number of members.',
    severity: 'error',
    scope: 'file',
    rationale:
      'A zip bomb (a few kilobytes that expand to gigabytes, or millions of members) would exhaust the disk or memory of whoever unpacks it; reading stops at the cap and reports it, so nothing after the cap was checked.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    reportProblems(
      context,
      'bomb',
      report,
      'split the archive, or if the data really is this large raise --max-inflated-bytes',
    );
  },
};
