import type { ContentRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const parquetStatistics: ContentRule = {
  meta: {
    id: 'parquet/statistics',
    description:
      'Column chunk statistics (min_value, max_value, null_count), where present, agree with the data.',
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'Query engines skip whole row groups by these statistics: a max_value below a value that is there hides ' +
      'that row from every filtered query. Each column chunk is compared as it is decoded. Numbers, booleans and ' +
      'dates must match the least and greatest values exactly; text bounds need only hold (writers may ' +
      'truncate them) unless marked exact. The deprecated min/max fields, binary, INT96 and nested columns ' +
      'are not compared.',
    source: 'Apache Parquet file format (Statistics; ColumnOrder)',
  },
  check(context, report) {
    reportProblems(context, report, ['statistics']);
  },
};
