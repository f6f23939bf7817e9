import { isPlaceholderDoi } from '../../naming/doi.js';
import type { FitsRule } from '../../types.js';
import { where } from './support/keywords.js';

export const doiPlaceholder: FitsRule = {
  meta: {
    id: 'hlsp/doi-placeholder',
    description:
      'DOI is the DOI MAST assigned to the collection, not a placeholder such as 10.17909/xxxx-xxxx.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'A placeholder DOI has the form of a real one, so the DOI pattern accepts it; delivered, it points nowhere. MAST assigns the DOI when the collection is accepted: leave DOI out until then, or write the one MAST gave.',
    source: 'MAST HLSP Contributor Guide, Common Metadata (DOI)',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const card = hdu.keywords.get('DOI');
      if (card?.value?.type !== 'string' || !isPlaceholderDoi(card.value.value)) continue;
      report({
        ...where(hdu, card),
        message: `DOI = '${card.value.value.trim()}' is a placeholder, not a DOI`,
        hint: 'MAST assigns the DOI: write the one it gave you, or leave DOI out until then',
      });
    }
  },
};
