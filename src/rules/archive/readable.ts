import type { FileRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const archiveReadable: FileRule = {
  meta: {
    id: 'archive/readable',
    description: 'A zip or tar archive can be read to its end, and each of its members opened.',
    severity: 'error',
    scope: 'file',
    rationale:
      'A damaged or truncated archive hides every member after the damage: none of them was checked, and MAST cannot unpack it either.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    reportProblems(
      context,
      'unreadable',
      report,
      'write the archive again, and check that the copy is complete',
    );
  },
};
