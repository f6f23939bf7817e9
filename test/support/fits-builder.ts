/**
 * Builds FITS files byte by byte for tests: valid ones, and ones with exactly one defect.
 * Everything is explicit so a test can break any single byte rule.
 */
import { addWords, encodeChecksum, toStored } from '../../src/fits/checksum.js';

export type CardValue = string | number | bigint | boolean | null | { raw: string };

export interface CardSpec {
  keyword: string;
  value?: CardValue;
  comment?: string;
}

/** Formats one card in fixed format (FITS 4.0 §4.2): strings from column 11, numbers right-justified to 30. */
export function formatCard(keyword: string, value?: CardValue, comment?: string): string {
  const name = keyword.padEnd(8).slice(0, 8);
  if (value === undefined) return pad80(`${name}${comment ?? ''}`);
  let field: string;
  if (value === null) field = ''.padStart(20);
  else if (typeof value === 'object') field = value.raw;
  else if (typeof value === 'string') field = `'${value.replace(/'/g, "''").padEnd(8)}'`.padEnd(20);
  else if (typeof value === 'boolean') field = (value ? 'T' : 'F').padStart(20);
  else if (typeof value === 'bigint') field = value.toString().padStart(20);
  else if (Number.isInteger(value)) field = String(value).padStart(20);
  else field = formatReal(value).padStart(20);
  const text = `${name}= ${field}${comment !== undefined ? ` / ${comment}` : ''}`;
  return pad80(text);
}

function formatReal(value: number): string {
  const text = String(value).toUpperCase();
  return text.includes('.') || text.includes('E') ? text : `${text}.0`;
}

export function pad80(text: string): string {
  if (text.length > 80) throw new Error(`card longer than 80 characters: ${text}`);
  return text.padEnd(80);
}

export function card(keyword: string, value?: CardValue, comment?: string): CardSpec {
  const spec: CardSpec = { keyword };
  if (value !== undefined) spec.value = value;
  if (comment !== undefined) spec.comment = comment;
  return spec;
}

/** A card given as its exact 80 characters (padded). */
export function rawCard(text: string): CardSpec {
  return { keyword: '\u0000raw', value: { raw: text } };
}

function renderCard(spec: CardSpec): string {
  if (spec.keyword === '\u0000raw') return pad80((spec.value as { raw: string }).raw);
  return formatCard(spec.keyword, spec.value, spec.comment);
}

export interface HduSpec {
  cards: CardSpec[];
  data?: Uint8Array;
  /** Leave the END card out. */
  noEnd?: boolean;
  /** Write CHECKSUM and DATASUM (replacing any given). */
  checksum?: boolean;
  /** Bytes used to fill the data unit (default: zeros; ASCII tables use spaces). */
  dataFill?: number;
  /** Bytes used after END in the last header block (default space). */
  headerFill?: number;
}

export function headerBytes(cards: CardSpec[], options: { noEnd?: boolean; fill?: number } = {}): Buffer {
  const text = cards.map(renderCard).join('') + (options.noEnd ? '' : pad80('END'));
  const length = Math.ceil(text.length / 2880) * 2880 || 2880;
  const bytes = Buffer.alloc(length, options.fill ?? 0x20);
  bytes.write(text, 0, 'latin1');
  return bytes;
}

export function dataBytes(data: Uint8Array | undefined, fill = 0): Buffer {
  if (!data || data.length === 0) return Buffer.alloc(0);
  const length = Math.ceil(data.length / 2880) * 2880;
  const bytes = Buffer.alloc(length, fill);
  bytes.set(data, 0);
  return bytes;
}

/** One HDU as bytes; with `checksum`, DATASUM and CHECKSUM are computed as CFITSIO would. */
export function hduBytes(spec: HduSpec): Buffer {
  const data = dataBytes(spec.data, spec.dataFill ?? 0);
  if (!spec.checksum)
    return Buffer.concat([headerBytes(spec.cards, { noEnd: spec.noEnd, fill: spec.headerFill }), data]);
  const dataSum = addWords(0, data, 0, data.length);
  const anyNonZero = data.some((byte) => byte !== 0);
  const cards = spec.cards.filter((c) => c.keyword !== 'CHECKSUM' && c.keyword !== 'DATASUM');
  cards.push(card('CHECKSUM', '0000000000000000', 'HDU checksum'));
  cards.push(card('DATASUM', String(toStored(dataSum, anyNonZero)), 'data unit checksum'));
  let header = headerBytes(cards, { noEnd: spec.noEnd, fill: spec.headerFill });
  const total = (addWords(0, header, 0, header.length) + dataSum) % 0xffffffff;
  const encoded = encodeChecksum(total);
  cards[cards.length - 2] = card('CHECKSUM', encoded, 'HDU checksum');
  header = headerBytes(cards, { noEnd: spec.noEnd, fill: spec.headerFill });
  return Buffer.concat([header, data]);
}

export function fitsFile(hdus: HduSpec[]): Buffer {
  return Buffer.concat(hdus.map(hduBytes));
}

/** Big-endian int16 pixels. */
export function int16Data(values: number[]): Uint8Array {
  const bytes = Buffer.alloc(values.length * 2);
  values.forEach((value, i) => {
    bytes.writeInt16BE(value, i * 2);
  });
  return bytes;
}

export function float32Data(values: number[]): Uint8Array {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => {
    bytes.writeFloatBE(value, i * 4);
  });
  return bytes;
}

export function primaryCards(
  options: { bitpix?: number; axes?: number[]; extend?: boolean } = {},
): CardSpec[] {
  const axes = options.axes ?? [];
  const cards = [
    card('SIMPLE', true, 'conforms to FITS standard'),
    card('BITPIX', options.bitpix ?? 8),
    card('NAXIS', axes.length),
  ];
  axes.forEach((length, i) => {
    cards.push(card(`NAXIS${i + 1}`, length));
  });
  if (options.extend !== false) cards.push(card('EXTEND', true));
  return cards;
}

export function imageExtensionCards(
  options: { bitpix?: number; axes?: number[]; extname?: string } = {},
): CardSpec[] {
  const axes = options.axes ?? [];
  const cards = [
    card('XTENSION', 'IMAGE', 'image extension'),
    card('BITPIX', options.bitpix ?? 16),
    card('NAXIS', axes.length),
  ];
  axes.forEach((length, i) => {
    cards.push(card(`NAXIS${i + 1}`, length));
  });
  cards.push(card('PCOUNT', 0), card('GCOUNT', 1));
  if (options.extname) cards.push(card('EXTNAME', options.extname));
  return cards;
}

export interface ColumnSpec {
  name: string;
  /** Binary TFORM, e.g. 'D', '10A', '1PE(5)'. */
  format: string;
  unit?: string;
}

/** A binary table header for `rows` rows of `rowBytes` bytes (TFORMs as given). */
export function binaryTableCards(
  columns: ColumnSpec[],
  rows: number,
  rowBytes: number,
  options: { pcount?: number; extname?: string } = {},
): CardSpec[] {
  const cards = [
    card('XTENSION', 'BINTABLE', 'binary table extension'),
    card('BITPIX', 8),
    card('NAXIS', 2),
    card('NAXIS1', rowBytes),
    card('NAXIS2', rows),
    card('PCOUNT', options.pcount ?? 0),
    card('GCOUNT', 1),
    card('TFIELDS', columns.length),
  ];
  columns.forEach((column, i) => {
    cards.push(card(`TTYPE${i + 1}`, column.name), card(`TFORM${i + 1}`, column.format));
    if (column.unit) cards.push(card(`TUNIT${i + 1}`, column.unit));
  });
  if (options.extname) cards.push(card('EXTNAME', options.extname));
  return cards;
}

/** A small valid image file: primary header plus a 10×10 int16 image with CHECKSUM. */
export function simpleImageFile(extra: CardSpec[] = [], options: { checksum?: boolean } = {}): Buffer {
  const pixels = int16Data(Array.from({ length: 100 }, (_, i) => i - 50));
  return fitsFile([
    {
      cards: [...primaryCards({ bitpix: 16, axes: [10, 10] }), ...extra],
      data: pixels,
      checksum: options.checksum ?? true,
    },
  ]);
}
