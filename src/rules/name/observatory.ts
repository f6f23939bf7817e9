import { isHlspName } from '../../naming/fields.js';
import { isKnownObservatory, knownObservatories } from '../../naming/vocabulary.js';
import type { NameRule } from '../../types.js';
import { mean } from './support/hints.js';

export const observatory: NameRule = {
  meta: {
    id: 'name/observatory',
    description: "Each element of the observatory field is a known observatory (or 'multi').",
    severity: 'warning',
    scope: 'name',
    rationale: 'An unknown value is not wrong, but MAST staff will review it (NEEDS REVIEW).',
    source: 'mast_contributor_tools oif.yaml',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.parts.length !== 8) return;
    for (const element of (parsed.fields.observatory ?? '').toLowerCase().split('-')) {
      if (element && !isKnownObservatory(element)) {
        const hint = mean(element, knownObservatories());
        report({
          message: `the observatory '${element}' is not one MAST knows`,
          ...(hint ? { hint } : { hint: 'check the spelling; MAST staff will review new observatories' }),
        });
      }
    }
  },
};
