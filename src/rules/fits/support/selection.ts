import { cardFact } from '../../../fits/card.js';
import type { Card, Hdu } from '../../../fits/types.js';
import { headerCards } from './cards.js';

/**
 * The cards of a header that the per-card rules look for (dates, unit keywords, cards with a
 * value error…), gathered for all of them in one pass. A header has about a hundred cards, most of
 * which concern none of these rules: one pass that reads one fact per card (which selections the
 * card is in, kept with the card) replaces a pass per rule.
 *
 * A selection's test must depend only on the card itself (its 80 bytes), as a `cardFact` does.
 */
const tests: ((card: Card) => boolean)[] = [];

/** Which selections a card is in, one bit each. */
function membershipOnce(card: Card): number {
  let bits = 0;
  for (let bit = 0; bit < tests.length; bit++) if (tests[bit]!(card)) bits |= 1 << bit;
  return bits;
}

/**
 * `membershipOnce`, kept with the card. A selection made after cards were judged (only tests do
 * that) gets a new fact, so no card keeps an answer that misses it.
 */
let membership: ((card: Card) => number) | undefined;

/** Where a header has no card of a selection: shared, never written. */
const NONE: Card[] = [];

/**
 * The selected cards of the last file's headers, one list per selection, by HDU index. Rules check
 * one file at a time and go through its HDUs in order, so this keeps no more than one file's lists
 * (a WeakMap entry per HDU of every file cost more than the pass it saves).
 */
let lastFile: { hdu: Hdu; lists: Card[][] }[] = [];

function selected(hdu: Hdu): Card[][] {
  const known = lastFile[hdu.index];
  if (known !== undefined && known.hdu === hdu && known.lists.length === tests.length) return known.lists;
  membership ??= cardFact(membershipOnce);
  // Most selections are empty in most headers: a list is made for the first card it gets.
  const lists: Card[][] = tests.map(() => NONE);
  for (const card of headerCards(hdu)) {
    const bits = membership(card);
    if (bits === 0) continue;
    for (let bit = 0; bit < lists.length; bit++)
      if (bits & (1 << bit)) {
        if (lists[bit] === NONE) lists[bit] = [card];
        else lists[bit]!.push(card);
      }
  }
  // A file's first header starts a new file: the last one's lists go.
  if (hdu.index === 0) lastFile = [];
  lastFile[hdu.index] = { hdu, lists };
  return lists;
}

/**
 * A selection of header cards (those of `headerCards`, in order) that pass `test`. Make it once,
 * when the rule's module loads: it returns the function that gives an HDU's selected cards.
 */
export function cardSelection(test: (card: Card) => boolean): (hdu: Hdu) => readonly Card[] {
  // One bit each in a 32-bit integer.
  if (tests.length === 31) throw new Error('too many card selections: at most 31');
  const bit = tests.length;
  tests.push(test);
  membership = undefined;
  return (hdu) => selected(hdu)[bit]!;
}
