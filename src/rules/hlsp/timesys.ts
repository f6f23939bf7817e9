import type { FitsRule } from '../../types.js';
import { dateWithoutTimesys } from './support/causes.js';
import { hduName, where } from './support/keywords.js';
import { profileFindings } from './support/profiles.js';

export const timesys: FitsRule = {
  meta: {
    id: 'hlsp/timesys',
    description:
      'Every HDU that gives observation dates gives TIMESYS too (its own, or the primary header’s under INHERIT = T).',
    severity: 'error',
    scope: 'fits',
    rationale:
      'A date without its time scale (UTC, TDB, TT…) is ambiguous by up to a minute. FITS keywords describe the HDU they stand in: a TIMESYS in the primary header applies to an extension only when the extension says INHERIT = T.',
    source: 'FITS Standard 4.0 §4.4.2.6, §9.2.1; MAST HLSP Contributor Guide, Common Metadata',
  },
  check(context, report) {
    const { fits } = context;
    for (const hdu of fits.hdus) {
      const dated = dateWithoutTimesys(fits, hdu);
      if (!dated) continue;
      const primaryHasIt = hdu.index > 0 && (fits.hdus[0]?.keywords.has('TIMESYS') ?? false);
      // A date in the wrong HDU is one defect, said by hlsp/keyword-placement; no TIMESYS beside it follows.
      const misplaced = profileFindings(context).find(
        (finding) =>
          finding.ruleId === 'hlsp/keyword-placement' &&
          finding.hdu === hdu.index &&
          finding.keyword === dated.keyword,
      );
      report({
        ...where(hdu, dated),
        ...(misplaced
          ? {
              causedBy: {
                ruleId: misplaced.ruleId,
                hdu: misplaced.hdu ?? null,
                keyword: misplaced.keyword ?? null,
                offset: misplaced.offset ?? null,
              },
            }
          : {}),
        message: `${hduName(hdu)} gives ${dated.keyword} but no TIMESYS says in which time scale${primaryHasIt ? ' (the primary header’s TIMESYS does not apply: this HDU has no INHERIT = T)' : ''}`,
        hint: primaryHasIt
          ? `add TIMESYS to ${hduName(hdu)}, or INHERIT = T to take the primary header's`
          : `add TIMESYS (e.g. 'UTC' or 'TDB') to ${hduName(hdu)}`,
      });
    }
  },
};
