import { problemRule } from './support/problem-rule.js';

export const ecsvValues = problemRule(
  {
    id: 'ecsv/values',
    description:
      'Every ECSV row has one value per column, and every value reads as its column’s datatype, inside its range (an empty field is a missing value).',
    severity: 'error',
    formats: ['ecsv'],
    rationale:
      "A value that does not parse as its declared type makes astropy refuse the whole table. Integers are checked against their exact limits (int64 and uint64 with arbitrary precision); floats beyond float16/float32's range are a warning (they read as infinity). Each column is reported once, with the count and the first bad line.",
    source: 'https://github.com/astropy/astropy-APEs/blob/main/APE6.rst',
  },
  ['value', 'row-length', 'csv-syntax', 'float-overflow'],
  { 'float-overflow': 'warning' },
);
