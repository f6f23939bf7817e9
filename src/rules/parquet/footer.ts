import { promiseForName } from '../../formats/registry.js';
import type { ContentRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const parquetFooter: ContentRule = {
  meta: {
    id: 'parquet/footer',
    description:
      'A Parquet file starts and ends with PAR1, and its footer has a length inside the file and can be decoded.',
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'Every reader starts from the footer: the schema, the row groups and where their bytes are. A file ' +
      'without its closing PAR1, with a footer length past the start of the file, or with a footer that does ' +
      'not decode cannot be opened at all. A footer claimed larger than 64 MiB is refused before anything is ' +
      'allocated for it. A missing closing PAR1 in a file named .parquet is reported once, by format/truncated.',
    source: 'Apache Parquet file format (File format; Metadata); docs/formats.md',
  },
  check(context, report) {
    // format/truncated already reports a .parquet whose closing PAR1 is missing: one defect, one finding.
    const named = promiseForName(context.name)?.accepts.includes('parquet') === true;
    const codes = [
      'magic',
      'footer-length',
      'footer',
      'compressed',
      'unreadable',
      ...(named ? [] : ['magic-end']),
    ];
    reportProblems(context, report, codes);
  },
};
