import { profileRule } from './support/profile-rule.js';

export const keywordRequired = profileRule(
  'hlsp/keyword-required',
  "Every keyword the product type's profile asks for is present: required → error, recommended → warning, suggested → info.",
  'error',
  'Profiles live in schemas/keywords/ (common, image, spectrum, lightcurve, catalog, jwst); which apply is decided by the config, the product type in the name, or the HDU content.',
);
