import type { FitsRule } from '../../types.js';
import { firstCardWhere, where } from './support/keywords.js';

const DATED = /^(DATE-BEG|DATE-END|DATE-OBS|DATE-AVG|MJD-BEG|MJD-END|MJD-OBS|MJD-AVG|MJD-MID|TSTART|TSTOP)$/;

export const timesys: FitsRule = {
  meta: {
    id: 'hlsp/timesys',
    description: 'TIMESYS is given (in the primary header or the same HDU) whenever observation dates are.',
    severity: 'error',
    scope: 'fits',
    rationale: 'A date without its time scale (UTC, TDB, TT…) is ambiguous by up to a minute.',
    source: 'FITS Standard 4.0 §9.2.1; MAST HLSP Contributor Guide, Common Metadata',
  },
  check(context, report) {
    const primaryHasTimesys = context.fits.hdus[0]?.keywords.has('TIMESYS') ?? false;
    for (const hdu of context.fits.hdus) {
      if (primaryHasTimesys || hdu.keywords.has('TIMESYS')) continue;
      const dated = firstCardWhere(hdu, (keyword) => DATED.test(keyword));
      if (dated) {
        report({
          ...where(hdu, dated),
          message: `${dated.keyword} is given but no TIMESYS says in which time scale`,
          hint: "add TIMESYS (e.g. 'UTC' or 'TDB') to the primary header",
        });
      }
    }
  },
};
