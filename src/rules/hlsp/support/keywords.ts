import { cardFact, plainValue } from '../../../fits/card.js';
import type { Card, FitsFile, Hdu } from '../../../fits/types.js';

/** A card and the HDU where it stands. */
export interface Located {
  hdu: Hdu;
  card: Card;
}

/**
 * Whether an extension takes the primary header's keywords: only with INHERIT = T in its own header
 * (the FITS INHERIT convention). Without it, a keyword in the primary says nothing about the extension.
 */
export function inherits(hdu: Hdu): boolean {
  return hdu.index > 0 && plainValue(hdu.keywords.get('INHERIT')?.value) === true;
}

/** A keyword as it applies to one HDU: its own card, else the primary's when the HDU inherits it. */
export function cardIn(fits: FitsFile, hdu: Hdu, keyword: string): Located | undefined {
  const own = hdu.keywords.get(keyword);
  if (own) return { hdu, card: own };
  const primary = fits.hdus[0];
  if (primary && primary !== hdu && inherits(hdu)) {
    const inherited = primary.keywords.get(keyword);
    if (inherited) return { hdu: primary, card: inherited };
  }
  return undefined;
}

/** How messages name an HDU: `the primary header`, `HDU 1 (SCI)`. */
export function hduName(hdu: Hdu): string {
  if (hdu.index === 0) return 'the primary header';
  const extname = textOf(hdu.keywords.get('EXTNAME'));
  return extname ? `HDU ${hdu.index} (${extname})` : `HDU ${hdu.index}`;
}

export function textOf(card: Card | undefined): string | undefined {
  const value = plainValue(card?.value);
  return typeof value === 'string' ? value.trim() : undefined;
}

export function numberOf(card: Card | undefined): number | undefined {
  const value = plainValue(card?.value);
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined;
}

/** The prefix of a MULTI keyword's numbered companions: its first six letters (FILTER → FILTER01). */
export function companionStem(keyword: string): string {
  return keyword.slice(0, 6);
}

/** Whether `name` is a numbered companion of `keyword`: its stem and two digits (FILTER01, PUPIL01). */
export function isCompanion(name: string, keyword: string): boolean {
  // The length first: it is asked of every keyword of a header, and most have another length.
  const stemLength = Math.min(keyword.length, 6);
  if (name.length !== stemLength + 2) return false;
  return name.startsWith(companionStem(keyword)) && /^[0-9]{2}$/.test(name.slice(stemLength));
}

/** The first valued card of an HDU, in header order, whose keyword passes `test` (no array is built). */
export function firstCardWhere(hdu: Hdu, test: (keyword: string) => boolean): Card | undefined {
  for (const [keyword, card] of hdu.keywords) if (test(keyword)) return card;
  return undefined;
}

export function where(hdu: Hdu, card: Card): { hdu: number; keyword: string; offset: number } {
  return { hdu: hdu.index, keyword: card.keyword, offset: card.offset };
}

/** MJD of an ISO FITS date (UTC-like arithmetic; leap seconds ignored). */
export function isoToMjd(iso: string): number | undefined {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\.[0-9]+)?))?$/.exec(
    iso.trim(),
  );
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), 0) + Number(s) * 1000;
  return ms / 86_400_000 + 40587;
}

/** `isoToMjd` of a card's text value (null when it is no ISO date), kept with the card. */
export const cardIsoMjd = cardFact((card): number | null => isoToMjd(textOf(card) ?? '') ?? null);
