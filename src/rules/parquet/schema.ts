import type { ContentRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const parquetSchema: ContentRule = {
  meta: {
    id: 'parquet/schema',
    description:
      "A Parquet file's schema can be read, and every row group has one column chunk per schema column, in order and of its type.",
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'The schema names the columns and their types; a schema whose child counts do not add up, a column ' +
      'without a physical type, or row groups whose column chunks do not match it leave readers guessing ' +
      'what the bytes are. The row groups are not decoded when the schema cannot be read.',
    source: 'Apache Parquet file format (Metadata: SchemaElement, ColumnChunk)',
  },
  check(context, report) {
    reportProblems(context, report, ['schema']);
  },
};
