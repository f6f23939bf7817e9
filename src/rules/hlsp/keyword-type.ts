import { profileRule } from './support/profile-rule.js';

export const keywordType = profileRule(
  'hlsp/keyword-type',
  'Each profile keyword has its FITS type: a string, integer, float or logical, not a number written as a string.',
  'error',
  "Numbers stored as strings (MJD-BEG = '59758.9') are a common mistake that breaks MAST ingest.",
);
