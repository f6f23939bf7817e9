/** Card selections: the cards per-card rules look at, gathered for all of them in one pass per header. */
import { describe, expect, it } from 'vitest';
import { parseFitsBytes } from '../../../src/fits/parser.js';
import type { Hdu } from '../../../src/fits/types.js';
import { cardSelection } from '../../../src/rules/fits/support/selection.js';
import { card, fitsFile, imageExtensionCards, primaryCards } from '../../support/fits-builder.js';
import { image } from './fits-fixtures.js';

const dates = cardSelection((c) => c.keyword.startsWith('DATE'));
const valued = cardSelection((c) => c.hasValue);

function primary(bytes: Uint8Array): Hdu {
  return parseFitsBytes(bytes).hdus[0]!;
}

const keywords = (cards: readonly { keyword: string }[]) => cards.map((c) => c.keyword);

describe('card selections', () => {
  it('give the cards that pass their test, in header order', () => {
    const hdu = primary(
      fitsFile([
        image([
          card('DATE-OBS', '2024-01-01'),
          card('OBJECT', 'M31'),
          card('COMMENT', 'a date follows'),
          card('DATE-END', '2024-01-02'),
        ]),
      ]),
    );
    expect(keywords(dates(hdu))).toEqual(['DATE-OBS', 'DATE-END']);
    // A card may be in several selections; COMMENT has no value.
    expect(keywords(valued(hdu))).toEqual([
      'SIMPLE',
      'BITPIX',
      'NAXIS',
      'NAXIS1',
      'NAXIS2',
      'EXTEND',
      'DATE-OBS',
      'OBJECT',
      'DATE-END',
    ]);
    expect(dates(hdu)).toBe(dates(hdu));
  });

  it('stop where the next header starts when END is missing', () => {
    const bytes = fitsFile([
      { cards: [...primaryCards(), card('DATE-OBS', '2024-01-01')], noEnd: true },
      { cards: [...imageExtensionCards(), card('DATE-END', '2024-01-02')] },
    ]);
    expect(keywords(dates(primary(bytes)))).toEqual(['DATE-OBS']);
  });

  it('made after a header was looked at still see all of its cards', () => {
    const hdu = primary(fitsFile([image([card('DATE-OBS', '2024-01-01'), card('TELESCOP', 'JWST')])]));
    expect(keywords(dates(hdu))).toEqual(['DATE-OBS']);
    const telescopes = cardSelection((c) => c.keyword === 'TELESCOP');
    expect(keywords(telescopes(hdu))).toEqual(['TELESCOP']);
    expect(keywords(dates(hdu))).toEqual(['DATE-OBS']);
    // A copy of a card seen before (the reader shares their facts) is judged by the new selection too.
    const again = primary(fitsFile([image([card('DATE-OBS', '2024-01-01'), card('TELESCOP', 'JWST')])]));
    expect(keywords(telescopes(again))).toEqual(['TELESCOP']);
  });
});
