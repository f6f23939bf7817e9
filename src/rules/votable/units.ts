import { problemRule } from '../ecsv/support/problem-rule.js';

export const votableUnits = problemRule(
  {
    id: 'votable/units',
    description:
      "A FIELD's or PARAM's unit parses in the VOUnits or FITS grammar (error), and names known units (warning); '---' (CDS: no unit) is allowed.",
    severity: 'error',
    formats: ['votable', 'xml'],
    rationale:
      'Astropy reads an unparsable unit as an unrecognized one (W50) and carries on, so the unit is silently lost to anyone converting the column; MAST asks for units that software understands.',
    source: 'IVOA VOUnits 1.0; IVOA VOTable 1.4 §4.2',
  },
  ['unit-error', 'unit-unknown'],
  { 'unit-unknown': 'warning' },
);
