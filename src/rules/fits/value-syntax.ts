import type { FitsRule } from '../../types.js';
import { cardSelection } from './support/selection.js';

const cardsWithValueError = cardSelection((card) => Boolean(card.valueError));

export const valueSyntax: FitsRule = {
  meta: {
    id: 'fits/value-syntax',
    description:
      'Every value is valid FITS: closed strings, T/F logicals, integers, reals with upper-case E or D exponents, (re, im) complex values, comments after "/".',
    severity: 'error',
    scope: 'fits',
    source: 'FITS Standard 4.0 §4.2',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      for (const card of cardsWithValueError(hdu)) {
        report({
          message: `${card.keyword}: ${card.valueError}`,
          hdu: hdu.index,
          keyword: card.keyword,
          offset: card.offset,
          hint: "strings are quoted with ', logicals are T or F, and a comment starts with /",
        });
      }
    }
  },
};
