import type { Card } from '../../fits/types.js';
import type { FitsRule } from '../../types.js';
import { where } from './support/keywords.js';
import { CD_MATRIX, CDELT } from './support/wcs.js';

export const wcsCdPc: FitsRule = {
  meta: {
    id: 'hlsp/wcs-cd-pc',
    description: 'An HDU uses either the CDi_j matrix or PCi_j with CDELTi, never CD together with CDELT.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'Readers ignore CDELT when CD is present, so a CDELT beside CD is at best dead and at worst believed by a reader that prefers it. (PC with CD is reported by fits/wcs-keywords.)',
    source: 'MAST HLSP Contributor Guide, Image Metadata; FITS WCS Paper I',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      // The first of each in header order, in one pass over the keywords.
      let cd: Card | undefined;
      let cdelt: Card | undefined;
      for (const card of hdu.keywords.values()) {
        const { keyword } = card;
        if (!keyword.startsWith('CD')) continue;
        if (cd === undefined && CD_MATRIX.test(keyword)) cd = card;
        else if (cdelt === undefined && CDELT.test(keyword)) cdelt = card;
        if (cd && cdelt) break;
      }
      if (cd && cdelt)
        report({
          ...where(hdu, cdelt),
          message: `${cdelt.keyword} is given together with the CD matrix (${cd.keyword})`,
          hint: 'keep the CD matrix and remove CDELTi, or use PCi_j with CDELTi',
        });
    }
  },
};
