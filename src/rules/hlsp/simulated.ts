import type { FitsRule } from '../../types.js';
import { where } from './support/keywords.js';

export const simulated: FitsRule = {
  meta: {
    id: 'hlsp/simulated',
    description:
      'Simulated products (product type sim…) have SIMULATD = T in the primary header; SIMULATD is a logical.',
    severity: 'error',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Common Metadata',
  },
  check(context, report) {
    const primary = context.fits.hdus[0];
    if (!primary) return;
    const card = primary.keywords.get('SIMULATD');
    if (card && card.value?.type !== 'logical') {
      report({
        ...where(primary, card),
        message: `SIMULATD must be the logical T or F, found ${card.valueText}`,
        hint: 'write SIMULATD = T (no quotes)',
      });
      return;
    }
    const type = context.parsed.productType.toLowerCase();
    const isSimulation = type.startsWith('sim') || type.split('-').includes('sim');
    if (isSimulation && !(card?.value?.type === 'logical' && card.value.value)) {
      report({
        hdu: 0,
        keyword: 'SIMULATD',
        offset: card?.offset ?? primary.headerOffset,
        message: `the product type '${type}' says simulated data, but SIMULATD = T is missing`,
        hint: 'add SIMULATD = T to the primary header',
      });
    }
  },
};
