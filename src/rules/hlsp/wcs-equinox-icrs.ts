import type { FitsRule } from '../../types.js';
import { cardIn, textOf, where } from './support/keywords.js';

export const wcsEquinoxIcrs: FitsRule = {
  meta: {
    id: 'hlsp/wcs-equinox-icrs',
    description: "No EQUINOX when RADESYS = 'ICRS' (ICRS has no equinox).",
    severity: 'error',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Common Metadata',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const equinox = hdu.keywords.get('EQUINOX');
      if (equinox && textOf(cardIn(context.fits, hdu, 'RADESYS')?.card) === 'ICRS') {
        report({
          ...where(hdu, equinox),
          message: "EQUINOX is given, but RADESYS = 'ICRS', which has no equinox",
          hint: 'remove EQUINOX',
        });
      }
    }
  },
};
