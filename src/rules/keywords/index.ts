import type { FitsRule } from '../types.js';
import { catalogCoordinates, columnUnits, lightcurveColumns, spectrumColumns } from './columns.js';
import { dateRange } from './date-range.js';
import { keywordPlacement, keywordRequired, keywordType, keywordValue } from './keyword-profile-rules.js';
import { multiCompanions } from './multi.js';
import { nameHeaderMatch } from './name-header.js';
import { provenance } from './provenance.js';
import { simulated } from './simulated.js';
import { keywordSpelling } from './spelling.js';
import { timesys } from './timesys.js';
import { wcsCdPc, wcsEquinoxIcrs, wcsPlacement, wcsUnits } from './wcs.js';

export const keywordRules: FitsRule[] = [
  keywordRequired,
  keywordType,
  keywordValue,
  keywordPlacement,
  dateRange,
  timesys,
  wcsEquinoxIcrs,
  wcsCdPc,
  wcsUnits,
  wcsPlacement,
  multiCompanions,
  provenance,
  simulated,
  columnUnits,
  catalogCoordinates,
  lightcurveColumns,
  spectrumColumns,
  keywordSpelling,
  nameHeaderMatch,
];
