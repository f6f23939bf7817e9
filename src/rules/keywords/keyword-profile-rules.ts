import type { FitsRule } from '../types.js';
import { profileFindings } from './profiles.js';

function profileRule(
  id: string,
  description: string,
  severity: FitsRule['meta']['severity'],
  rationale: string,
): FitsRule {
  return {
    meta: {
      id,
      description,
      severity,
      scope: 'fits',
      rationale,
      source: 'MAST HLSP Contributor Guide metadata pages; schemas/keywords/*.json',
    },
    check(context, report) {
      for (const { ruleId, ...finding } of profileFindings(context)) if (ruleId === id) report(finding);
    },
  };
}

export const keywordRequired = profileRule(
  'hlsp/keyword-required',
  "Every keyword the product type's profile asks for is present: required → error, recommended → warning, suggested → info.",
  'error',
  'Profiles live in schemas/keywords/ (common, image, spectrum, lightcurve, catalog, jwst); which apply is decided by the config, the product type in the name, or the HDU content.',
);
export const keywordType = profileRule(
  'hlsp/keyword-type',
  'Each profile keyword has its FITS type: a string, integer, float or logical, not a number written as a string.',
  'error',
  "Numbers stored as strings (MJD-BEG = '59758.9') are a common mistake that breaks MAST ingest.",
);
export const keywordValue = profileRule(
  'hlsp/keyword-value',
  'Each profile keyword has an allowed value: LICENSE, LICENURL, DOI 10.17909/…, TIMESYS, RADESYS, ADS bibcode, RA/Dec and exposure ranges, FITS dates.',
  'error',
  'Values are checked with the JSON Schema constraints in the profile files (ajv, all errors at once).',
);
export const keywordPlacement = profileRule(
  'hlsp/keyword-placement',
  'Each profile keyword is in the HDU it belongs in: HLSP keywords in the primary header, data keywords in the HDU that holds the data.',
  'warning',
  'MAST reads HLSP metadata from the primary header and data metadata from the HDU it describes.',
);
