import type { MastRule } from '../../types.js';
import { knownRows, numeric } from './support/observations.js';

export const observationExecuted: MastRule = {
  meta: {
    id: 'mast/observation-executed',
    description:
      'Every source observation was executed: MAST lists planned-but-not-executed JWST observations with calib_level -1.',
    severity: 'error',
    scope: 'mast',
    rationale:
      'A product cannot be made from an observation that has not happened; the id is probably wrong (a different observation number).',
    source: 'JWST pipeline docs (calib_level -1 = planned)',
  },
  check(context, report) {
    for (const { source, row } of knownRows(context)) {
      if (numeric(row.calib_level) === -1) {
        report({
          message: `the source '${source.raw}' is a planned JWST observation that has not been executed`,
          hint: 'check the observation number in the id',
        });
      }
    }
  },
};
