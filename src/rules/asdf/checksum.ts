import { asdfProblemRule } from './support/problem-rule.js';

export const asdfChecksum = asdfProblemRule(
  {
    id: 'asdf/checksum',
    description:
      'Every ASDF block with an MD5 checksum in its header holds data (decompressed) whose MD5 is that checksum.',
    severity: 'error',
    rationale:
      'The checksum is how the writer vouches for the data; a block that fails it was corrupted after it was written (a flipped bit, a bad copy), and asdf refuses to read it with validate_checksums=True. The data is streamed through MD5, never held in memory. A block whose compression is not decoded here cannot be verified: an info.',
    source: 'ASDF Standard 1.5.0 (asdf-standard.readthedocs.io), File layout, Blocks (checksum)',
  },
  ['checksum', 'checksum-unverified'],
  { 'checksum-unverified': 'info' },
);
