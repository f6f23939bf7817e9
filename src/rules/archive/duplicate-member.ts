import type { FileRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const duplicateMember: FileRule = {
  meta: {
    id: 'archive/duplicate-member',
    description: 'No two members of an archive have the same path.',
    severity: 'error',
    scope: 'file',
    rationale:
      'Unpacking keeps one of the two (which one depends on the tool): the other product is lost, and what was checked may not be what is delivered.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    reportProblems(context, 'duplicate-member', report, 'rename or remove one of the two members');
  },
};
