import { isHlspName } from '../../naming/fields.js';
import { isKnownProductType, knownProductTypes } from '../../naming/vocabulary.js';
import type { NameRule } from '../../types.js';
import { mean } from './support/hints.js';

export const productType: NameRule = {
  meta: {
    id: 'name/product-type',
    description:
      'The product type (the field before the extension) is one MAST knows, e.g. img, i2d, cat, spec, lc, readme.',
    severity: 'warning',
    scope: 'name',
    source: 'mast_contributor_tools fc_config.yaml SemanticTypes',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.parts.length < 3) return;
    const type = parsed.productType.toLowerCase();
    if (type === '' || isKnownProductType(type) || type.split('-').every(isKnownProductType)) return;
    const hint = mean(type, knownProductTypes());
    report({
      message: `the product type '${type}' is not one MAST knows`,
      hint: hint ?? 'MAST staff will review it; common types are img, i2d, cat, spec, lc, sed',
    });
  },
};
