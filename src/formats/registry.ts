/**
 * The formats hlsp-validate can recognise from a file's bytes, and what each file-name extension
 * promises about those bytes. The content is identified by `sniffFormat` (sniff.ts); `compareFormat`
 * (compare.ts) holds the two side by side.
 */

/** A format identified from content. `empty` and `unknown` are outcomes of sniffing, not formats. */
export type FormatId =
  | 'fits'
  | 'gzip'
  | 'compress'
  | 'bzip2'
  | 'zip'
  | 'tar'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'tiff'
  | 'pdf'
  | 'postscript'
  | 'hdf5'
  | 'sqlite'
  | 'parquet'
  | 'asdf'
  | 'ecsv'
  | 'votable'
  | 'xml'
  | 'html'
  | 'json'
  | 'yaml'
  | 'text'
  | 'non-utf8-text'
  | 'empty'
  | 'unknown';

/** The outer layers a compressed file name can promise. */
export type CompressionId = Extract<FormatId, 'gzip' | 'compress' | 'bzip2'>;

export interface FormatInfo {
  id: FormatId;
  /** Fits "it holds …" in a message: "a PNG image", "FITS data". */
  label: string;
  /** True for the UTF-8 text formats, any of which keeps a plain-text promise. */
  textual: boolean;
  /** How the content is recognised, for docs/formats.md. */
  recognisedBy: string;
}

const format = (id: FormatId, label: string, recognisedBy: string, textual = false): FormatInfo => ({
  id,
  label,
  textual,
  recognisedBy,
});

/** Every format, in the order docs/formats.md lists them. */
export const FORMATS: readonly FormatInfo[] = [
  format('fits', 'FITS data', '`SIMPLE  = ` at byte 0 and a first 80-byte card of printable ASCII'),
  format('gzip', 'gzip-compressed data', 'bytes `1F 8B 08` (gzip, deflate method)'),
  format('compress', 'Unix compress (.Z) data', 'bytes `1F 9D`'),
  format('bzip2', 'bzip2-compressed data', '`BZh` and a block-size digit `1`–`9`'),
  format('zip', 'a zip archive', '`PK 03 04`, or `PK 05 06` (empty archive), or `PK 07 08` (spanned)'),
  format('tar', 'a tar archive', '`ustar` at byte 257'),
  format('png', 'a PNG image', 'bytes `89 50 4E 47 0D 0A 1A 0A`'),
  format('jpeg', 'a JPEG image', 'bytes `FF D8 FF`'),
  format('gif', 'a GIF image', '`GIF87a` or `GIF89a`'),
  format('tiff', 'a TIFF image', '`II*\\0` or `MM\\0*` (and BigTIFF `II+\\0`, `MM\\0+`)'),
  format('pdf', 'a PDF document', '`%PDF-` at byte 0'),
  format('postscript', 'PostScript', '`%!PS` at byte 0, or the DOS EPS header `C5 D0 D3 C6`'),
  format('hdf5', 'HDF5 data', 'the signature `89 48 44 46 0D 0A 1A 0A` at byte 0, 512, 1024 or 2048'),
  format('sqlite', 'an SQLite database', '`SQLite format 3\\0` at byte 0'),
  format('parquet', 'Parquet data', '`PAR1` at byte 0 and as the last 4 bytes'),
  format('asdf', 'ASDF data', '`#ASDF ` at byte 0'),
  format('ecsv', 'an ECSV table', '`# %ECSV ` at the start of UTF-8 text', true),
  format('votable', 'a VOTable', 'XML text with a `<VOTABLE` element in the first 4 KiB', true),
  format('xml', 'XML', 'UTF-8 text starting with `<?xml`, `<!` or an element', true),
  format(
    'html',
    'HTML',
    'UTF-8 text starting with `<!DOCTYPE html`, or starting with `<` and with an `<html`, `<head` or `<body` element in the first 4 KiB',
    true,
  ),
  format('json', 'JSON', 'UTF-8 text starting with `{` or `[` (parsed in full when it fits in 4 KiB)', true),
  format('yaml', 'YAML', 'UTF-8 text starting with a `%YAML` directive or a `---` document marker', true),
  format('text', 'plain text', 'valid UTF-8, no NUL byte, almost no control characters', true),
  format(
    'non-utf8-text',
    'text that is not UTF-8 (an 8-bit encoding such as Latin-1)',
    'no NUL byte, almost no control characters, but bytes that are not valid UTF-8',
  ),
  format('empty', 'nothing (the file is empty)', 'size 0'),
  format('unknown', 'data of no recognised format', 'none of the above'),
];

const formatsById = new Map(FORMATS.map((info) => [info.id, info]));

export function formatInfo(id: FormatId): FormatInfo {
  return formatsById.get(id)!;
}

/** What a file name's extension promises about the file's bytes. */
export interface ExtensionPromise {
  /** Lower case, without the leading dot: `fits.gz`. */
  extension: string;
  /** The compressions the bytes on disk may be in; empty when the name promises no compression. */
  containers: readonly CompressionId[];
  /** The format of the content (inside the compression, if any). */
  inner: FormatId;
  /** Sniffed content formats that keep the promise: `inner` and its lenient kin. */
  accepts: readonly FormatId[];
}

const TEXTUAL: readonly FormatId[] = FORMATS.filter((info) => info.textual).map((info) => info.id);
const ANYTHING: readonly FormatId[] = FORMATS.filter((info) => info.id !== 'empty').map((info) => info.id);

function plain(extension: string, inner: FormatId, accepts: readonly FormatId[] = [inner]): ExtensionPromise {
  return { extension, containers: [], inner, accepts };
}

function compressed(
  extension: string,
  containers: readonly CompressionId[],
  inner: FormatId,
  accepts: readonly FormatId[] = [inner],
): ExtensionPromise {
  return { extension, containers, inner, accepts };
}

/**
 * Every extension in schemas/vocabularies/extensions.json, then a few common spellings it does not list
 * (`fit`, `fts`, `gz`, `bz2`, `htm`, `tiff`, `yml`), so that a name the naming rules reject still has its content
 * judged. Plain-text promises accept any UTF-8 text format: an ECSV table in a `.csv`, JSON in a
 * `.txt` and HTML in a `.md` are all legitimate.
 */
export const EXTENSION_PROMISES: readonly ExtensionPromise[] = [
  plain('asdf', 'asdf'),
  plain('csv', 'text', TEXTUAL),
  compressed('csv.gz', ['gzip'], 'text', TEXTUAL),
  plain('dat', 'text', TEXTUAL),
  plain('db', 'sqlite'),
  plain('ecsv', 'ecsv'),
  compressed('ecsv.gz', ['gzip'], 'ecsv'),
  plain('fits', 'fits'),
  compressed('fits.bz2', ['bzip2'], 'fits'),
  // fpack output is itself a FITS file (tile-compressed HDUs in binary tables), so its bytes start as FITS.
  plain('fits.fz', 'fits'),
  compressed('fits.gz', ['gzip'], 'fits'),
  // `.Z` is Unix compress by tradition, but many archives hold gzip under that name.
  compressed('fits.z', ['compress', 'gzip'], 'fits'),
  plain('gif', 'gif'),
  plain('h5', 'hdf5'),
  plain('hdf5', 'hdf5'),
  plain('html', 'html'),
  plain('jpeg', 'jpeg'),
  plain('jpg', 'jpeg'),
  plain('json', 'json'),
  plain('md', 'text', TEXTUAL),
  plain('parquet', 'parquet'),
  plain('pdf', 'pdf'),
  plain('png', 'png'),
  plain('ps', 'postscript'),
  plain('readme', 'text', TEXTUAL),
  plain('rst', 'text', TEXTUAL),
  plain('sqlite', 'sqlite'),
  compressed('tar.gz', ['gzip'], 'tar'),
  plain('tif', 'tiff'),
  plain('tsv', 'text', TEXTUAL),
  plain('txt', 'text', TEXTUAL),
  compressed('txt.gz', ['gzip'], 'text', TEXTUAL),
  // A VOTable whose <VOTABLE> element lies beyond the sniffed head still sniffs as XML.
  plain('vot', 'votable', ['votable', 'xml']),
  plain('votable', 'votable', ['votable', 'xml']),
  plain('xml', 'xml', ['xml', 'votable']),
  // JSON is YAML 1.2, and most YAML has no marker that tells it from plain text.
  plain('yaml', 'yaml', ['yaml', 'json', 'text']),
  plain('zip', 'zip'),
  // Compression alone promises nothing about what is inside.
  // Discovery reads these as FITS too.
  plain('fit', 'fits'),
  plain('fts', 'fits'),
  compressed('fit.gz', ['gzip'], 'fits'),
  compressed('fts.gz', ['gzip'], 'fits'),
  compressed('gz', ['gzip'], 'unknown', ANYTHING),
  compressed('bz2', ['bzip2'], 'unknown', ANYTHING),
  plain('htm', 'html'),
  plain('tiff', 'tiff'),
  plain('yml', 'yaml', ['yaml', 'json', 'text']),
];

/** The listed extension to suggest for content of each format, when a name does not match it. */
export const SUGGESTED_EXTENSION: Partial<Record<FormatId, string>> = {
  fits: 'fits',
  zip: 'zip',
  png: 'png',
  jpeg: 'jpg',
  gif: 'gif',
  tiff: 'tif',
  pdf: 'pdf',
  postscript: 'ps',
  hdf5: 'h5',
  sqlite: 'sqlite',
  parquet: 'parquet',
  asdf: 'asdf',
  ecsv: 'ecsv',
  votable: 'votable',
  xml: 'xml',
  html: 'html',
  json: 'json',
  yaml: 'yaml',
  text: 'txt',
};

const promisesByExtension = new Map(EXTENSION_PROMISES.map((promise) => [promise.extension, promise]));
const MAX_EXTENSION_PARTS = Math.max(
  ...EXTENSION_PROMISES.map((promise) => promise.extension.split('.').length),
);

/**
 * What a file's name promises, from its longest known extension (`x.fits.gz` → `fits.gz`, `x.v1.gz` →
 * `gz`), case-insensitively; undefined when no extension is known, so that only the content counts.
 * Accepts a bare name or a path with `/` or `\` separators.
 */
export function promiseForName(fileName: string): ExtensionPromise | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const parts = base.toLowerCase().split('.');
  // parts[0] is the stem: a name that is only an extension (`.fits`) promises nothing.
  for (let count = Math.min(MAX_EXTENSION_PARTS, parts.length - 1); count >= 1; count--) {
    if (parts[0] === '' && count === parts.length - 1) continue;
    const promise = promisesByExtension.get(parts.slice(-count).join('.'));
    if (promise) return promise;
  }
  return undefined;
}
