/**
 * The header of the image a tile-compressed BINTABLE stands for (FITS 4.0 §10.1.1): the Z copies
 * of the image's mandatory keywords become those keywords again, the table's own structure and
 * compression keywords go, and every other card stays, in order, byte for byte.
 */
import type { Card } from '../types.js';

/** Compressed-table keywords that describe the compression, dropped from the image header. */
const COMPRESSION_KEYWORDS = new Set([
  'ZIMAGE',
  'ZCMPTYPE',
  'ZMASKCMP',
  'ZQUANTIZ',
  'ZDITHER0',
  'ZBLANK',
  'ZSCALE',
  'ZZERO',
]);

/** The table's own structural keywords: they describe the BINTABLE, not the image. */
const TABLE_KEYWORDS = new Set(['XTENSION', 'BITPIX', 'NAXIS', 'PCOUNT', 'GCOUNT', 'TFIELDS', 'THEAP']);

const INDEXED_DROPPED =
  /^(?:NAXIS|ZNAXIS|ZTILE|ZNAME|ZVAL|TTYPE|TFORM|TUNIT|TNULL|TSCAL|TZERO|TDISP|TDIM|TBCOL)[0-9]+$/;

/** Z copies that become the image keyword in place, wherever they sit among the other cards. */
const RENAMED_IN_PLACE: Record<string, string> = {
  ZHECKSUM: 'CHECKSUM',
  ZDATASUM: 'DATASUM',
  ZBLOCKED: 'BLOCKED',
};

/** Z copies of mandatory keywords, which lead the image header in this order (FITS 4.0 §4.4.1). */
const MANDATORY_ORDER = ['ZSIMPLE', 'ZTENSION', 'ZBITPIX', 'ZNAXIS'];

/** The default first card of an image extension, as fpack's readers write it. */
const IMAGE_XTENSION = "XTENSION= 'IMAGE   '           / Image extension";

function pad(text: string): string {
  return text.padEnd(80).slice(0, 80);
}

/** The card with its keyword (columns 1-8) replaced and the rest kept byte for byte. */
function renamed(card: Card, keyword: string): string {
  return pad(keyword.padEnd(8) + card.raw.slice(8));
}

function integerCard(keyword: string, value: number, comment: string): string {
  return pad(`${keyword.padEnd(8)}= ${String(value).padStart(20)} / ${comment}`);
}

function isDropped(keyword: string, card: Card): boolean {
  if (COMPRESSION_KEYWORDS.has(keyword) || TABLE_KEYWORDS.has(keyword)) return true;
  if (keyword === 'CHECKSUM' || keyword === 'DATASUM') return true; // the table's, not the image's
  if (
    MANDATORY_ORDER.includes(keyword) ||
    keyword === 'ZEXTEND' ||
    keyword === 'ZPCOUNT' ||
    keyword === 'ZGCOUNT'
  )
    return true;
  if (INDEXED_DROPPED.test(keyword)) return true;
  // Writers name an otherwise unnamed compressed image so; the image itself had no EXTNAME.
  return (
    keyword === 'EXTNAME' && card.value?.type === 'string' && card.value.value.trim() === 'COMPRESSED_IMAGE'
  );
}

/** One card of a reconstructed image header, with the compressed HDU's card it was made from. */
export interface ImageCard {
  raw: string;
  /** The card it copies or renames; undefined for a card the convention supplies (PCOUNT = 0…). */
  source: Card | undefined;
}

/**
 * The uncompressed image's header as 80-character cards, without END. `cards` are the compressed
 * HDU's cards; anything from its END card on is ignored. The table's CHECKSUM and DATASUM are
 * dropped (they sum the table); ZHECKSUM and ZDATASUM, the image's, take their place.
 */
export function reconstructImageHeader(cards: readonly Card[]): string[] {
  return reconstructImageCards(cards).map((card) => card.raw);
}

/** `reconstructImageHeader`, each card with the card it came from (to point findings at real bytes). */
export function reconstructImageCards(cards: readonly Card[]): ImageCard[] {
  const end = cards.findIndex((card) => card.keyword === 'END' && !card.hasValue);
  const header = end < 0 ? cards : cards.slice(0, end);
  const first = new Map<string, Card>();
  for (const card of header) if (card.hasValue && !first.has(card.keyword)) first.set(card.keyword, card);

  const primary = first.has('ZSIMPLE');
  const out: ImageCard[] = [];
  const rename = (card: Card, keyword: string) => out.push({ raw: renamed(card, keyword), source: card });
  if (primary) rename(first.get('ZSIMPLE')!, 'SIMPLE');
  else {
    const ztension = first.get('ZTENSION');
    if (ztension) rename(ztension, 'XTENSION');
    else out.push({ raw: pad(IMAGE_XTENSION), source: undefined });
  }
  const zbitpix = first.get('ZBITPIX');
  if (zbitpix) rename(zbitpix, 'BITPIX');
  const znaxis = first.get('ZNAXIS');
  if (znaxis) {
    rename(znaxis, 'NAXIS');
    const axes = znaxis.value?.type === 'integer' ? Math.min(Number(znaxis.value.value), 999) : 0;
    for (let axis = 1; axis <= axes; axis++) {
      const length = first.get(`ZNAXIS${axis}`);
      if (length) rename(length, `NAXIS${axis}`);
    }
  }
  if (primary) {
    const zextend = first.get('ZEXTEND');
    if (zextend) rename(zextend, 'EXTEND');
  } else {
    const zpcount = first.get('ZPCOUNT');
    const zgcount = first.get('ZGCOUNT');
    if (zpcount) rename(zpcount, 'PCOUNT');
    else out.push({ raw: integerCard('PCOUNT', 0, 'number of parameters'), source: undefined });
    if (zgcount) rename(zgcount, 'GCOUNT');
    else out.push({ raw: integerCard('GCOUNT', 1, 'number of groups'), source: undefined });
  }

  for (const card of header) {
    const keyword = card.keyword;
    const target = card.hasValue ? RENAMED_IN_PLACE[keyword] : undefined;
    if (target) {
      if (first.get(keyword) === card) rename(card, target);
      continue;
    }
    if (card.hasValue && isDropped(keyword, card)) continue;
    out.push({ raw: pad(card.raw), source: card });
  }
  return out;
}

/** Z copies that become a mandatory image keyword (all dropped by `isDropped`, then renamed). */
const MANDATORY_COPY = /^(?:ZSIMPLE|ZTENSION|ZBITPIX|ZNAXIS[0-9]*|ZEXTEND|ZPCOUNT|ZGCOUNT)$/;

/**
 * The compressed HDU's cards that pass into the image header, in the order they are in the table's
 * header. CFITSIO (funpack and the readers built on it) writes the image header in this order, so
 * its first card must be the copy of SIMPLE or XTENSION.
 */
export function imageCardsInTableOrder(cards: readonly Card[]): Card[] {
  const end = cards.findIndex((card) => card.keyword === 'END' && !card.hasValue);
  const header = end < 0 ? cards : cards.slice(0, end);
  return header.filter((card) => {
    if (card.keyword === '') return false;
    if (!card.hasValue) return true;
    return (
      MANDATORY_COPY.test(card.keyword) || RENAMED_IN_PLACE[card.keyword] || !isDropped(card.keyword, card)
    );
  });
}
