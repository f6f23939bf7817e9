import { problemRule } from '../ecsv/support/problem-rule.js';

export const votableRowLength = problemRule(
  {
    id: 'votable/row-length',
    description: 'Every TR of a TABLEDATA table has one TD per FIELD of its table.',
    severity: 'error',
    formats: ['votable', 'xml'],
    rationale:
      'A row with more TD than FIELDs makes astropy refuse the table (E20); one with fewer leaves columns without a value. Each table is reported once, with the count and the first row.',
    source: 'IVOA VOTable 1.4 §5.2',
  },
  ['row-length'],
);
