import type { FitsRule } from '../../types.js';
import { textOf, where } from './support/keywords.js';
import { CELESTIAL } from './support/wcs.js';

export const wcsUnits: FitsRule = {
  meta: {
    id: 'hlsp/wcs-units',
    description: "Celestial axes (RA/Dec, galactic, ecliptic) have CUNITi = 'deg'.",
    severity: 'error',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Image Metadata; FITS WCS Paper II',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      for (const card of hdu.keywords.values()) {
        const match = /^CTYPE([0-9]+)$/.exec(card.keyword);
        if (!match || !CELESTIAL.test(textOf(card) ?? '')) continue;
        const unitCard = hdu.keywords.get(`CUNIT${match[1]}`);
        const unit = textOf(unitCard);
        if (unitCard && unit !== 'deg') {
          report({
            ...where(hdu, unitCard),
            message: `CUNIT${match[1]} = '${unit}' for the celestial axis ${textOf(card)}; it must be 'deg'`,
            hint: `set CUNIT${match[1]} = 'deg'`,
          });
        }
      }
    }
  },
};
