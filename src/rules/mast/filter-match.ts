import type { MastRule } from '../../types.js';
import { plural } from '../../util/plural.js';
import { knownRows } from './support/observations.js';

/** Header values that name no single element. */
const NOT_AN_ELEMENT = ['', 'MULTI', 'MULTIPLE', 'CLEAR', 'N/A', 'NONE'];

function text(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toUpperCase();
}

/**
 * The optical elements the product's header names (FILTER/PUPIL/FILTERnn, and MIRI MRS
 * CHANNEL + BAND), each with the keyword a finding points at.
 */
function declaredElements(header: Record<string, unknown>): Map<string, string> {
  const declared = new Map<string, string>();
  for (const [key, value] of Object.entries(header)) {
    if (key !== 'FILTER' && key !== 'PUPIL' && !/^FILTER[0-9]{2}$/.test(key)) continue;
    const element = text(value);
    if (!NOT_AN_ELEMENT.includes(element) && !declared.has(element)) declared.set(element, 'FILTER');
  }
  // MRS products name their element as CHANNEL ('3', or '34' for several) and BAND ('LONG').
  const band = text(header.BAND);
  if (/^(SHORT|MEDIUM|LONG)$/.test(band))
    for (const channel of text(header.CHANNEL).match(/[1-4]/g) ?? [])
      if (!declared.has(`CH${channel}-${band}`)) declared.set(`CH${channel}-${band}`, 'CHANNEL');
  return declared;
}

export const filterMatch: MastRule = {
  meta: {
    id: 'mast/filter-match',
    description:
      "The product's FILTER/PUPIL (or FILTERnn, or MIRI MRS CHANNEL + BAND) appear among the optical elements of its source observations in MAST (CAOM filters, else the JWST Mission Search record).",
    severity: 'error',
    scope: 'mast',
    source:
      "MAST CAOM filters (';'-separated, e.g. F200W;CLEAR); JWST Mission Search filter, pupil, grating, channel, band",
  },
  check(context, report) {
    const declared = declaredElements(context.product.header);
    if (declared.size === 0) return;
    const known = knownRows(context);
    if (known.length === 0) return;
    // CAOM may say `filters: null` (MIRI MRS, for one); the Mission Search record of the same
    // dataset then gives filter, pupil, grating, or channel and band.
    const compared = known
      .map(({ source, row }) => {
        const caom = String(row.filters ?? '')
          .toUpperCase()
          .split(/[;,]/)
          .map((f) => f.trim())
          .filter(Boolean);
        return caom.length > 0 ? caom : (context.opticalElements.get(source.fileSetName) ?? []);
      })
      .filter((elements) => elements.length > 0);
    if (compared.length === 0) {
      // Nothing to compare with is not a mismatch; say so once.
      report({
        keyword: 'FILTER',
        severity: 'info',
        message: `MAST lists no optical element for the ${plural(known.length, 'source observation')}, so ${[...declared.keys()].join(', ')} could not be compared`,
        hint: 'nothing to fix: check FILTER against the observation plan if in doubt',
      });
      return;
    }
    const available = new Set(compared.flat());
    for (const [element, keyword] of declared) {
      if (available.has(element)) continue;
      report({
        keyword,
        message: `the product says ${element}, but ${compared.length === 1 ? 'its source observation did not use it' : `none of its ${compared.length} source observations used it`} (they used ${[...available].sort().join(', ')})`,
        hint:
          keyword === 'CHANNEL'
            ? 'check CHANNEL/BAND and the source ids'
            : 'check FILTER/PUPIL and the source ids',
      });
    }
  },
};
