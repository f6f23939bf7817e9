import { tableProblemRule } from './support/table-rule.js';

export const csvNumbers = tableProblemRule(
  {
    id: 'csv/numbers',
    description:
      'In a column of a CSV, TSV or text table that holds numbers (at least 90% of its values), every value is a number or a missing-value marker (empty, NaN, null, NA, -).',
    severity: 'error',
    rationale:
      "A stray '12.3 mag' or '1,5' in a numeric column makes readers load the whole column as text. Each column is reported once, with the count and the first line.",
    source: 'docs/formats.md',
  },
  ['not-a-number'],
);
