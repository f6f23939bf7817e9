import type { Hdu } from '../../fits/types.js';
import { memoize } from '../../util/memo.js';
import { isHlspName } from '../naming/fields.js';
import type { FindingInput, FitsRule } from '../types.js';
import { findCard, textOf, where } from './util.js';

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The stem of a numbered companion (FILTER01 → FILTER), or undefined for any other name. */
const stemOf = memoize((name: string): string | undefined =>
  name.length === 8 && /^[0-9]{2}$/.test(name.slice(6)) ? name.slice(0, 6) : undefined,
);

/** All values of a keyword that may be MULTI: the keyword itself, or its numbered companions. */
function valuesOf(hdus: Hdu[], keyword: string): string[] {
  const values = new Set<string>();
  const stem = keyword.slice(0, 6);
  for (const hdu of hdus) {
    for (const [name, card] of hdu.keywords) {
      if (name === keyword || stemOf(name)?.startsWith(stem)) {
        const text = textOf(card);
        if (text && text.toUpperCase() !== 'MULTI' && text.toUpperCase() !== 'N/A')
          values.add(normalize(text));
      }
    }
  }
  return [...values];
}

export const nameHeaderMatch: FitsRule = {
  meta: {
    id: 'hlsp/name-header-match',
    description:
      'The file name agrees with the header: proj-id with HLSPID, version with HLSPVER, observatory/instrument/opt-elem with TELESCOP/INSTRUME/FILTER (or their numbered companions).',
    severity: 'error',
    scope: 'fits',
    rationale:
      'MAST indexes products by both; when they disagree, one of them is wrong, usually after a file was renamed or a header copied from another product.',
    source: 'DESIGN.md §1; MAST HLSP Contributor Guide',
  },
  check(context, report) {
    const { parsed, fits } = context;
    if (!isHlspName(parsed) || fits.hdus.length === 0) return;
    const emit = (keyword: string, message: string, hint: string, severity?: FindingInput['severity']) => {
      const found = findCard(fits, keyword);
      report({
        ...(found ? where(found.hdu, found.card) : { hdu: 0, keyword, offset: fits.hdus[0]!.headerOffset }),
        message,
        hint,
        ...(severity ? { severity } : {}),
      });
    };
    const hlspid = textOf(findCard(fits, 'HLSPID')?.card);
    const projId = parsed.fields.projId ?? '';
    if (hlspid !== undefined && projId && hlspid.toLowerCase() !== projId.toLowerCase()) {
      emit(
        'HLSPID',
        `HLSPID = '${hlspid}' but the file name's proj-id is '${projId}'`,
        'make them the same collection id (case does not matter)',
      );
    }
    const version = parsed.fields.version;
    const hlspver = textOf(findCard(fits, 'HLSPVER')?.card);
    if (version && hlspver !== undefined && hlspver.toLowerCase() !== version.toLowerCase()) {
      emit(
        'HLSPVER',
        `HLSPVER = '${hlspver}' but the file name's version is '${version}'`,
        'update HLSPVER or rename the file',
      );
    }
    if (parsed.parts.length !== 8) return;
    // A product of one target or field should name it in both places; collections of many
    // targets often summarise HLSPTARG ('M31 and M33'), so a mismatch is for review, not an error.
    const hlsptarg = textOf(findCard(fits, 'HLSPTARG')?.card);
    const target = parsed.fields.target;
    if (hlsptarg && target) {
      const header = normalize(hlsptarg);
      const name = normalize(target);
      if (header && name && !name.startsWith(header) && !header.includes(name)) {
        emit(
          'HLSPTARG',
          `HLSPTARG = '${hlsptarg}' does not match the file name's target '${target}'`,
          'make HLSPTARG name the target or field of this product',
          'warning',
        );
      }
    }
    const checks: [string, string | undefined, string][] = [
      ['TELESCOP', parsed.fields.observatory, 'observatory'],
      ['INSTRUME', parsed.fields.instrument, 'instrument'],
      ['FILTER', parsed.fields.optElem, 'opt-elem'],
    ];
    for (const [keyword, field, label] of checks) {
      if (!field) continue;
      const elements = field
        .toLowerCase()
        .split('-')
        .map(normalize)
        .filter((e) => e !== 'multi' && e !== '');
      const header = valuesOf(fits.hdus, keyword);
      if (keyword === 'FILTER')
        header.push(...valuesOf(fits.hdus, 'PUPIL'), ...valuesOf(fits.hdus, 'DISPRSR'));
      if (header.length === 0 || elements.length === 0) continue;
      const matches = (element: string) =>
        header.some((value) => value === element || value.startsWith(element) || element.startsWith(value));
      const missing = elements.filter((element) => !matches(element));
      // A name may leave out CLEAR, and instruments are often named with their channel (acs-wfc, wfc3-uvis).
      const unexplained = missing.filter(
        (element) => element !== 'clear' && !(keyword === 'INSTRUME' && matches(normalize(field))),
      );
      if (unexplained.length > 0) {
        emit(
          keyword,
          `the file name's ${label} '${field}' does not match ${keyword} in the header (${header.join(', ')})`,
          `make the name and ${keyword} agree`,
        );
      }
    }
  },
};
