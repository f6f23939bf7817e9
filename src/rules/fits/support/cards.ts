import type { Card, Hdu } from '../../../fits/types.js';

/** The card for a keyword in an HDU, if any (first occurrence). */
export function cardOf(hdu: Hdu, keyword: string): Card | undefined {
  return hdu.keywords.get(keyword);
}

/** Where a finding about a card points: its HDU, keyword and byte offset. */
export function at(hdu: Hdu, card: Card): { hdu: number; keyword: string; offset: number } {
  return { hdu: hdu.index, keyword: card.keyword, offset: card.offset };
}

/** Cards up to (not including) END, or all cards when there is no END. */
export function headerCards(hdu: Hdu): Card[] {
  // Asked for by most rules: cut once per HDU.
  hdu.beforeEnd ??= hdu.endIndex >= 0 ? hdu.cards.slice(0, hdu.endIndex) : hdu.cards;
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
