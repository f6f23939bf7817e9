import type { ReadProblem } from '../../fits/types.js';
import type { FitsRule } from '../../types.js';

const HINTS: Partial<Record<ReadProblem['code'], string>> = {
  'empty-file': 'the file has no bytes; write it again',
  'not-fits':
    "a FITS file starts with the card 'SIMPLE  =                    T'; check that this is the file you meant to deliver",
  'io-error': 'make the file readable and run the check again',
  'gzip-error': 'the compressed file is damaged; compress it again with gzip',
  'bzip2-error': 'the compressed file is damaged; compress it again with bzip2',
  'inflate-limit': 'if the file really is this large, raise --max-inflated-bytes',
  'too-many-hdus': 'split the file, or check that it is not corrupt',
  'header-too-large': 'a header this large is almost certainly damaged: check that it has an END card',
  'bad-size': 'fix BITPIX and NAXISn so that the data size can be computed',
};

const CODES = new Set<ReadProblem['code']>([
  'empty-file',
  'not-fits',
  'io-error',
  'gzip-error',
  'bzip2-error',
  'inflate-limit',
  'too-many-hdus',
  'header-too-large',
  'bad-size',
]);

export const fileReadable: FitsRule = {
  meta: {
    id: 'fits/file-readable',
    description:
      'The file can be read to its end as FITS: not empty, starts with a FITS header, decompresses, has a computable layout.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'When the reader cannot go on, everything after the damage is unchecked; the finding says where and why.',
    source: 'FITS Standard 4.0 §3',
  },
  check(context, report) {
    for (const problem of context.fits.problems) {
      if (!CODES.has(problem.code)) continue;
      report({
        message: problem.message,
        hdu: problem.hdu,
        offset: problem.offset,
        ...(HINTS[problem.code] ? { hint: HINTS[problem.code] } : {}),
      });
    }
  },
};
