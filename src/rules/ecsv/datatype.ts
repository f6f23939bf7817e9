import { problemRule } from './support/problem-rule.js';

export const ecsvDatatype = problemRule(
  {
    id: 'ecsv/datatype',
    description:
      "Every ECSV column has an ECSV 1.0 datatype (bool, int8…uint64, float16…float128, string), and a subtype, where given, is a datatype with a shape ('int64[2,3]', 'float64[null]') or 'json', on a string column.",
    severity: 'error',
    formats: ['ecsv'],
    rationale:
      'Readers build each column from its datatype; astropy only warns on other types and then guesses, so the file no longer says what it holds. Multidimensional and variable-length columns are held as JSON in string cells, described by the subtype.',
    source: 'https://github.com/astropy/astropy-APEs/blob/main/APE6.rst',
  },
  ['datatype'],
);
