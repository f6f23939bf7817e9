import { profileRule } from './support/profile-rule.js';

export const keywordPlacement = profileRule(
  'hlsp/keyword-placement',
  'Each profile keyword is in the HDU it belongs in: HLSP keywords in the primary header, data keywords in the HDU that holds the data.',
  'warning',
  'MAST reads HLSP metadata from the primary header and data metadata from the HDU it describes.',
);
