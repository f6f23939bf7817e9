import type { FileRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const unsafeMember: FileRule = {
  meta: {
    id: 'archive/unsafe-member',
    description: 'No archive member has a path that would write outside the directory it is extracted into.',
    severity: 'error',
    scope: 'file',
    rationale:
      'A member named ../x, /x, C:\\x or with backslashes (zip slip) can overwrite files when the archive is unpacked; such a member is reported and its content not read.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    reportProblems(
      context,
      'unsafe-member',
      report,
      'store members under relative paths with / separators and no .. segment',
    );
  },
};
