import type { Hdu } from '../../fits/types.js';
import { isHlspName } from '../../naming/fields.js';
import type { FindingInput, FitsRule } from '../../types.js';
import { memoize } from '../../util/memo.js';
import { isCompanion, type Located, textOf, where } from './support/keywords.js';
import { dataHdu } from './support/profiles.js';

/** Lower case, letters and digits only; remembered, since the same values recur in every file. */
const normalize = memoize((text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, ''));

/** The keywords whose values the name is compared with; each may be MULTI with numbered companions. */
const COMPARED = ['TELESCOP', 'INSTRUME', 'FILTER', 'PUPIL', 'DISPRSR'];

/**
 * Which compared keywords a header keyword gives a value for: itself, or the keyword whose numbered
 * companion it is (its first six letters and two digits: FILTER01, PUPIL01). Worked out once per name.
 */
const comparedBy = memoize((name: string): string[] =>
  COMPARED.filter((keyword) => name === keyword || isCompanion(name, keyword)),
);

/**
 * The values of every compared keyword and its companions, normalised, in one pass over the header.
 * Plain loops, no entry arrays or closures: this runs for every file, and both worker threads
 * compile it.
 */
function comparedValues(hdus: Hdu[]): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  for (const keyword of COMPARED) values.set(keyword, new Set<string>());
  for (const hdu of hdus) {
    for (const card of hdu.keywords.values()) {
      const keywords = comparedBy(card.keyword);
      if (keywords.length === 0) continue;
      const text = textOf(card);
      if (!text) continue;
      const upper = text.toUpperCase();
      if (upper === 'MULTI' || upper === 'N/A') continue;
      const normalized = normalize(text);
      for (const keyword of keywords) values.get(keyword)!.add(normalized);
    }
  }
  return values;
}

/** The elements of a name field ('clear-f200w' → clear, f200w), normalised, without MULTI. */
function fieldElements(field: string): string[] {
  const elements: string[] = [];
  for (const part of field.toLowerCase().split('-')) {
    const element = normalize(part);
    if (element !== 'multi' && element !== '') elements.push(element);
  }
  return elements;
}

/** Whether a name element agrees with one of the header's values (either may abbreviate the other). */
function matchesHeader(header: string[], element: string): boolean {
  for (const value of header)
    if (value === element || value.startsWith(element) || element.startsWith(value)) return true;
  return false;
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
    // The headers that describe the product: the primary and the HDU where the data live.
    const describing = [...new Set([fits.hdus[0]!, dataHdu(fits)!])];
    const findCard = (_fits: unknown, keyword: string): Located | undefined => {
      for (const hdu of describing) {
        const card = hdu.keywords.get(keyword);
        if (card) return { hdu, card };
      }
      return undefined;
    };
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
    let compared: Map<string, Set<string>> | undefined;
    const compare = (keyword: string, field: string | undefined, label: string) => {
      if (!field) return;
      const elements = fieldElements(field);
      compared ??= comparedValues(fits.hdus);
      const header = [...compared.get(keyword)!];
      if (keyword === 'FILTER') {
        for (const value of compared.get('PUPIL')!) header.push(value);
        for (const value of compared.get('DISPRSR')!) header.push(value);
      }
      if (header.length === 0 || elements.length === 0) return;
      // A name may leave out CLEAR, and instruments are often named with their channel (acs-wfc, wfc3-uvis).
      const whole = keyword === 'INSTRUME' && matchesHeader(header, normalize(field));
      for (const element of elements) {
        if (matchesHeader(header, element) || element === 'clear' || whole) continue;
        emit(
          keyword,
          `the file name's ${label} '${field}' does not match ${keyword} in the header (${header.join(', ')})`,
          `make the name and ${keyword} agree`,
        );
        return;
      }
    };
    compare('TELESCOP', parsed.fields.observatory, 'observatory');
    compare('INSTRUME', parsed.fields.instrument, 'instrument');
    compare('FILTER', parsed.fields.optElem, 'opt-elem');
  },
};
