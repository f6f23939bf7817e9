import { problemRule } from './support/problem-rule.js';

export const ecsvUnits = problemRule(
  {
    id: 'ecsv/units',
    description:
      "An ECSV column's unit parses in the FITS or VOUnits grammar (error), and names known units (warning).",
    severity: 'error',
    formats: ['ecsv'],
    rationale:
      'Astropy reads an unparsable unit as an UnrecognizedUnit and carries on, so the unit is silently lost to anyone converting the column; MAST asks for units that software understands.',
    source: 'FITS Standard 4.0 §4.3; IVOA VOUnits 1.0',
  },
  ['unit-error', 'unit-unknown'],
  { 'unit-unknown': 'warning' },
);
