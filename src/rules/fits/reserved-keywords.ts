import { cardFact } from '../../fits/card.js';
import { logicalValue } from '../../fits/layout.js';
import type { Hdu } from '../../fits/types.js';
import type { FitsRule } from '../../types.js';
import { cardSelection } from './support/selection.js';

const IMAGE_ONLY = /^(BSCALE|BZERO|BUNIT|BLANK|DATAMAX|DATAMIN)$/;
const TABLE_ONLY =
  /^(TFIELDS|TTYPE[0-9]+|TFORM[0-9]+|TBCOL[0-9]+|TUNIT[0-9]+|TSCAL[0-9]+|TZERO[0-9]+|TNULL[0-9]+|TDISP[0-9]+|TDIM[0-9]+|THEAP)$/;
const GROUPS_ONLY = /^(GROUPS|PTYPE[0-9]+|PSCAL[0-9]+|PZERO[0-9]+)$/;

/** Reserved keywords outside the three families whose place `problemFor` also judges. */
const PLACED = new Set(['XTENSION', 'INHERIT', 'PCOUNT', 'GCOUNT', 'SIMPLE', 'EXTEND', 'BLOCKED', 'EPOCH']);

type Family = 'image' | 'table' | 'groups' | 'other' | null;

/**
 * Which family of reserved keywords a card's keyword belongs to ('other': reserved, in none of
 * them; null: not a keyword this rule judges), kept with the card.
 */
const familyOf = cardFact(
  ({ keyword }): Family =>
    GROUPS_ONLY.test(keyword)
      ? 'groups'
      : IMAGE_ONLY.test(keyword)
        ? 'image'
        : TABLE_ONLY.test(keyword)
          ? 'table'
          : PLACED.has(keyword)
            ? 'other'
            : null,
);

const reservedCards = cardSelection((card) => card.hasValue && familyOf(card) !== null);

/** What a header allows, worked out once per HDU. */
interface HduFacts {
  isTable: boolean;
  compressedImage: boolean;
  /** GROUPS = T in a primary header, well formed or not. */
  groupsDeclared: boolean;
}

function problemFor(
  hdu: Hdu,
  facts: HduFacts,
  keyword: string,
  family: Family,
): { message: string; severity?: 'warning' } | undefined {
  const { isTable, compressedImage } = facts;
  if (hdu.index === 0 && keyword === 'XTENSION')
    return { message: 'XTENSION is not allowed in the primary header' };
  // FITS 4.0 §4.4.2.6 reserves INHERIT for extension headers: in a primary it means nothing, T or F.
  if (hdu.index === 0 && keyword === 'INHERIT')
    return {
      message:
        'INHERIT must not appear in the primary header (it says whether an extension takes the primary header’s keywords)',
    };
  // PCOUNT and GCOUNT belong to extensions and to random groups; GROUPS = T with a bad NAXIS1 is
  // fits/mandatory-keywords' finding, and its PCOUNT/GCOUNT/PTYPEn follow from it.
  const groupsKeyword = keyword === 'PCOUNT' || keyword === 'GCOUNT' || family === 'groups';
  if (facts.groupsDeclared && hdu.kind !== 'random-groups' && groupsKeyword) return undefined;
  if (hdu.index === 0 && hdu.kind !== 'random-groups' && (keyword === 'PCOUNT' || keyword === 'GCOUNT'))
    return { message: `${keyword} is not allowed in a primary header without GROUPS = T (random groups)` };
  if (hdu.index > 0 && (keyword === 'SIMPLE' || keyword === 'EXTEND' || keyword === 'BLOCKED'))
    return { message: `${keyword} is allowed only in the primary header` };
  if (hdu.kind !== 'random-groups' && family === 'groups' && !(keyword === 'GROUPS' && hdu.index === 0)) {
    return { message: `${keyword} belongs to random-groups files only` };
  }
  if (isTable && family === 'image' && !compressedImage)
    return { message: `${keyword} is an image keyword and is not allowed in a table` };
  if (!isTable && family === 'table')
    return { message: `${keyword} is a table keyword and is not allowed in an image` };
  if (keyword === 'EPOCH') return { message: 'EPOCH is deprecated', severity: 'warning' };
  if (
    keyword === 'BLANK' &&
    !isTable &&
    (hdu.keywords.get('BITPIX')?.value as { value?: number } | undefined)?.value !== undefined
  ) {
    const bitpix = Number((hdu.keywords.get('BITPIX')!.value as { value: number }).value);
    if (bitpix < 0)
      return { message: 'BLANK is not allowed in a floating-point image (NaN marks undefined pixels)' };
  }
  return undefined;
}

const HINTS: Record<string, string> = {
  EPOCH: 'use EQUINOX instead',
  BLANK: 'remove BLANK; use NaN for undefined pixels in float images',
};

export const reservedKeywords: FitsRule = {
  meta: {
    id: 'fits/reserved-keywords',
    description:
      'Reserved keywords appear only where they mean something: no EXTEND in extensions, no BSCALE or BUNIT in tables, no TFORMn in images, no BLANK in float images; EPOCH is deprecated.',
    severity: 'error',
    scope: 'fits',
    source: 'FITS Standard 4.0 §4.4.2, §7; fitsverify',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const facts: HduFacts = {
        isTable: hdu.kind === 'binary-table' || hdu.kind === 'ascii-table',
        compressedImage: logicalValue(hdu.keywords, 'ZIMAGE') === true,
        groupsDeclared: hdu.index === 0 && logicalValue(hdu.keywords, 'GROUPS') === true,
      };
      for (const card of reservedCards(hdu)) {
        const problem = problemFor(hdu, facts, card.keyword, familyOf(card));
        if (!problem) continue;
        report({
          message: problem.message,
          hdu: hdu.index,
          keyword: card.keyword,
          offset: card.offset,
          hint:
            HINTS[card.keyword] ??
            `remove ${card.keyword} from HDU ${hdu.index}, or move it to the HDU it describes`,
          ...(problem.severity ? { severity: problem.severity } : {}),
        });
      }
    }
  },
};
