import type { FitsFile, Hdu } from '../../fits/types.js';
import type { FitsRule } from '../../types.js';
import { missingEnd } from './support/cards.js';

/** The END card as it should be, which nearly every header has. */
const BLANK_END = 'END'.padEnd(80, ' ');

function wasCut(fits: FitsFile, hdu: Hdu): boolean {
  return fits.problems.some((problem) => problem.code === 'header-truncated' && problem.hdu === hdu.index);
}

/** The byte after a header's last non-blank card: where its END card belonged. */
function afterLastKeyword(hdu: Hdu): number {
  let last = hdu.cards.length;
  while (last > 0 && hdu.cards[last - 1]!.raw.trim() === '') last--;
  return last < hdu.cards.length ? hdu.cards[last]!.offset : hdu.headerOffset + hdu.cards.length * 80;
}

export const endCard: FitsRule = {
  meta: {
    id: 'fits/end-card',
    description:
      'Every header ends with an END card, blank in columns 9-80, followed only by spaces to the end of its block.',
    severity: 'error',
    scope: 'fits',
    source: 'FITS Standard 4.0 §4.4.1, §3.3.1',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      const swallowed = missingEnd(hdu);
      if (swallowed) {
        const next = hdu.cards[swallowed.nextHeaderIndex]!;
        report({
          message: `HDU ${hdu.index}'s header has no END card: it runs on into the next header (XTENSION at byte ${next.offset}); END belonged at byte ${swallowed.expectedOffset}`,
          hdu: hdu.index,
          keyword: 'END',
          offset: swallowed.expectedOffset,
          hint: `add the END card after the last keyword of HDU ${hdu.index}; the header is read as ending there`,
        });
        continue;
      }
      if (hdu.endIndex < 0) {
        // A header the file ends inside has no END because it was cut: fits/truncated says so, once.
        if (wasCut(context.fits, hdu)) continue;
        const expected = afterLastKeyword(hdu);
        report({
          message: `HDU ${hdu.index}'s header has no END card; it belonged at byte ${expected}`,
          hdu: hdu.index,
          keyword: 'END',
          offset: expected,
          hint: 'write the header again with a FITS library',
        });
        continue;
      }
      const end = hdu.cards[hdu.endIndex]!;
      if (end.raw !== BLANK_END && end.raw.slice(8).trim() !== '') {
        report({
          message: 'the END card must be blank in columns 9-80',
          hdu: hdu.index,
          keyword: 'END',
          offset: end.offset,
          hint: 'remove the text after END',
        });
      }
      if (hdu.badHeaderFillBytes > 0) {
        report({
          message: `${hdu.badHeaderFillBytes} bytes after the END card are not spaces`,
          hdu: hdu.index,
          offset: hdu.badHeaderFillOffset ?? end.offset,
          hint: 'the rest of the header block after END must be filled with ASCII spaces',
        });
      }
    }
  },
};
