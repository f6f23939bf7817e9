import { cardFact } from '../../fits/card.js';
import type { FitsRule } from '../../types.js';
import { cardSelection } from './support/selection.js';

const KEYWORD = /^[A-Z0-9_-]*$/;
const NON_PRINTABLE = /[^\x20-\x7e]/;

function describeByte(code: number): string {
  const names: Record<number, string> = { 0: 'NUL', 9: 'TAB', 10: 'LF', 13: 'CR', 127: 'DEL' };
  return names[code] ?? `byte 0x${code.toString(16).padStart(2, '0')}`;
}

/** True when a card breaks none of the rules below; kept with the card, which repeats from file to file. */
const isCleanCard = cardFact(({ raw }): boolean => {
  if (NON_PRINTABLE.test(raw)) return false;
  const name = raw.slice(0, 8);
  const keyword = name.trimEnd();
  if (keyword === 'HIERARCH' || keyword === '') return true;
  return !name.startsWith(' ') && KEYWORD.test(keyword) && !/\s/.test(keyword);
});

const uncleanCards = cardSelection((card) => !isCleanCard(card));

export const cardCharacters: FitsRule = {
  meta: {
    id: 'fits/card-characters',
    description:
      'Header cards hold only printable ASCII (32-126), and keyword names only A-Z, 0-9, "-" and "_", left-justified.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'TABs, NULs, accented characters and lower-case keywords are common when headers are written by hand or by non-FITS tools; other readers reject or silently change them.',
    source: 'FITS Standard 4.0 §4.1.2',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      for (const card of uncleanCards(hdu)) {
        // One native scan per card; the byte loop runs only on the rare bad card.
        if (NON_PRINTABLE.test(card.raw))
          for (let i = 0; i < card.raw.length; i++) {
            const code = card.raw.charCodeAt(i);
            if (code < 32 || code > 126) {
              report({
                message: `card ${card.index + 1} has ${describeByte(code)} in column ${i + 1}; header cards may hold only printable ASCII`,
                hdu: hdu.index,
                keyword: card.keyword.replace(/[^\x20-\x7e]/g, '?') || null,
                offset: card.offset + i,
                hint: code === 9 ? 'replace the TAB with spaces' : 'replace the character with plain ASCII',
              });
              break;
            }
          }
        if (card.hierarch || card.keyword === '') continue;
        const name = card.raw.slice(0, 8);
        if (name.startsWith(' ')) {
          report({
            message: `the keyword '${name.trim()}' is not left-justified in columns 1-8`,
            hdu: hdu.index,
            keyword: name.trim(),
            offset: card.offset,
            hint: 'start the keyword in column 1',
          });
        } else if (!KEYWORD.test(card.keyword) || /\s/.test(name.trimEnd())) {
          const upper = card.keyword.toUpperCase();
          report({
            message: `the keyword '${card.keyword}' has characters other than A-Z, 0-9, '-' and '_'`,
            hdu: hdu.index,
            keyword: card.keyword,
            offset: card.offset,
            hint: KEYWORD.test(upper) ? `write it in upper case: '${upper}'` : 'rename the keyword',
          });
        }
      }
    }
  },
};
