import { cardFact } from '../../fits/card.js';
import { intValue } from '../../fits/layout.js';
import type { FitsRule } from '../../types.js';
import { cardSelection } from './support/selection.js';

const NUMERIC =
  /^(CRPIX|CRVAL|CDELT|CROTA|CRDER|CSYER)[0-9]+[A-Z]?$|^(PC|CD)[0-9]+_[0-9]+[A-Z]?$|^PV[0-9]+_[0-9]+[A-Z]?$/;
const TEXT = /^(CTYPE|CUNIT|CNAME)[0-9]+[A-Z]?$|^PS[0-9]+_[0-9]+[A-Z]?$/;
const AXIS = /^(?:CRPIX|CRVAL|CDELT|CTYPE|CUNIT|CROTA)([0-9]+)[A-Z]?$/;
const RADESYS = ['ICRS', 'FK5', 'FK4', 'FK4-NO-E', 'GAPPT'];

interface WcsKeyword {
  /** Whether this rule judges the keyword at all (most keywords are no WCS keyword). */
  judged: boolean;
  numeric: boolean;
  text: boolean;
  /** The axis the keyword describes, or 0. */
  axis: number;
  pc: boolean;
  cd: boolean;
  crota: boolean;
}

/** What the WCS conventions say about a card's keyword, kept with the card. */
const wcsKeyword = cardFact(({ keyword }): WcsKeyword => {
  const numeric = NUMERIC.test(keyword);
  const text = TEXT.test(keyword);
  const axis = Number(AXIS.exec(keyword)?.[1] ?? 0);
  const crota = /^CROTA[0-9]+$/.test(keyword);
  return {
    judged: numeric || text || axis > 0 || crota || keyword === 'RADESYS',
    numeric,
    text,
    axis,
    pc: /^PC[0-9]+_[0-9]+$/.test(keyword),
    cd: /^CD[0-9]+_[0-9]+$/.test(keyword),
    crota,
  };
});

/** The cards of WCS keywords, valued or not. */
const wcsCards = cardSelection((card) => wcsKeyword(card).judged);

export const wcsKeywords: FitsRule = {
  meta: {
    id: 'fits/wcs-keywords',
    description:
      'WCS keywords have the right types, axis numbers within WCSAXES, and no PCi_j together with CDi_j or CROTAi; RADESYS is a known frame.',
    severity: 'error',
    scope: 'fits',
    source: 'FITS Standard 4.0 §8; fitsverify',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const cards = wcsCards(hdu);
      const wcsaxes = intValue(hdu.keywords, 'WCSAXES');
      const naxis = intValue(hdu.keywords, 'NAXIS') ?? 0;
      let firstPc: (typeof cards)[number] | undefined;
      let firstCd: (typeof cards)[number] | undefined;
      let firstCrota: (typeof cards)[number] | undefined;
      // The first card of an axis or numeric WCS keyword, valued or not: WCSAXES must come before it.
      let firstWcs: (typeof cards)[number] | undefined;
      for (const card of cards) {
        const kind = wcsKeyword(card);
        if (firstWcs === undefined && (kind.axis > 0 || kind.numeric)) firstWcs = card;
        if (!card.hasValue) continue;
        const type = card.value?.type;
        const where = { hdu: hdu.index, keyword: card.keyword, offset: card.offset };
        if (kind.numeric && type !== 'integer' && type !== 'float' && type !== 'undefined') {
          report({
            ...where,
            message: `${card.keyword} must be a number, found ${card.valueText}`,
            hint: 'write the value without quotes',
          });
        }
        if (kind.text && type !== 'string' && type !== 'undefined') {
          report({
            ...where,
            message: `${card.keyword} must be a quoted string, found ${card.valueText}`,
            hint: "quote the value, e.g. 'RA---TAN'",
          });
        }
        if (kind.axis > 0) {
          const index = kind.axis;
          if (wcsaxes !== undefined && index > wcsaxes)
            report({
              ...where,
              message: `${card.keyword} is for axis ${index}, but WCSAXES = ${wcsaxes}`,
              hint: 'raise WCSAXES or remove the keyword',
            });
          else if (
            wcsaxes === undefined &&
            hdu.kind !== 'binary-table' &&
            hdu.kind !== 'ascii-table' &&
            index > naxis
          ) {
            report({
              ...where,
              message: `${card.keyword} is for axis ${index}, but NAXIS = ${naxis} and there is no WCSAXES`,
              hint: 'add WCSAXES before the other WCS keywords',
              severity: 'warning',
            });
          }
        }
        if (kind.pc) firstPc ??= card;
        if (kind.cd) firstCd ??= card;
        if (kind.crota) firstCrota ??= card;
        if (card.keyword === 'RADESYS' && type === 'string') {
          const frame = (card.value as { value: string }).value.trim();
          if (!RADESYS.includes(frame))
            report({
              ...where,
              message: `RADESYS = '${frame}' is not one of ${RADESYS.join(', ')}`,
              hint: "use 'ICRS' for modern data",
              severity: 'warning',
            });
        }
      }
      if (firstPc && firstCd) {
        report({
          hdu: hdu.index,
          keyword: firstCd.keyword,
          offset: firstCd.offset,
          message: `${firstPc.keyword} and ${firstCd.keyword} are both given; use either the CD matrix or PC with CDELT`,
          hint: 'remove one of the two conventions',
        });
      }
      if (firstPc && firstCrota) {
        report({
          hdu: hdu.index,
          keyword: firstCrota.keyword,
          offset: firstCrota.offset,
          message: `${firstPc.keyword} and ${firstCrota.keyword} are both given`,
          hint: 'remove CROTAi; the PC matrix already holds the rotation',
        });
      }
      const wcsaxesCard = hdu.keywords.get('WCSAXES');
      if (wcsaxesCard && firstWcs && firstWcs.index < wcsaxesCard.index)
        report({
          hdu: hdu.index,
          keyword: 'WCSAXES',
          offset: wcsaxesCard.offset,
          message: `WCSAXES must come before the other WCS keywords (${firstWcs.keyword} is earlier)`,
          hint: 'move WCSAXES up',
        });
    }
  },
};
