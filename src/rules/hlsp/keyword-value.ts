import { profileRule } from './support/profile-rule.js';

export const keywordValue = profileRule(
  'hlsp/keyword-value',
  'Each profile keyword has an allowed value: LICENSE, LICENURL, DOI 10.17909/…, TIMESYS, RADESYS, ADS bibcode, RA/Dec and exposure ranges, FITS dates.',
  'error',
  'Values are checked with the JSON Schema constraints in the profile files (ajv, all errors at once).',
);
