import type { FileRule } from '../../types.js';

export const emptyFile: FileRule = {
  meta: {
    id: 'format/empty-file',
    description: 'A product file is not empty.',
    severity: 'error',
    scope: 'file',
    rationale:
      'An empty file is a failed write or a placeholder; it holds none of the format its name promises. The README and manifest are judged by their collection rules, FITS files by fits/file-readable.',
    source: 'MAST HLSP Contributor Guide, file formats',
  },
  check(context, report) {
    if (context.format.verdict !== 'empty' || context.kind === 'readme' || context.kind === 'manifest')
      return;
    report({
      message: context.format.message ?? 'the file is empty',
      hint: 'write the file again, or leave it out',
    });
  },
};
