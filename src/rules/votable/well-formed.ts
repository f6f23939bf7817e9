import { problemRule } from '../ecsv/support/problem-rule.js';

export const votableWellFormed = problemRule(
  {
    id: 'votable/well-formed',
    description:
      'A VOTable is well-formed XML (UTF-8, intact gzip), read to its end within sane nesting and tag sizes; the first defect is reported with its line and column.',
    severity: 'error',
    formats: ['votable', 'xml'],
    rationale:
      'An XML parser stops at the first well-formedness error, so astropy, TOPCAT and MAST refuse the whole file; what follows it cannot be judged, so it is reported once, where it starts. Entities a document declares are not expanded (no entity bomb), and a reference to one is an error.',
    source: 'W3C XML 1.0 §2.1; IVOA VOTable 1.4 §1',
  },
  ['xml', 'read-error', 'gzip-error', 'too-large', 'not-utf8', 'too-deep', 'too-long', 'more'],
);
