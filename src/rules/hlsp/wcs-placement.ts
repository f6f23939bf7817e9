import { intValue } from '../../fits/layout.js';
import type { Card } from '../../fits/types.js';
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
    const { hdus } = context.fits;
    const primary = hdus[0];
    if (!primary || (intValue(primary.keywords, 'NAXIS') ?? 0) > 0 || hdus.length < 2) return;
    let card: Card | undefined;
    for (const candidate of primary.keywords.values())
      if (WCS.test(candidate.keyword)) {
        card = candidate;
        break;
      }
    if (card)
      report({
        ...where(primary, card),
        message: `the primary header has no data but carries WCS keywords (${card.keyword})`,
        hint: 'move the WCS keywords to the extension that holds the image',
      });
  },
};
