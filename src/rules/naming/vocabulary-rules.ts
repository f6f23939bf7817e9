import { didYouMean } from '../../util/did-you-mean.js';
import type { NameRule } from '../types.js';
import { isHlspName } from './fields.js';
import {
  GENERIC_ELEMENTS,
  instrumentsOf,
  isKnownExtension,
  isKnownObservatory,
  isKnownProductType,
  knownExtensions,
  knownObservatories,
  knownProductTypes,
  observatoriesWithInstrument,
  opticalElementsOf,
} from './vocabulary.js';

const ALL_ELEMENTS = new Set(opticalElementsOf());

const mean = (word: string, candidates: Iterable<string>) => {
  const guess = didYouMean(word, candidates);
  return guess ? `did you mean '${guess}'?` : undefined;
};

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
      } else if (observatories.length > 0 && !owners.some((owner) => observatories.includes(owner))) {
        report({
          message: `'${element}' is an instrument of ${owners.join(', ')}, not of ${observatories.join('-')}`,
          hint: `check the observatory and instrument fields (known ${observatories[0]} instruments: ${instrumentsOf(observatories[0]).join(', ')})`,
        });
      }
    }
  },
};

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
    const observatories = (parsed.fields.observatory ?? '').toLowerCase().split('-');
    const instrumentField = (parsed.fields.instrument ?? '').toLowerCase();
    const instruments = [instrumentField, ...instrumentField.split('-')];
    const combined = new Set<string>();
    for (const obs of observatories)
      for (const inst of instruments) for (const e of opticalElementsOf(obs, inst)) combined.add(e);
    const everywhere = ALL_ELEMENTS;
    const value = (parsed.fields.optElem ?? '').toLowerCase();
    for (const element of value.split('-')) {
      if (!element || GENERIC_ELEMENTS.has(element) || combined.has(element) || combined.has(value)) continue;
      if (combined.size > 0) {
        const guess = didYouMean(element, combined);
        report({
          message: `'${element}' is not an optical element of ${observatories.join('-')} ${instrumentField}`,
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

export const extension: NameRule = {
  meta: {
    id: 'name/extension',
    description:
      'The extension is a standard file type MAST accepts (fits, fits.gz, csv, ecsv, txt, md, png, …).',
    severity: 'warning',
    scope: 'name',
    source: 'mast_contributor_tools fc_config.yaml ExtensionTypes',
  },
  check(context, report) {
    const { parsed } = context;
    if (!isHlspName(parsed) || parsed.extension === '') return;
    const ext = parsed.extension.toLowerCase();
    if (isKnownExtension(ext)) return;
    const hint = mean(ext, knownExtensions());
    report({
      message: `the extension '.${ext}' is not a file type MAST lists`,
      hint: hint ?? 'use a standard, non-proprietary format (fits, csv, ecsv, txt)',
    });
  },
};
