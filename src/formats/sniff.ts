/**
 * Identifies a file's format from its first and last bytes (magic numbers), never from its name.
 * Sniffing reads nothing itself and never throws: any bytes, however hostile, get an answer.
 */
import type { FormatId } from './registry.js';
import { isValidUtf8, looksLikeText } from './text.js';

/**
 * How many bytes from the start of a file `sniffFormat` wants: enough for HDF5's signature after a
 * 2048-byte user block, the tar header's magic at 257, and an XML prolog with comments before the
 * <VOTABLE> element.
 */
export const SNIFF_HEAD_BYTES = 4096;

/** How many bytes from the end of a file `sniffFormat` wants: Parquet's footer length and `PAR1`. */
export const SNIFF_TAIL_BYTES = 8;

export interface SniffResult {
  format: FormatId;
  /**
   * True when the content starts as `format` but its end, which that format requires, is missing:
   * Parquet with `PAR1` at the start and not at the end. A file truncated in transfer, not another
   * format.
   */
  truncated?: boolean;
}

type Magic = readonly number[];

const ascii = (text: string): Magic => Array.from(text, (character) => character.charCodeAt(0));

const PNG: Magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HDF5: Magic = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
/** HDF5 allows a user block before the superblock, whose size is 0 or a power of two from 512. */
const HDF5_OFFSETS = [0, 512, 1024, 2048];
const PARQUET = ascii('PAR1');
const UTF8_BOM: Magic = [0xef, 0xbb, 0xbf];

function hasAt(bytes: Uint8Array, offset: number, magic: Magic): boolean {
  if (offset < 0 || offset + magic.length > bytes.length) return false;
  for (let index = 0; index < magic.length; index++) {
    if (bytes[offset + index] !== magic[index]) return false;
  }
  return true;
}

/** Formats told apart by fixed bytes at fixed offsets, tried in order before any text test. */
const BINARY_SIGNATURES: readonly { format: FormatId; matches: (head: Uint8Array) => boolean }[] = [
  { format: 'fits', matches: isFitsStart },
  // Byte 3 is the method; deflate (8) is the only one gzip defines.
  { format: 'gzip', matches: (head) => hasAt(head, 0, [0x1f, 0x8b, 0x08]) },
  { format: 'compress', matches: (head) => hasAt(head, 0, [0x1f, 0x9d]) },
  {
    format: 'bzip2',
    matches: (head) => hasAt(head, 0, ascii('BZh')) && head[3]! >= 0x31 && head[3]! <= 0x39,
  },
  {
    format: 'zip',
    matches: (head) =>
      [ascii('PK\x03\x04'), ascii('PK\x05\x06'), ascii('PK\x07\x08')].some((m) => hasAt(head, 0, m)),
  },
  { format: 'png', matches: (head) => hasAt(head, 0, PNG) },
  { format: 'jpeg', matches: (head) => hasAt(head, 0, [0xff, 0xd8, 0xff]) },
  { format: 'gif', matches: (head) => hasAt(head, 0, ascii('GIF87a')) || hasAt(head, 0, ascii('GIF89a')) },
  {
    format: 'tiff',
    // Classic TIFF has 42 as its version, BigTIFF 43, in the byte order the first two bytes name.
    matches: (head) =>
      hasAt(head, 0, [0x49, 0x49, 0x2a, 0x00]) ||
      hasAt(head, 0, [0x4d, 0x4d, 0x00, 0x2a]) ||
      hasAt(head, 0, [0x49, 0x49, 0x2b, 0x00]) ||
      hasAt(head, 0, [0x4d, 0x4d, 0x00, 0x2b]),
  },
  { format: 'pdf', matches: (head) => hasAt(head, 0, ascii('%PDF-')) },
  {
    format: 'postscript',
    matches: (head) => hasAt(head, 0, ascii('%!PS')) || hasAt(head, 0, [0xc5, 0xd0, 0xd3, 0xc6]),
  },
  { format: 'hdf5', matches: (head) => HDF5_OFFSETS.some((offset) => hasAt(head, offset, HDF5)) },
  { format: 'sqlite', matches: (head) => hasAt(head, 0, ascii('SQLite format 3\0')) },
  { format: 'asdf', matches: (head) => hasAt(head, 0, ascii('#ASDF ')) },
  { format: 'tar', matches: (head) => hasAt(head, 257, ascii('ustar')) },
];

const FITS_CARD = 80;
const FITS_START = ascii('SIMPLE  = ');

/** `SIMPLE  = ` at byte 0, and the first card (or as much of it as there is) printable ASCII. */
function isFitsStart(head: Uint8Array): boolean {
  if (!hasAt(head, 0, FITS_START)) return false;
  const end = Math.min(FITS_CARD, head.length);
  for (let index = FITS_START.length; index < end; index++) {
    const byte = head[index]!;
    if (byte < 0x20 || byte > 0x7e) return false;
  }
  return true;
}

/**
 * Identifies a file's format from its first bytes (`head`: the first `min(size, SNIFF_HEAD_BYTES)`)
 * and last bytes (`tail`: the last `min(size, SNIFF_TAIL_BYTES)`), given the file's `size`. A tail
 * may be left empty when the head holds the whole file. Inconsistent arguments get an answer too.
 */
export function sniffFormat(head: Uint8Array, tail: Uint8Array, size: number): SniffResult {
  if (head.length === 0) return { format: size === 0 ? 'empty' : 'unknown' };
  if (hasAt(head, 0, PARQUET)) return sniffParquet(head, tail, size);
  for (const signature of BINARY_SIGNATURES) {
    if (signature.matches(head)) return { format: signature.format };
  }
  return { format: sniffText(head, head.length < size) };
}

/** Parquet ends as it starts, with `PAR1` after the footer's 4-byte length. */
function sniffParquet(head: Uint8Array, tail: Uint8Array, size: number): SniffResult {
  const end = tail.length > 0 ? tail : head.length >= size ? head : undefined;
  // Without the end in view the footer cannot be judged.
  if (end === undefined) return { format: 'parquet' };
  const complete = size >= 2 * PARQUET.length + 4 && hasAt(end, end.length - PARQUET.length, PARQUET);
  return complete ? { format: 'parquet' } : { format: 'parquet', truncated: true };
}

const decoder = new TextDecoder('utf-8');

/** The text formats, plain text, text in another encoding, or unknown binary data. */
function sniffText(head: Uint8Array, mayBeCut: boolean): FormatId {
  const body = hasAt(head, 0, UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
  if (!looksLikeText(body)) return 'unknown';
  if (!isValidUtf8(body, mayBeCut)) return 'non-utf8-text';
  const text = decoder.decode(body);
  if (text.startsWith('# %ECSV ')) return 'ecsv';
  const start = text.trimStart();
  if (start.startsWith('<')) return sniffMarkup(start);
  if (start.startsWith('{') || start.startsWith('[')) return isJsonPrefix(start, mayBeCut) ? 'json' : 'text';
  if (/^(%YAML[ \t]|---(\s|$))/.test(start)) return 'yaml';
  return 'text';
}

/** A <VOTABLE> element, with or without a namespace prefix, as the root. */
const VOTABLE_ROOT = /^<(?:[A-Za-z_][\w.-]*:)?VOTABLE(?:[\s>/]|$)/;
/** What may come before the root element: declarations, processing instructions, comments, a doctype. */
const PROLOG_ITEM = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)\s*/;
const HTML_START = /^<!doctype\s+html/i;
const HTML_ELEMENT = /<(?:html|head|body)(?:[\s>]|$)/i;
/** A declaration, comment, doctype, processing instruction or element: what XML may start with. */
const XML_START = /^<(?:[?!]|[A-Za-z_])/;

function sniffMarkup(text: string): FormatId {
  if (VOTABLE_ROOT.test(skipProlog(text))) return 'votable';
  if (HTML_START.test(text) || HTML_ELEMENT.test(text)) return 'html';
  return XML_START.test(text) ? 'xml' : 'text';
}

/**
 * Text that starts like JSON is JSON when it parses; a head cut from a longer file cannot be parsed,
 * so its start is taken on trust.
 */
function isJsonPrefix(text: string, mayBeCut: boolean): boolean {
  if (mayBeCut) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The text from its root element on (or from where the prolog is cut by the end of the head). */
function skipProlog(text: string): string {
  let rest = text;
  for (let match = PROLOG_ITEM.exec(rest); match !== null; match = PROLOG_ITEM.exec(rest))
    rest = rest.slice(match[0].length);
  return rest;
}
