import type { Card, FitsValue } from './types.js';

export const CARD_LENGTH = 80;
export const BLOCK_LENGTH = 2880;
export const CARDS_PER_BLOCK = 36;

const COMMENTARY = new Set(['COMMENT', 'HISTORY', '']);
const INTEGER = /^[+-]?[0-9]+$/;
const REAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[EDed][+-]?[0-9]+)?$/;

/** Decodes bytes as latin1 so that each byte stays one character and offsets stay exact. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

/**
 * Parsed cards by their bytes. The cards of a collection repeat from file to file (the same
 * TELESCOP, BITPIX, HLSPID…), so each distinct card is parsed once per thread. A card is found by a
 * hash of its twenty 32-bit words and confirmed word by word, without decoding it to text first.
 * The table is cleared when full, so hostile headers of distinct cards cost parsing time, not memory.
 */
const MAX_PARSED_CARDS = 20_000;
const SLOTS = 32_768; // a power of two, well above MAX_PARSED_CARDS: probe chains stay short
const WORDS_PER_CARD = CARD_LENGTH / 4;
const slotHashes = new Int32Array(SLOTS);
const slotWords = new Int32Array(SLOTS * WORDS_PER_CARD);
const slotCards: (Card | undefined)[] = new Array(SLOTS).fill(undefined);
let parsedCount = 0;

function hashCard(words: Int32Array, first: number): number {
  let hash = 0x2545f491;
  for (let w = first; w < first + WORDS_PER_CARD; w++) {
    hash = Math.imul(hash ^ words[w]!, 0x9e3779b1);
    hash ^= hash >>> 15;
  }
  return hash;
}

function sameWords(words: Int32Array, first: number, slot: number): boolean {
  const at = slot * WORDS_PER_CARD;
  for (let w = 0; w < WORDS_PER_CARD; w++) if (slotWords[at + w] !== words[first + w]) return false;
  return true;
}

/**
 * Where the card at each position of a header (HDU number, card number) was last found in the
 * cache, plus one (0: none). Products of one collection are written by one program, so the card at
 * a position is usually the one the previous file had there: it is tried first, without hashing.
 */
const POSITION_HDUS = 8;
const POSITION_CARDS = 512;
const slotAtPosition = new Int32Array(POSITION_HDUS * POSITION_CARDS);

/**
 * The card at `start` in `block` (a multiple of 80, so its words are aligned in `words`, a view of
 * the same bytes), through the cache; `hdu` and `index` say where it sits in the file. Each call
 * returns a card of its own: callers may change it.
 */
export function parseCardAt(
  block: Uint8Array,
  words: Int32Array,
  start: number,
  hdu: number,
  index: number,
  offset: number,
): Card {
  const first = start / 4;
  const position = hdu < POSITION_HDUS && index < POSITION_CARDS ? hdu * POSITION_CARDS + index : -1;
  if (position >= 0) {
    // A hit needs the same 80 bytes as the slot holds, and a slot's card is always parsed from them.
    const predicted = slotAtPosition[position]! - 1;
    const known = predicted >= 0 ? slotCards[predicted] : undefined;
    if (known !== undefined && sameWords(words, first, predicted)) return reuseCard(known, index, offset);
  }
  const hash = hashCard(words, first);
  let slot = hash & (SLOTS - 1);
  for (let known = slotCards[slot]; known !== undefined; known = slotCards[slot]) {
    if (slotHashes[slot] === hash && sameWords(words, first, slot)) {
      if (position >= 0) slotAtPosition[position] = slot + 1;
      return reuseCard(known, index, offset);
    }
    slot = (slot + 1) & (SLOTS - 1);
  }
  // Kept as copied: every card handed out then has copyCard's shape.
  const template = copyCard(
    parseCard(latin1(block, start, start + CARD_LENGTH), index, offset),
    index,
    offset,
  );
  if (parsedCount >= MAX_PARSED_CARDS) {
    slotCards.fill(undefined);
    parsedCount = 0;
    slot = hash & (SLOTS - 1);
  }
  slotHashes[slot] = hash;
  slotWords.set(words.subarray(first, first + WORDS_PER_CARD), slot * WORDS_PER_CARD);
  slotCards[slot] = template;
  if (position >= 0) slotAtPosition[position] = slot + 1;
  parsedCount++;
  return template;
}

/**
 * The cached card itself when it sits at the same place (files of one collection share their header
 * layout), a copy otherwise. Cards are not changed once read; joinLongStrings copies before it joins.
 */
function reuseCard(known: Card, index: number, offset: number): Card {
  return known.index === index && known.offset === offset ? known : copyCard(known, index, offset);
}

/**
 * Property by property, in one order, every property present (undefined when absent): every card a
 * rule sees then has one shape, so the rules' property reads stay monomorphic on this hot path.
 */
function copyCard(from: Card, index: number, offset: number): Card {
  return {
    index,
    offset,
    raw: from.raw,
    keyword: from.keyword,
    hierarch: from.hierarch,
    hasValue: from.hasValue,
    value: from.value,
    valueText: from.valueText,
    comment: from.comment,
    valueError: from.valueError,
    valueColumn: from.valueColumn,
    valueEndColumn: from.valueEndColumn,
    continuedBy: undefined,
    facts: from.facts,
  };
}

/** A card with no value yet, in the one shape every card has (see `copyCard`). */
function newCard(index: number, offset: number, raw: string, keyword: string, hierarch: boolean): Card {
  return {
    index,
    offset,
    raw,
    keyword,
    hierarch,
    hasValue: false,
    value: undefined,
    valueText: undefined,
    comment: undefined,
    valueError: undefined,
    valueColumn: undefined,
    valueEndColumn: undefined,
    continuedBy: undefined,
    facts: [],
  };
}

let factCount = 0;

/**
 * A fact about a card that follows from its keyword, value and text alone (never its position):
 * worked out on first use and kept with the card, where every later file with the same 80 bytes
 * finds it without a lookup. `compute` must not return undefined (that means "not known yet").
 */
export function cardFact<T>(compute: (card: Card) => T): (card: Card) => T {
  const slot = factCount++;
  return (card) => {
    let fact = card.facts[slot] as T | undefined;
    if (fact === undefined) {
      fact = compute(card);
      card.facts[slot] = fact;
    }
    return fact as T;
  };
}

/** Parses one 80-character card. Never throws: problems land in `valueError`. */
export function parseCard(raw: string, index: number, offset: number): Card {
  const name = raw.slice(0, 8);
  const keyword = name.trimEnd();
  if (keyword === 'HIERARCH') return parseHierarch(raw, index, offset);
  const card = newCard(index, offset, raw, keyword, false);
  if (keyword === 'CONTINUE') {
    // A CONTINUE card has no value indicator; its string starts in column 11 or later.
    parseValueField(card, raw, 8);
    return card;
  }
  if (raw.slice(8, 10) === '= ' && !COMMENTARY.has(keyword)) {
    card.hasValue = true;
    parseValueField(card, raw, 10);
  } else {
    card.comment = raw.slice(8).trimEnd();
  }
  return card;
}

function parseHierarch(raw: string, index: number, offset: number): Card {
  const eq = raw.indexOf('=', 9);
  const card = newCard(index, offset, raw, 'HIERARCH', true);
  if (eq < 0) {
    card.comment = raw.slice(8).trimEnd();
    return card;
  }
  card.keyword = raw.slice(9, eq).trim().replace(/\s+/g, ' ');
  card.hasValue = true;
  parseValueField(card, raw, eq + 1);
  return card;
}

/** Parses the value (and comment) that starts at `start`, filling value, valueText and errors. */
function parseValueField(card: Card, raw: string, start: number): void {
  let i = start;
  while (i < raw.length && raw[i] === ' ') i++;
  if (i >= raw.length || raw[i] === '/') {
    card.value = { type: 'undefined' };
    if (i < raw.length) card.comment = raw.slice(i + 1).trim();
    return;
  }
  card.valueColumn = i;
  if (raw[i] === "'") {
    parseString(card, raw, i);
    return;
  }
  const slash = raw.indexOf('/', i);
  const end = slash < 0 ? raw.length : slash;
  const text = raw.slice(i, end).trimEnd();
  if (slash >= 0) card.comment = raw.slice(slash + 1).trim();
  card.valueText = text;
  card.valueEndColumn = i + text.length - 1;
  if (text.startsWith('(')) {
    card.value = parseComplex(card, text);
    return;
  }
  if (/\s/.test(text)) {
    const first = text.split(/\s+/)[0]!;
    card.valueError = `text after the value '${first}' is not separated by '/'`;
    card.value = parseScalar(card, first) ?? { type: 'undefined' };
    return;
  }
  const value = parseScalar(card, text);
  if (value) card.value = value;
  else {
    card.value = { type: 'undefined' };
    card.valueError = `'${text}' is not a valid FITS value (string, logical, integer, real or complex)`;
  }
}

function parseScalar(card: Card, text: string): FitsValue | undefined {
  if (text === 'T') return { type: 'logical', value: true };
  if (text === 'F') return { type: 'logical', value: false };
  if (INTEGER.test(text)) {
    const big = BigInt(text);
    const safe = big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER);
    return { type: 'integer', value: safe ? Number(big) : big };
  }
  if (REAL.test(text)) {
    if (/[ed]/.test(text)) card.valueError = `the exponent in '${text}' must be an upper-case E or D`;
    return { type: 'float', value: Number(text.replace(/[Dd]/, 'E')) };
  }
  return undefined;
}

function parseComplex(card: Card, text: string): FitsValue {
  const close = text.indexOf(')');
  if (close < 0) {
    card.valueError = `complex value '${text}' has no closing ')'`;
    return { type: 'undefined' };
  }
  const inner = text.slice(1, close).split(',');
  if (inner.length !== 2) {
    card.valueError = `complex value '${text}' must have exactly two parts separated by ','`;
    return { type: 'undefined' };
  }
  const [re, im] = inner.map((part) => part.trim()) as [string, string];
  const parts = [re, im].map((part) =>
    INTEGER.test(part) || REAL.test(part) ? Number(part.replace(/[Dd]/, 'E')) : Number.NaN,
  );
  if (parts.some(Number.isNaN)) {
    card.valueError = `complex value '${text}' has a part that is not a number`;
    return { type: 'undefined' };
  }
  if (text.slice(close + 1).trim() !== '')
    card.valueError = `text after the complex value is not separated by '/'`;
  return { type: 'complex', re: parts[0]!, im: parts[1]! };
}

function parseString(card: Card, raw: string, open: number): void {
  let value = '';
  let i = open + 1;
  for (;;) {
    if (i >= raw.length) {
      card.valueError = 'the string value has no closing quote';
      card.value = { type: 'string', value: value.trimEnd() };
      card.valueText = raw.slice(open).trimEnd();
      card.valueEndColumn = raw.length - 1;
      return;
    }
    const ch = raw[i]!;
    if (ch === "'") {
      if (raw[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      break;
    }
    value += ch;
    i++;
  }
  card.value = { type: 'string', value: value.trimEnd() };
  card.valueText = raw.slice(open, i + 1);
  card.valueEndColumn = i;
  const rest = raw.slice(i + 1);
  const restTrimmed = rest.trimStart();
  if (restTrimmed.startsWith('/')) card.comment = restTrimmed.slice(1).trim();
  else if (restTrimmed !== '') card.valueError = `text after the closing quote is not separated by '/'`;
}

/** The value as a JS primitive: string, number, bigint, boolean, or null when undefined/complex. */
export function plainValue(value: FitsValue | undefined): string | number | bigint | boolean | null {
  if (!value) return null;
  switch (value.type) {
    case 'string':
    case 'logical':
    case 'integer':
    case 'float':
      return value.value;
    default:
      return null;
  }
}

/** Joins CONTINUE cards into the string of the card before them (FITS 4.0 §4.2.1.2). */
export function joinLongStrings(cards: Card[]): void {
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    if (card.value?.type !== 'string' || card.keyword === 'CONTINUE') continue;
    let text = card.value.value;
    let j = i + 1;
    while (text.endsWith('&') && cards[j]?.keyword === 'CONTINUE' && cards[j]!.value?.type === 'string') {
      text = text.slice(0, -1) + (cards[j]!.value as { value: string }).value;
      j++;
    }
    if (j > i + 1) {
      // A copy: the card read may be shared with other files (parseCardAt).
      const joined = copyCard(card, card.index, card.offset);
      joined.value = { type: 'string', value: text };
      joined.continuedBy = j - i - 1;
      // Its value is no longer the one of the cached card it was copied from.
      joined.facts = [];
      cards[i] = joined;
      i = j - 1;
    }
  }
}
