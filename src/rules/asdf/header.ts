import { asdfProblemRule } from './support/problem-rule.js';

export const asdfHeader = asdfProblemRule(
  {
    id: 'asdf/header',
    description:
      "An ASDF file starts with the line '#ASDF 1.0.0', followed by '#ASDF_STANDARD x.y.z' naming the version of the standard its tree follows.",
    severity: 'error',
    rationale:
      'Readers recognise ASDF by its first line and refuse any other. The ASDF_STANDARD line tells them which schemas the tree follows; without it (or with a version that is not 1.x.y) they must guess, so it is a warning. A file that does not start as ASDF is not read further: one finding.',
    source: 'ASDF Standard 1.5.0 (asdf-standard.readthedocs.io), File layout',
  },
  ['header', 'standard'],
  { standard: 'warning' },
);
