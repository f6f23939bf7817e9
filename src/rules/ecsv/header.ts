import { problemRule } from './support/problem-rule.js';

export const ecsvHeader = problemRule(
  {
    id: 'ecsv/header',
    description:
      "An ECSV header starts with '# %ECSV 1.0', is YAML that parses, declares its columns, uses a space or comma delimiter, and is followed by a line of the same column names.",
    severity: 'error',
    formats: ['ecsv'],
    rationale:
      'The header is what makes ECSV self-describing: without it, or with names that disagree with the body, astropy refuses the file. A header that cannot be read is reported once, and the body is then not judged (its rows would only repeat the same defect).',
    source: 'https://github.com/astropy/astropy-APEs/blob/main/APE6.rst',
  },
  ['signature', 'version', 'yaml', 'header-structure', 'delimiter', 'header-row'],
  { version: 'warning' },
);
