import { asdfProblemRule } from './support/problem-rule.js';

export const asdfBlock = asdfProblemRule(
  {
    id: 'asdf/block',
    description:
      'Every binary block of an ASDF file starts with \\xd3BLK and a header of at least 48 bytes, uses no more than it allocates, lies inside the file, and decompresses (zlib, bzp2) to the size its header claims.',
    severity: 'error',
    rationale:
      'The blocks hold the arrays. A block that runs past the end of the file (a truncated upload), a header whose sizes disagree, bytes that are no block, or compressed data that does not inflate leave the arrays unreadable. The walk stops at the first block it cannot get past, so a truncated file gives one finding, not one per block. Compression the tool does not decode here (lz4, bzp2 blocks over 64 MiB) is an info: those blocks were not checked.',
    source: 'ASDF Standard 1.5.0 (asdf-standard.readthedocs.io), File layout, Blocks',
  },
  [
    'block-magic',
    'block-header',
    'truncated',
    'compression',
    'not-decoded',
    'too-many-blocks',
    'read-error',
    'gzip-error',
    'inflated-too-large',
    'too-many-problems',
  ],
  { 'not-decoded': 'info' },
);
