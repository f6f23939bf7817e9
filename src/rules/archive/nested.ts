import type { FileRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const nested: FileRule = {
  meta: {
    id: 'archive/nested',
    description:
      'An archive inside an archive is reported: it is not opened, so its members are not checked.',
    severity: 'info',
    scope: 'file',
    rationale:
      'Only one level of archive is opened, so that nesting cannot multiply a bomb; a nested archive is listed so that a reviewer knows its content was not judged.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    reportProblems(
      context,
      'nested',
      report,
      'put the files of the inner archive in the outer archive directly',
    );
  },
};
