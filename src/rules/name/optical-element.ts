import { isHlspName } from '../../naming/fields.js';
import { GENERIC_ELEMENTS, opticalElementsOf } from '../../naming/vocabulary.js';
import type { NameRule } from '../../types.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { memoize } from '../../util/memo.js';
import { ALL_ELEMENTS, mean } from './support/hints.js';

/**
 * The optical elements of every named observatory's instruments, by the two fields joined with
 * '_' (which neither holds): a collection repeats a few combinations over all its files.
 */
const elementsOfFields = memoize((fields: string): ReadonlySet<string> => {
  const [observatoryField = '', instrumentField = ''] = fields.split('_');
  const observatories = observatoryField.split('-');
  const instruments = [instrumentField, ...instrumentField.split('-')];
  const combined = new Set<string>();
  // `multi` stands for several observatories: any element known to any mission fits, as in MAST's checker.
  if (!observatories.includes('multi'))
    for (const obs of observatories)
      for (const inst of instruments) for (const e of opticalElementsOf(obs, inst)) combined.add(e);
  return combined;
}, 1_000);

export const opticalElement: NameRule = {
  meta: {
    id: 'name/optical-element',
    description:
      'Each element of the opt-elem field is a filter, pupil, grating or disperser of the named instrument.',
    severity: 'warning',
    scope: 'name',
    rationale:
      "A filter that the instrument does not have (jwst_nircam_…_f775w) usually means a typo or a wrong field; 'multi' stands for several.",
    source: 'mast_contributor_tools oif.yaml; instrument handbooks',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.parts.length !== 8) return;
    const observatoryField = (parsed.fields.observatory ?? '').toLowerCase();
    const instrumentField = (parsed.fields.instrument ?? '').toLowerCase();
    const combined = elementsOfFields(`${observatoryField}_${instrumentField}`);
    const everywhere = ALL_ELEMENTS;
    const value = (parsed.fields.optElem ?? '').toLowerCase();
    // A known element may itself hold a '-': then the field is one element, not several.
    if (combined.has(value)) return;
    for (const element of value.split('-')) {
      if (!element || GENERIC_ELEMENTS.has(element) || combined.has(element)) continue;
      if (combined.size > 0) {
        const guess = didYouMean(element, combined);
        report({
          message: `'${element}' is not an optical element of ${observatoryField} ${instrumentField}`,
          hint: guess ? `did you mean '${guess}'?` : 'check the filter against the instrument handbook',
        });
      } else if (!everywhere.has(element)) {
        const hint = mean(element, everywhere);
        report({
          message: `the optical element '${element}' is not one MAST knows`,
          hint: hint ?? 'check the spelling; MAST staff will review new filters',
        });
      }
    }
  },
};
