import type { FitsRule } from '../../types.js';
import { missingEnd } from './support/cards.js';

export const trailingBytes: FitsRule = {
  meta: {
    id: 'fits/trailing-bytes',
    description: 'Nothing follows the last HDU (no garbage or partial extension after the end of the data).',
    severity: 'error',
    scope: 'fits',
    rationale:
      'The standard tolerates "special records" after the last HDU, but fitsverify reports them as errors and MAST expects fitsverify-clean files.',
    source: 'FITS Standard 4.0 §3.5; fitsverify',
  },
  check(context, report) {
    const { fits } = context;
    if (fits.trailingBytes <= 0) return;
    // After a header that ran into the next one, these bytes are that HDU's data: fits/end-card says why.
    if (fits.hdus.some((hdu) => missingEnd(hdu))) return;
    report({
      message: `${fits.trailingBytes} bytes follow the last HDU, which are not a valid FITS extension`,
      offset: fits.size - fits.trailingBytes,
      hint: 'remove the extra bytes, or check whether an extension header is damaged (it must start with XTENSION)',
    });
  },
};
