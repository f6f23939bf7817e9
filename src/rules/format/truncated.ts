import type { FileRule } from '../../types.js';

export const truncated: FileRule = {
  meta: {
    id: 'format/truncated',
    description:
      'A file that starts as its format does also ends as its format does (Parquet ends with PAR1).',
    severity: 'error',
    scope: 'file',
    rationale:
      'A file that starts right but lacks its end was cut short in a copy or a transfer; no reader can open it. FITS files are judged by fits/truncated.',
    source: 'Apache Parquet file format; docs/formats.md',
  },
  check(context, report) {
    if (context.format.verdict !== 'truncated') return;
    report({
      message: context.format.message ?? 'the file is cut short',
      hint: 'copy the file again from where it was written',
    });
  },
};
