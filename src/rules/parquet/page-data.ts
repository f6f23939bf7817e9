import type { ContentRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const parquetPageData: ContentRule = {
  meta: {
    id: 'parquet/page-data',
    description: 'Every page of every column chunk can be decompressed and decoded.',
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'The reader decodes every row group, one column chunk and one page at a time, so that a damaged page ' +
      'deep in the file is found before a user meets it. A column chunk is reported at its first bad page and ' +
      'not read further. A page larger than this tool decodes at once (256 MiB, or 16 Mi values) is reported ' +
      'as a warning: its column was not checked.',
    source: 'Apache Parquet file format (Data pages; Compression; Encodings)',
  },
  check(context, report) {
    reportProblems(context, report, ['page', 'cap'], { cap: 'warning' });
  },
};
