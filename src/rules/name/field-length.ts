import { fieldPhrase, isHlspName, labelledFields } from '../../naming/fields.js';
import type { NameRule } from '../../types.js';

/** Maximum field lengths enforced by MAST's checker (fc_config.yaml). */
export const FIELD_MAX: Record<string, number> = {
  hlsp: 4,
  'proj-id': 20,
  observatory: 20,
  instrument: 20,
  target: 30,
  'opt-elem': 20,
  version: 9,
  'product-type': 16,
  extension: 16,
  field: 20,
};

export const fieldLength: NameRule = {
  meta: {
    id: 'name/field-length',
    description:
      'Each field is within its maximum length (proj-id, observatory, instrument, opt-elem 20; target 30; version 9; product type and extension 16).',
    severity: 'error',
    scope: 'name',
    source: 'mast_contributor_tools fc_config.yaml',
  },
  check(context, report) {
    if (!isHlspName(context.parsed)) return;
    for (const { label, value } of labelledFields(context.parsed)) {
      const max = FIELD_MAX[label]!;
      if (value.length > max) {
        report({
          message: `${fieldPhrase(label)} '${value}' is ${value.length} characters long; the limit is ${max}`,
          hint: `shorten it to ${max} characters or fewer`,
        });
      }
    }
  },
};
