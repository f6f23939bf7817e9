import { problemRule } from '../ecsv/support/problem-rule.js';

export const votableStructure = problemRule(
  {
    id: 'votable/structure',
    description:
      'A VOTable has a <VOTABLE> root; every FIELD and PARAM has a VOTable datatype and a valid arraysize; every TIMESYS has its ID, timescale and refposition, and a timeorigin that is a number, MJD-origin or JD-origin.',
    severity: 'error',
    formats: ['votable', 'xml'],
    rationale:
      'Readers build each column from its FIELD: astropy refuses an unknown datatype (E06) and a TIMESYS without its required attributes (E22, E23). A file named .vot or .votable whose root is another element is not a VOTable at all.',
    source: 'IVOA VOTable 1.4 §2.1, §4.6, §5.1',
  },
  ['root', 'datatype', 'arraysize', 'timesys'],
);
