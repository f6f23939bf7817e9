import { intValue } from '../../fits/layout.js';
import type { FitsRule } from '../../types.js';
import { where } from './support/keywords.js';
import { WCS } from './support/wcs.js';

export const wcsPlacement: FitsRule = {
  meta: {
    id: 'hlsp/wcs-placement',
    description: 'WCS keywords are only in the HDU they describe, not in a primary header without data.',
    severity: 'warning',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Image Metadata',
  },
  check(context, report) {
    const [primary, ...rest] = context.fits.hdus;
    if (!primary || (intValue(primary.keywords, 'NAXIS') ?? 0) > 0 || rest.length === 0) return;
    const card = [...primary.keywords.values()].find((c) => WCS.test(c.keyword));
    if (card)
      report({
        ...where(primary, card),
        message: `the primary header has no data but carries WCS keywords (${card.keyword})`,
        hint: 'move the WCS keywords to the extension that holds the image',
      });
  },
};
