import { problemRule } from './support/problem-rule.js';

export const ecsvReadable = problemRule(
  {
    id: 'ecsv/readable',
    description: 'An ECSV file can be read to its end: UTF-8 text, intact gzip, lines of a sane length.',
    severity: 'error',
    formats: ['ecsv'],
    rationale:
      'A table that stops decoding part-way cannot be read by astropy or by MAST; what follows the defect is not checked, so it is reported once, where it starts.',
    source: 'https://github.com/astropy/astropy-APEs/blob/main/APE6.rst',
  },
  ['read-error', 'gzip-error', 'too-large', 'not-utf8', 'line-too-long', 'more'],
);
