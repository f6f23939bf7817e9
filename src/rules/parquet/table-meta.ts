import type { ContentRule } from '../../types.js';
import { reportProblems } from './support/problems.js';

export const parquetTableMeta: ContentRule = {
  meta: {
    id: 'parquet/table-meta',
    description: "astropy's table_meta_yaml key, where present, is YAML that can be read.",
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'astropy keeps column units, descriptions, UCDs and the table meta in this key; when it does not parse, ' +
      'astropy cannot read the table back and the units and metadata are lost.',
    source: 'astropy.io.misc.parquet (table_meta_yaml); docs/formats.md',
  },
  check(context, report) {
    reportProblems(context, report, ['table-meta']);
  },
};
