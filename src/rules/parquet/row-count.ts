import type { ContentRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const parquetRowCount: ContentRule = {
  meta: {
    id: 'parquet/row-count',
    description:
      "The rows of each row group's columns match the row group's num_rows, and the row groups add up to the file's num_rows.",
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'Readers size their tables from these counts: a row group whose columns hold other numbers of rows gives ' +
      'misaligned or missing rows. Each row group is reported once (its first disagreeing column); a column ' +
      'chunk whose value count disagrees with its pages is reported where its rows are right.',
    source:
      'Apache Parquet file format (FileMetaData.num_rows, RowGroup.num_rows, ColumnMetaData.num_values)',
  },
  check(context, report) {
    reportProblems(context, report, ['row-count', 'value-count']);
  },
};
