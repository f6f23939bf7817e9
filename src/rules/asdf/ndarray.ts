import { asdfProblemRule } from './support/problem-rule.js';

export const asdfNdarray = asdfProblemRule(
  {
    id: 'asdf/ndarray',
    description:
      "Every ndarray in an ASDF tree points (source) at a block the file has, and its shape times its datatype's size (with offset and strides) fits in that block.",
    severity: 'error',
    rationale:
      'An array whose block is missing, or smaller than its shape and datatype need, cannot be read: asdf raises when the array is opened. An array stored in another file (a source that is a file name) is not checked here: an info, so that the other file is delivered too. Arrays whose blocks were lost to truncation are not reported again.',
    source: 'ASDF Standard 1.5.0 (asdf-standard.readthedocs.io), File layout; core/ndarray-1.0.0 schema',
  },
  ['ndarray', 'ndarray-external'],
  { 'ndarray-external': 'info' },
);
