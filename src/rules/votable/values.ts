import { problemRule } from '../ecsv/support/problem-rule.js';

export const votableValues = problemRule(
  {
    id: 'votable/values',
    description:
      "Every TD (and PARAM value) reads as its FIELD's datatype and arraysize: booleans, bits, integers inside their range, floats, complex pairs; an empty cell or the VALUES null= value is a missing value.",
    severity: 'error',
    formats: ['votable', 'xml'],
    rationale:
      'A value that does not parse as declared is lost (astropy masks it with a warning, or refuses the file when asked to be strict). Each column is reported once, with the count and the first bad cell.',
    source: 'IVOA VOTable 1.4 §2.1, §5.2',
  },
  ['value'],
);
