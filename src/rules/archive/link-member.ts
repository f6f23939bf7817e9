import type { FileRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const linkMember: FileRule = {
  meta: {
    id: 'archive/link-member',
    description: 'Archives hold files and directories only: no symbolic or hard links, devices or pipes.',
    severity: 'error',
    scope: 'file',
    rationale:
      'A link can point anywhere on the machine that unpacks the archive; a device or pipe is not a product.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    reportProblems(context, 'link-member', report, 'replace the link with the file it points to');
  },
};
