import type { ContentRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const parquetOffsets: ContentRule = {
  meta: {
    id: 'parquet/offsets',
    description:
      'Every byte range the footer gives (column chunks, pages, dictionary pages, indexes, bloom filters) lies inside the data of the file.',
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'Readers seek to these offsets; one past the footer or past the end of the file means the footer does ' +
      'not describe these bytes (a damaged or spliced file). A row group with a bad range is reported once and ' +
      'not decoded; a page whose size runs past the end of its column chunk is reported once for that chunk. ' +
      'Column chunks kept in another file (file_path) are reported too: a delivered file must hold its own data.',
    source: 'Apache Parquet file format (ColumnMetaData offsets and sizes; PageHeader)',
  },
  check(context, report) {
    reportProblems(context, report, ['offset', 'page-bounds']);
  },
};
