import type { FitsRule } from '../../types.js';

export const truncated: FitsRule = {
  meta: {
    id: 'fits/truncated',
    description:
      'The file is not cut short: every header and data unit is complete, in whole 2880-byte blocks.',
    severity: 'error',
    scope: 'fits',
    rationale: 'A truncated file is usually an interrupted copy or upload; the missing bytes are lost data.',
    source: 'FITS Standard 4.0 §3.1',
  },
  check(context, report) {
    for (const problem of context.fits.problems) {
      if (problem.code !== 'data-truncated' && problem.code !== 'header-truncated') continue;
      report({
        message: problem.message,
        hdu: problem.hdu,
        offset: problem.offset,
        hint: 'copy or write the file again; compare its size with the original',
      });
    }
  },
};
