import { cardFact } from '../../fits/card.js';
import type { FitsRule } from '../../types.js';
import { textOf, where } from './support/keywords.js';
import { CELESTIAL } from './support/wcs.js';

/** The axis of a CTYPEn card that names a celestial axis ('' for any other card), kept with the card. */
const celestialAxis = cardFact((card): string => {
  const match = /^CTYPE([0-9]+)$/.exec(card.keyword);
  return match && CELESTIAL.test(textOf(card) ?? '') ? match[1]! : '';
});

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
        if (!card.keyword.startsWith('CTYPE')) continue;
        const axis = celestialAxis(card);
        if (axis === '') continue;
        const unitCard = hdu.keywords.get(`CUNIT${axis}`);
        const unit = textOf(unitCard);
        if (unitCard && unit !== 'deg') {
          report({
            ...where(hdu, unitCard),
            message: `CUNIT${axis} = '${unit}' for the celestial axis ${textOf(card)}; it must be 'deg'`,
            hint: `set CUNIT${axis} = 'deg'`,
          });
        }
      }
    }
  },
};
