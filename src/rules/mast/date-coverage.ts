import type { MastRule } from '../../types.js';
import { knownRows, numeric } from './support/observations.js';

/** Clock and rounding differences below this are not worth a finding. */
const TOLERANCE_DAYS = 60 / 86400;

export const dateCoverage: MastRule = {
  meta: {
    id: 'mast/date-coverage',
    description:
      "The product's MJD-BEG/MJD-END cover the times of its source observations in MAST (t_min/t_max).",
    severity: 'warning',
    scope: 'mast',
    rationale:
      'MJD-BEG and MJD-END are the first start and last end of the data used; a source outside them means the range or the source list is wrong.',
    source: 'MAST HLSP Contributor Guide, Common Metadata; MAST CAOM t_min/t_max',
  },
  check(context, report) {
    const beg = numeric(context.product.header['MJD-BEG']);
    const end = numeric(context.product.header['MJD-END']);
    if (beg === undefined || end === undefined) return;
    const rows = knownRows(context);
    const starts = rows.map(({ row }) => numeric(row.t_min)).filter((v): v is number => v !== undefined);
    const ends = rows.map(({ row }) => numeric(row.t_max)).filter((v): v is number => v !== undefined);
    if (starts.length === 0 || ends.length === 0) return;
    const first = Math.min(...starts);
    const last = Math.max(...ends);
    if (first < beg - TOLERANCE_DAYS || last > end + TOLERANCE_DAYS) {
      report({
        keyword: first < beg - TOLERANCE_DAYS ? 'MJD-BEG' : 'MJD-END',
        message: `the sources were observed from MJD ${first.toFixed(5)} to ${last.toFixed(5)}, outside the product's MJD-BEG..MJD-END (${beg}..${end})`,
        hint: 'set MJD-BEG/MJD-END (and DATE-BEG/DATE-END) to the first start and last end of the sources',
      });
    }
  },
};
