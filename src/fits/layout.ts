import { BLOCK_LENGTH } from './card.js';
import type { Card, CardMap, ColumnInfo, HduKind } from './types.js';

/** Bytes per element of each binary table TFORM type code (FITS 4.0 Table 18). */
export const BINARY_CODE_BYTES: Record<string, number> = {
  L: 1,
  X: 1,
  B: 1,
  I: 2,
  J: 4,
  K: 8,
  A: 1,
  E: 4,
  D: 8,
  C: 8,
  M: 16,
  P: 8,
  Q: 16,
};

/** Each keyword's first card with a value, in the order of the header. */
export function cardMap(cards: Card[]): CardMap {
  const map: CardMap = new Map();
  let valued = 0;
  // One hash lookup a card: keywords rarely repeat, and a repeat shows in the size.
  for (const card of cards) {
    if (!card.hasValue) continue;
    map.set(card.keyword, card);
    valued++;
  }
  if (map.size === valued) return map;
  map.clear();
  for (const card of cards) {
    if (card.hasValue && !map.has(card.keyword)) map.set(card.keyword, card);
  }
  return map;
}

/** An integer keyword's value as a number, or undefined when absent or not an integer. */
export function intValue(keywords: CardMap, name: string): number | undefined {
  const value = keywords.get(name)?.value;
  if (value?.type !== 'integer') return undefined;
  return typeof value.value === 'bigint' ? Number(value.value) : value.value;
}

export function stringValue(keywords: CardMap, name: string): string | undefined {
  const value = keywords.get(name)?.value;
  return value?.type === 'string' ? value.value : undefined;
}

export function logicalValue(keywords: CardMap, name: string): boolean | undefined {
  const value = keywords.get(name)?.value;
  return value?.type === 'logical' ? value.value : undefined;
}

export function classifyHdu(index: number, keywords: CardMap): HduKind {
  if (index === 0) {
    if (logicalValue(keywords, 'GROUPS') === true && intValue(keywords, 'NAXIS1') === 0)
      return 'random-groups';
    return 'primary';
  }
  const xtension = stringValue(keywords, 'XTENSION')?.trim();
  if (xtension === 'IMAGE' || xtension === 'IUEIMAGE') return 'image';
  if (xtension === 'TABLE') return 'ascii-table';
  if (xtension === 'BINTABLE' || xtension === 'A3DTABLE') return 'binary-table';
  return 'unknown';
}

export interface DataSize {
  size: number;
  error?: string;
}

/**
 * The data size the header declares, |BITPIX|·GCOUNT·(PCOUNT + ∏NAXISn) / 8 (FITS 4.0 §4.4.1),
 * computed with BigInt so that absurd values cannot overflow into plausible ones.
 */
export function declaredDataSize(kind: HduKind, keywords: CardMap): DataSize {
  const bitpix = intValue(keywords, 'BITPIX');
  if (bitpix === undefined || ![8, 16, 32, 64, -32, -64].includes(bitpix)) {
    return { size: -1, error: 'BITPIX is missing or not one of 8, 16, 32, 64, -32, -64' };
  }
  const naxis = intValue(keywords, 'NAXIS');
  if (naxis === undefined || naxis < 0 || naxis > 999) {
    return { size: -1, error: 'NAXIS is missing or outside 0..999' };
  }
  if (naxis === 0) return { size: 0 };
  let product = 1n;
  const first = kind === 'random-groups' ? 2 : 1;
  for (let axis = first; axis <= naxis; axis++) {
    const card = keywords.get(`NAXIS${axis}`);
    if (card?.value?.type !== 'integer')
      return { size: -1, error: `NAXIS${axis} is missing or not an integer` };
    const length = BigInt(card.value.value);
    if (length < 0n) return { size: -1, error: `NAXIS${axis} = ${length} is negative` };
    product *= length;
  }
  const isExtension = kind !== 'primary' && kind !== 'random-groups';
  const pcountCard = keywords.get('PCOUNT');
  const gcountCard = keywords.get('GCOUNT');
  const pcount = pcountCard?.value?.type === 'integer' ? BigInt(pcountCard.value.value) : 0n;
  const gcount = gcountCard?.value?.type === 'integer' ? BigInt(gcountCard.value.value) : 1n;
  if (isExtension || kind === 'random-groups') {
    if (pcount < 0n) return { size: -1, error: `PCOUNT = ${pcount} is negative` };
    if (gcount < 0n) return { size: -1, error: `GCOUNT = ${gcount} is negative` };
  }
  const groupsOrExtension = isExtension || kind === 'random-groups';
  const bits = BigInt(Math.abs(bitpix)) * (groupsOrExtension ? gcount * (pcount + product) : product);
  const bytes = bits / 8n;
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { size: -1, error: `the header declares ${bytes} bytes of data, more than any file can hold` };
  }
  return { size: Number(bytes) };
}

export function paddedSize(size: number): number {
  return Math.ceil(size / BLOCK_LENGTH) * BLOCK_LENGTH;
}

const BINARY_TFORM = /^([0-9]*)([LXBIJKAEDCMPQ])(.*)$/;
const ARRAY_DESCRIPTOR = /^([LXBIJKAEDCM])(?:\(([0-9]+)\))?$/;

export interface ParsedTform {
  repeat: number;
  code: string;
  width: number;
  arrayCode?: string;
  maxElements?: number;
  error?: string;
}

/** Parses a binary-table TFORMn (`rT`, `rPt(emax)`); reports what is wrong instead of throwing. */
export function parseBinaryTform(tform: string): ParsedTform {
  const text = tform.trim();
  const match = BINARY_TFORM.exec(text);
  if (!match)
    return { repeat: 0, code: '?', width: 0, error: `'${text}' is not a valid binary table format` };
  const repeat = match[1] === '' ? 1 : Number(match[1]);
  const code = match[2]!;
  const rest = match[3]!;
  if (code === 'P' || code === 'Q') {
    const descriptor = ARRAY_DESCRIPTOR.exec(rest);
    const width = repeat * BINARY_CODE_BYTES[code]!;
    if (!descriptor) {
      return {
        repeat,
        code,
        width,
        error: `'${text}' needs an element type after ${code}, e.g. 1${code}E(100)`,
      };
    }
    const parsed: ParsedTform = { repeat, code, width, arrayCode: descriptor[1]! };
    if (descriptor[2] !== undefined) parsed.maxElements = Number(descriptor[2]);
    if (repeat > 1) parsed.error = `array descriptor column '${text}' must have a repeat count of 0 or 1`;
    return parsed;
  }
  const width = code === 'X' ? Math.ceil(repeat / 8) : repeat * BINARY_CODE_BYTES[code]!;
  // Anything after the type code is an application-defined suffix (e.g. `10A:SSTR8`); only flag obvious junk.
  const parsed: ParsedTform = { repeat, code, width };
  if (rest !== '' && !/^[A-Za-z0-9:,._]*$/.test(rest))
    parsed.error = `'${text}' has unexpected text after '${code}'`;
  return parsed;
}

/** Describes the columns of a binary table from TFIELDS and TFORMn/TTYPEn/TUNITn/TDIMn. */
export function describeColumns(keywords: CardMap, binary: boolean): ColumnInfo[] {
  const count = intValue(keywords, 'TFIELDS') ?? 0;
  const columns: ColumnInfo[] = [];
  for (let n = 1; n <= Math.min(count, 999); n++) {
    const column: ColumnInfo = { n };
    const name = stringValue(keywords, `TTYPE${n}`);
    if (name !== undefined) column.name = name;
    const tform = stringValue(keywords, `TFORM${n}`);
    if (tform !== undefined) column.tform = tform;
    const unit = stringValue(keywords, `TUNIT${n}`);
    if (unit !== undefined) column.unit = unit;
    const tdim = stringValue(keywords, `TDIM${n}`);
    if (tdim !== undefined) column.tdim = tdim;
    if (binary && tform !== undefined) {
      const parsed = parseBinaryTform(tform);
      if (!parsed.error || parsed.code !== '?') {
        column.repeat = parsed.repeat;
        column.code = parsed.code;
        column.width = parsed.width;
        if (parsed.arrayCode) column.arrayCode = parsed.arrayCode;
        if (parsed.maxElements !== undefined) column.maxElements = parsed.maxElements;
      }
    }
    columns.push(column);
  }
  return columns;
}
