import { asdfProblemRule } from './support/problem-rule.js';

export const asdfBlockIndex = asdfProblemRule(
  {
    id: 'asdf/block-index',
    description:
      "An ASDF file's block index, where present ('#ASDF BLOCK INDEX' and a YAML list after the last block), lists the offset of every block, in order.",
    severity: 'warning',
    rationale:
      'The index is optional and lets readers jump to a block. One that disagrees with the blocks is ignored by asdf, which then finds the blocks one by one: nothing is lost, but the file was changed after it was written, so it is a warning.',
    source: 'ASDF Standard 1.5.0 (asdf-standard.readthedocs.io), File layout, Block index',
  },
  ['block-index'],
);
