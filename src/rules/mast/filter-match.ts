import type { MastRule } from '../../types.js';
import { knownRows } from './support/observations.js';

export const filterMatch: MastRule = {
  meta: {
    id: 'mast/filter-match',
    description:
      "The product's FILTER/PUPIL (or FILTERnn) appear among the filters of its source observations in MAST.",
    severity: 'error',
    scope: 'mast',
    source: "MAST CAOM filters (';'-separated, e.g. F200W;CLEAR)",
  },
  check(context, report) {
    const header = context.product.header;
    const declared = Object.entries(header)
      .filter(([key]) => key === 'FILTER' || key === 'PUPIL' || /^FILTER[0-9]{2}$/.test(key))
      .map(([, value]) =>
        String(value ?? '')
          .trim()
          .toUpperCase(),
      )
      .filter((value) => !['', 'MULTI', 'MULTIPLE', 'CLEAR', 'N/A', 'NONE'].includes(value));
    if (declared.length === 0) return;
    const known = knownRows(context);
    if (known.length === 0) return;
    // Real CAOM rows may say `filters: null` (MIRI MRS, for one): no optical element to compare
    // with is not a mismatch; say so once.
    const rows = known.filter(({ row }) => String(row.filters ?? '').trim() !== '');
    if (rows.length === 0) {
      report({
        keyword: 'FILTER',
        severity: 'info',
        message: `MAST lists no optical element for the ${known.length} source observation(s), so ${[...new Set(declared)].join(', ')} could not be compared`,
        hint: 'nothing to fix: check FILTER against the observation plan if in doubt',
      });
      return;
    }
    const available = new Set(
      rows.flatMap(({ row }) =>
        String(row.filters ?? '')
          .toUpperCase()
          .split(/[;,]/)
          .map((f) => f.trim()),
      ),
    );
    for (const filter of new Set(declared)) {
      if (!available.has(filter)) {
        report({
          keyword: 'FILTER',
          message: `the product says ${filter}, but none of its ${rows.length} source observation(s) used it (they used ${[...available].filter(Boolean).sort().join(', ')})`,
          hint: 'check FILTER/PUPIL and the source ids',
        });
      }
    }
  },
};
