import { isHlspName } from '../../naming/fields.js';
import {
  GENERIC_ELEMENTS,
  instrumentsOf,
  isKnownObservatory,
  observatoriesWithInstrument,
} from '../../naming/vocabulary.js';
import type { NameRule } from '../../types.js';
import { mean } from './support/hints.js';

export const instrument: NameRule = {
  meta: {
    id: 'name/instrument',
    description: 'Each element of the instrument field is a known instrument of the named observatory.',
    severity: 'warning',
    scope: 'name',
    rationale:
      "Unlike MAST's checker, which compares each field with one flat list, this checks the combination: 'jwst_wfc3' names an HST instrument on JWST.",
    source: 'mast_contributor_tools oif.yaml; instrument handbooks',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.parts.length !== 8) return;
    const observatories = (parsed.fields.observatory ?? '')
      .toLowerCase()
      .split('-')
      .filter(isKnownObservatory);
    const whole = (parsed.fields.instrument ?? '').toLowerCase();
    // Listed instrument-channel pairs (acs-wfc, wfc3-uvis) are one instrument, not two.
    const elements = observatoriesWithInstrument(whole).length > 0 ? [whole] : whole.split('-');
    for (const element of elements) {
      if (!element || GENERIC_ELEMENTS.has(element)) continue;
      const owners = observatoriesWithInstrument(element);
      if (owners.length === 0) {
        const hint = mean(element, instrumentsOf());
        report({
          message: `the instrument '${element}' is not one MAST knows`,
          hint: hint ?? 'check the spelling; MAST staff will review new instruments',
        });
      } else if (
        observatories.length > 0 &&
        // `multi` stands for several observatories: any known instrument fits, as in MAST's checker.
        !observatories.includes('multi') &&
        !owners.some((owner) => observatories.includes(owner))
      ) {
        report({
          message: `'${element}' is an instrument of ${owners.join(', ')}, not of ${observatories.join('-')}`,
          hint: `check the observatory and instrument fields (known ${observatories[0]} instruments: ${instrumentsOf(observatories[0]).join(', ')})`,
        });
      }
    }
  },
};
