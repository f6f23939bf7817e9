import type { FileRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const encryptedMember: FileRule = {
  meta: {
    id: 'archive/encrypted-member',
    description: 'No archive member is encrypted.',
    severity: 'error',
    scope: 'file',
    rationale:
      'An encrypted member cannot be read by the archive or by this tool: it cannot be checked or served.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    reportProblems(context, 'encrypted-member', report, 'deliver the archive without a password');
  },
};
