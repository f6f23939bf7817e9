import type { FitsRule } from '../../types.js';
import { headerCards } from './support/cards.js';
import { cardSelection } from './support/selection.js';

/** Commentary cards and others without a value: a header has few. */
const unvaluedCards = cardSelection((card) => !card.hasValue);

const COMMENTARY = new Set(['COMMENT', 'HISTORY', '', 'CONTINUE']);
const MANDATORY = /^(SIMPLE|BITPIX|NAXIS[0-9]*|EXTEND|XTENSION|PCOUNT|GCOUNT|TFIELDS|GROUPS|END)$/;

export const duplicateKeyword: FitsRule = {
  meta: {
    id: 'fits/duplicate-keyword',
    description:
      'No keyword appears twice in one header (an error for mandatory keywords, a warning for others).',
    severity: 'warning',
    scope: 'fits',
    rationale:
      'When a keyword is repeated, the standard leaves its value undefined: readers disagree on which one wins.',
    source: 'FITS Standard 4.0 §4.1.2.1',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const cards = headerCards(hdu);
      // hdu.keywords holds each keyword once: as many valued cards as keywords means no repeats.
      if (cards.length - unvaluedCards(hdu).length === hdu.keywords.size) continue;
      const seen = new Map<string, number>();
      for (const card of cards) {
        if (COMMENTARY.has(card.keyword) || !card.hasValue) continue;
        const first = seen.get(card.keyword);
        if (first === undefined) {
          seen.set(card.keyword, card.index);
          continue;
        }
        const mandatory = MANDATORY.test(card.keyword);
        report({
          message: `${card.keyword} appears again in card ${card.index + 1} (first in card ${first + 1})`,
          hdu: hdu.index,
          keyword: card.keyword,
          offset: card.offset,
          hint: 'keep one of them',
          ...(mandatory ? { severity: 'error' as const } : {}),
        });
      }
    }
  },
};
