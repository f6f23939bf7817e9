import type { MastRule } from '../../types.js';
import { knownRows } from './support/observations.js';

export const instrumentMatch: MastRule = {
  meta: {
    id: 'mast/instrument-match',
    description:
      "The product's INSTRUME (or INSTRUnn) agrees with the instrument of its source observations in MAST (instrument_name before '/').",
    severity: 'error',
    scope: 'mast',
    source: 'MAST CAOM instrument_name (e.g. NIRCAM/IMAGE)',
  },
  check(context, report) {
    const header = context.product.header;
    const declared = new Set(
      Object.entries(header)
        .filter(([key]) => key === 'INSTRUME' || /^INSTRU[0-9]{2}$/.test(key))
        .map(([, value]) =>
          String(value ?? '')
            .trim()
            .toUpperCase(),
        )
        .filter((value) => value !== '' && value !== 'MULTI'),
    );
    if (declared.size === 0) return;
    for (const { source, row } of knownRows(context)) {
      const instrument = String(row.instrument_name ?? '')
        .split('/')[0]!
        .trim()
        .toUpperCase();
      if (instrument && !declared.has(instrument)) {
        report({
          keyword: 'INSTRUME',
          message: `INSTRUME is ${[...declared].join(', ')}, but the source '${source.raw}' was taken with ${row.instrument_name}`,
          hint: 'check INSTRUME and the source ids',
        });
      }
    }
  },
};
