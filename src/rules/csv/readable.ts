import { tableProblemRule } from './support/table-rule.js';

export const csvReadable = tableProblemRule(
  {
    id: 'csv/readable',
    description:
      'A CSV, TSV or text table decodes as UTF-8 to its end, splits into values (quotes closed), and has lines of a sane length.',
    severity: 'error',
    rationale:
      'The format check looks at the first 4096 bytes only; a Latin-1 character or an unclosed quote further down makes the table unreadable from there. What follows the first such defect is not checked, so it is reported once.',
    source: 'RFC 4180; docs/formats.md',
  },
  ['read-error', 'gzip-error', 'too-large', 'not-utf8', 'line-too-long', 'csv-syntax', 'more'],
  { everyFile: true },
);
