import type { MastRule } from '../../types.js';
import { knownRows } from './support/observations.js';

export const calibrationSource: MastRule = {
  meta: {
    id: 'mast/calibration-source',
    description: 'A source observation is a science observation, not a calibration (CAOM intentType).',
    severity: 'warning',
    scope: 'mast',
    rationale:
      'An HLSP made from calibration exposures is possible, but a calibration id among the sources is more often a wrong id; MAST staff will ask.',
    source: 'MAST CAOM intentType (science, calibration)',
  },
  check(context, report) {
    for (const { source, row } of knownRows(context)) {
      if (String(row.intentType ?? '').toLowerCase() !== 'calibration') continue;
      report({
        message: `the source '${source.raw}' is a calibration observation in MAST (intentType calibration)`,
        hint: 'check the source id; if calibration data are intended, say so in the README',
      });
    }
  },
};
