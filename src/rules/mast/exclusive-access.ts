import type { MastRule } from '../../types.js';
import { knownRows, mjdToDate, numeric } from './support/observations.js';

export const exclusiveAccess: MastRule = {
  meta: {
    id: 'mast/exclusive-access',
    description:
      'No source observation is still in its exclusive access period (t_obs_release in the future, or dataRights not PUBLIC); the finding gives the release date.',
    severity: 'warning',
    scope: 'mast',
    rationale:
      "MAST can publish an HLSP made from proprietary data only when that data is public, or with the PI's agreement.",
    source: 'MAST CAOM t_obs_release, dataRights',
  },
  check(context, report) {
    for (const { source, row } of knownRows(context)) {
      // A row without either column says nothing about access: never take silence as public.
      if (row.dataRights == null && row.t_obs_release == null) {
        report({
          message: `MAST did not say whether the source '${source.raw}' is public (its answer has no dataRights or t_obs_release)`,
          hint: 'check the observation in the MAST portal before delivery',
        });
        continue;
      }
      const release = numeric(row.t_obs_release);
      const rights = String(row.dataRights ?? 'PUBLIC').toUpperCase();
      if ((release !== undefined && release > context.nowMjd) || rights !== 'PUBLIC') {
        report({
          message: `the source '${source.raw}' is still in exclusive access${release !== undefined ? ` until ${mjdToDate(release)}` : ''} (dataRights ${rights})`,
          hint: 'deliver after the release date, or tell MAST the PI agreed to an earlier release',
        });
      }
    }
  },
};
