import { problemRule } from '../ecsv/support/problem-rule.js';

export const votableSerialization = problemRule(
  {
    id: 'votable/serialization',
    description:
      'A table serialized as BINARY, BINARY2 or FITS is noted: its cells are not decoded here, so its values were not checked.',
    severity: 'info',
    formats: ['votable', 'xml'],
    rationale:
      'Nothing passes unread: only TABLEDATA cells are checked value by value. The note says which tables were taken on trust, so that a reviewer can check them with astropy or TOPCAT.',
    source: 'IVOA VOTable 1.4 §5.3–5.5',
  },
  ['serialization'],
);
