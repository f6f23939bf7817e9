import type { Card, Hdu } from '../../../fits/types.js';

/** The card for a keyword in an HDU, if any (first occurrence). */
export function cardOf(hdu: Hdu, keyword: string): Card | undefined {
  return hdu.keywords.get(keyword);
}

/** Where a finding about a card points: its HDU, keyword and byte offset. */
export function at(hdu: Hdu, card: Card): { hdu: number; keyword: string; offset: number } {
  return { hdu: hdu.index, keyword: card.keyword, offset: card.offset };
}

const CARDS_PER_BLOCK = 36;

/** Where a header without its END card ran into the next HDU's header. */
export interface MissingEnd {
  /** Index of the XTENSION card that opens the next header, at the start of a 2880-byte block. */
  nextHeaderIndex: number;
  /** Byte where END belonged: just after the header's last keyword card. */
  expectedOffset: number;
}

/**
 * A header whose END card is missing reads on into the next HDU's header: the reader sees an
 * XTENSION card at the start of a block inside it. Everything from there on belongs to the next
 * HDU, so rules judge only the cards before it (else XTENSION-in-primary and duplicate BITPIX/NAXIS
 * findings follow from the one missing card). fits/end-card names the missing END.
 *
 * Worked out on each call, not remembered per HDU: it looks at one card per header block, which
 * costs less than a WeakMap entry for every HDU of every file.
 */
export function missingEnd(hdu: Hdu): MissingEnd | undefined {
  const last = hdu.endIndex >= 0 ? hdu.endIndex : hdu.cards.length;
  for (let index = CARDS_PER_BLOCK; index < last; index += CARDS_PER_BLOCK) {
    if (hdu.cards[index]?.keyword !== 'XTENSION') continue;
    let end = index;
    while (end > 0 && hdu.cards[end - 1]!.raw.trim() === '') end--;
    return { nextHeaderIndex: index, expectedOffset: hdu.cards[end]!.offset };
  }
  return undefined;
}

/**
 * Cards up to (not including) END, or all cards when there is no END; for a header that ran into
 * the next one (`missingEnd`), the cards before the next header.
 */
export function headerCards(hdu: Hdu): Card[] {
  // Asked for by most rules: cut once per HDU.
  if (hdu.beforeEnd) return hdu.beforeEnd;
  const swallowed = missingEnd(hdu);
  const end = swallowed ? swallowed.nextHeaderIndex : hdu.endIndex;
  hdu.beforeEnd = end >= 0 ? hdu.cards.slice(0, end) : hdu.cards;
  return hdu.beforeEnd;
}

/** A short, printable rendering of a value as written, for messages. */
export function shown(card: Card | undefined): string {
  if (!card) return '(missing)';
  return card.valueText ?? card.raw.slice(10).trim();
}

export function isIntegerValue(card: Card | undefined): boolean {
  return card?.value?.type === 'integer';
}
