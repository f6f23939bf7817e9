import { tableProblemRule } from './support/table-rule.js';

export const csvColumns = tableProblemRule(
  {
    id: 'csv/columns',
    description:
      'A CSV, TSV or text table starts with a row of column names (named, each once), and every row has as many values as there are names.',
    severity: 'error',
    rationale:
      'Without names a reader cannot tell what a column holds; a row with a value too many or too few shifts every value after it into the wrong column. Rows of the wrong length are reported once per file, with their count and the first line.',
    source: 'RFC 4180 §2',
  },
  ['no-header', 'header-names', 'row-length'],
);
