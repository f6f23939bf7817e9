/**
 * Minimal valid files of every format the sniffer knows, built byte by byte (or with node:zlib) so the
 * tests need nothing installed on the machine.
 */
import { deflateSync, gzipSync } from 'node:zlib';
import {
  SNIFF_HEAD_BYTES,
  SNIFF_TAIL_BYTES,
  type SniffResult,
  sniffFormat,
} from '../../src/formats/sniff.js';
import { simpleImageFile } from '../support/fits-builder.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (character) => character.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let value = byte;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

/** CRC-32 as PNG chunks and zip entries use it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function u16le(value: number): Uint8Array {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(value);
  return bytes;
}

function u32le(value: number): Uint8Array {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

function u32be(value: number): Uint8Array {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/** A 1×1 grey PNG: signature, IHDR, one zlib-compressed IDAT scanline, IEND. */
export function png(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) =>
    concat(u32be(data.length), latin1(type), data, u32be(crc32(concat(latin1(type), data))));
  const header = concat(u32be(1), u32be(1), Uint8Array.of(8, 0, 0, 0, 0)); // 8-bit greyscale
  const scanline = Uint8Array.of(0, 0x80); // filter byte 0, one grey pixel
  return concat(
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanline)),
    chunk('IEND', new Uint8Array()),
  );
}

/** A JPEG's framing: start of image, a JFIF APP0 segment, end of image (no scan to decode). */
export function jpeg(): Uint8Array {
  const jfif = concat(latin1('JFIF\0'), Uint8Array.of(1, 2, 0, 0, 1, 0, 1, 0, 0));
  return concat(
    Uint8Array.of(0xff, 0xd8, 0xff, 0xe0),
    Buffer.from([0, jfif.length + 2]),
    jfif,
    Uint8Array.of(0xff, 0xd9),
  );
}

/** A 1×1 GIF89a: two-colour table, one LZW-coded pixel (codes clear, 0, end in 3 bits each). */
export function gif(): Uint8Array {
  return concat(
    latin1('GIF89a'),
    Uint8Array.of(1, 0, 1, 0, 0x80, 0, 0), // 1×1 screen, global colour table of 2 entries
    Uint8Array.of(0, 0, 0, 0xff, 0xff, 0xff),
    Uint8Array.of(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0), // image descriptor
    Uint8Array.of(2, 2, 0x44, 0x01, 0), // minimum code size 2, one 2-byte block, terminator
    Uint8Array.of(0x3b),
  );
}

/** A 1×1 8-bit greyscale TIFF, little-endian, one uncompressed strip. */
export function tiff(): Uint8Array {
  const entries: [tag: number, type: number, value: number][] = [
    [256, 3, 1], // ImageWidth
    [257, 3, 1], // ImageLength
    [258, 3, 8], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 1], // PhotometricInterpretation: black is zero
    [273, 4, 0], // StripOffsets: patched below
    [278, 3, 1], // RowsPerStrip
    [279, 4, 1], // StripByteCounts
  ];
  const ifdOffset = 8;
  const pixelOffset = ifdOffset + 2 + entries.length * 12 + 4;
  const ifd = entries.map(([tag, type, value]) =>
    concat(u16le(tag), u16le(type), u32le(1), u32le(tag === 273 ? pixelOffset : value)),
  );
  return concat(
    latin1('II*\0'),
    u32le(ifdOffset),
    u16le(entries.length),
    ...ifd,
    u32le(0),
    Uint8Array.of(0x80),
  );
}

/** A one-page PDF with a correct cross-reference table. */
export function pdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(body);
}

export function postscript(): Uint8Array {
  return utf8('%!PS-Adobe-3.0\n%%Pages: 1\nnewpath 10 10 moveto 60 60 lineto stroke\nshowpage\n%%EOF\n');
}

const HDF5_SIGNATURE = Uint8Array.of(0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * The start of an HDF5 file: the signature and a version-0 superblock's version bytes, after
 * `userBlock` bytes. Not a whole file (that needs object headers); the sniffer reads only this far.
 */
export function hdf5(userBlock = 0): Uint8Array {
  return concat(
    new Uint8Array(userBlock),
    HDF5_SIGNATURE,
    Uint8Array.of(0, 0, 0, 0, 0, 8, 8, 0),
    new Uint8Array(88),
  );
}

/** An empty SQLite database: the 100-byte header and page 1 as an empty table b-tree leaf. */
export function sqlite(): Uint8Array {
  const pageSize = 512;
  const page = Buffer.alloc(pageSize);
  page.write('SQLite format 3\0', 0, 'latin1');
  page.writeUInt16BE(pageSize, 16);
  page[18] = 1; // write format: legacy
  page[19] = 1; // read format: legacy
  page[21] = 64; // maximum embedded payload fraction
  page[22] = 32; // minimum embedded payload fraction
  page[23] = 32; // leaf payload fraction
  page.writeUInt32BE(1, 24); // change counter
  page.writeUInt32BE(1, 28); // pages in the database
  page.writeUInt32BE(4, 44); // schema format
  page.writeUInt32BE(1, 56); // text encoding: UTF-8
  page.writeUInt32BE(1, 92); // version-valid-for, equal to the change counter
  page.writeUInt32BE(3045000, 96);
  page[100] = 0x0d; // table b-tree leaf with no cells
  page.writeUInt16BE(pageSize, 105); // cell content starts at the end of the page
  return Uint8Array.from(page);
}

/**
 * An empty Parquet file: `PAR1`, a FileMetaData in Thrift compact encoding (version 1, a schema of
 * only the root, 0 rows, no row groups), its length, `PAR1`.
 */
export function parquet(): Uint8Array {
  const metadata = concat(
    Uint8Array.of(0x15, 0x02), // 1: version = 1 (i32, zigzag)
    Uint8Array.of(0x19, 0x1c), // 2: schema = list of 1 struct
    Uint8Array.of(0x48, 6),
    latin1('schema'), //   4: name
    Uint8Array.of(0x15, 0x00), //   5: num_children = 0
    Uint8Array.of(0x00), //   end of SchemaElement
    Uint8Array.of(0x16, 0x00), // 3: num_rows = 0 (i64)
    Uint8Array.of(0x19, 0x0c), // 4: row_groups = empty list of struct
    Uint8Array.of(0x00), // end of FileMetaData
  );
  return concat(latin1('PAR1'), metadata, u32le(metadata.length), latin1('PAR1'));
}

export function asdf(): Uint8Array {
  return utf8(
    '#ASDF 1.0.0\n#ASDF_STANDARD 1.5.0\n%YAML 1.1\n%TAG ! tag:stsci.edu:asdf/\n--- !core/asdf-1.1.0\ndata: 42\n...\n',
  );
}

export function ecsv(): Uint8Array {
  return utf8(
    '# %ECSV 1.0\n# ---\n# datatype:\n# - {name: wavelength, unit: um, datatype: float64}\n# - {name: flux, datatype: float64}\n# schema: astropy-2.0\nwavelength flux\n1.5 2.0e-17\n',
  );
}

export function votable(): Uint8Array {
  return utf8(
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- written by a test -->\n<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">\n<RESOURCE><TABLE><FIELD name="ra" datatype="double"/><DATA><TABLEDATA><TR><TD>1.0</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE>\n</VOTABLE>\n',
  );
}

export function xml(): Uint8Array {
  return utf8('<?xml version="1.0"?>\n<catalog><entry id="1">M31</entry></catalog>\n');
}

export function html(): Uint8Array {
  return utf8(
    '<!DOCTYPE html>\n<html lang="en"><head><title>Preview</title></head><body><p>HLSP</p></body></html>\n',
  );
}

export function json(): Uint8Array {
  return utf8('{\n  "target": "M31",\n  "filters": ["F200W", "F444W"]\n}\n');
}

export function yaml(): Uint8Array {
  return utf8('%YAML 1.2\n---\ntarget: M31\nfilters: [F200W, F444W]\n');
}

export function text(): Uint8Array {
  return utf8('HLSP read-me\n\nAll fluxes are in µJy; wavelengths in µm — see the paper.\n');
}

export function csv(): Uint8Array {
  return utf8('ra,dec,flux\n10.68,41.27,1.5e-17\n');
}

export function tsv(): Uint8Array {
  return utf8('ra\tdec\tflux\n10.68\t41.27\t1.5e-17\n');
}

export function markdown(): Uint8Array {
  return utf8('# HLSP NIRDEMO\n\n* **Target**: SMACS 0723\n');
}

export function restructuredText(): Uint8Array {
  return utf8('HLSP NIRDEMO\n============\n\n.. note:: Fluxes are in µJy.\n');
}

export function fits(): Uint8Array {
  return Uint8Array.from(simpleImageFile());
}

export function gzip(content: Uint8Array): Uint8Array {
  return Uint8Array.from(gzipSync(content));
}

/** bzip2's encoding of no data: the stream header, end-of-stream magic and a zero CRC. */
export function emptyBzip2(): Uint8Array {
  return concat(latin1('BZh9'), Uint8Array.of(0x17, 0x72, 0x45, 0x38, 0x50, 0x90, 0, 0, 0, 0));
}

/** Unix compress's encoding of no data: magic and a header byte (16-bit codes, block mode). */
export function emptyCompress(): Uint8Array {
  return Uint8Array.of(0x1f, 0x9d, 0x90);
}

/** A ustar archive holding one file, with a correct header checksum and the two closing blocks. */
export function tar(name = 'readme.txt', content = utf8('hello\n')): Uint8Array {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'latin1');
  header.write('0000644\0', 100, 'latin1'); // mode
  header.write('0000000\0', 108, 'latin1'); // uid
  header.write('0000000\0', 116, 'latin1'); // gid
  header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1'); // mtime
  header.write('        ', 148, 'latin1'); // checksum counts as spaces while it is summed
  header.write('0', 156, 'latin1'); // regular file
  header.write('ustar\0', 257, 'latin1');
  header.write('00', 263, 'latin1');
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const padded = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  padded.set(content);
  return concat(header, padded, new Uint8Array(1024));
}

/** A zip archive with one stored (uncompressed) entry: local header, data, central directory, end. */
export function zip(name = 'readme.txt', content = utf8('hello\n')): Uint8Array {
  const fileName = latin1(name);
  const crc = crc32(content);
  // version needed, flags, method (stored), time, date, crc, sizes, name length, extra length
  const common = concat(
    u16le(10),
    u16le(0),
    u16le(0),
    u16le(0),
    u16le(0x21),
    u32le(crc),
    u32le(content.length),
    u32le(content.length),
    u16le(fileName.length),
    u16le(0),
  );
  const local = concat(latin1('PK\x03\x04'), common, fileName, content);
  // version made by, common fields, comment length, disk, internal and external attributes, offset
  const central = concat(
    latin1('PK\x01\x02'),
    u16le(20),
    common,
    u16le(0),
    u16le(0),
    u16le(0),
    u32le(0),
    u32le(0),
    fileName,
  );
  const end = concat(
    latin1('PK\x05\x06'),
    u16le(0),
    u16le(0),
    u16le(1),
    u16le(1),
    u32le(central.length),
    u32le(local.length),
    u16le(0),
  );
  return concat(local, central, end);
}

/** Bytes from a fixed-seed generator (mulberry32), the same on every run. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let index = 0; index < length; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    bytes[index] = ((mixed ^ (mixed >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

/** A minimal valid file for every extension of schemas/vocabularies/extensions.json. */
export function exampleFor(extension: string): Uint8Array | undefined {
  const examples: Record<string, () => Uint8Array> = {
    asdf,
    csv,
    'csv.gz': () => gzip(csv()),
    dat: () => utf8('  1.0  2.0\n  3.0  4.0\n'),
    db: sqlite,
    ecsv,
    'ecsv.gz': () => gzip(ecsv()),
    fits,
    'fits.bz2': emptyBzip2,
    // fpack output starts as an ordinary FITS file (its primary HDU).
    'fits.fz': fits,
    'fits.gz': () => gzip(fits()),
    'fits.z': emptyCompress,
    gif,
    h5: () => hdf5(),
    hdf5: () => hdf5(),
    html,
    jpeg,
    jpg: jpeg,
    json,
    md: markdown,
    parquet,
    pdf,
    png,
    ps: postscript,
    readme: text,
    rst: restructuredText,
    sqlite,
    'tar.gz': () => gzip(tar()),
    tif: tiff,
    tsv,
    txt: text,
    'txt.gz': () => gzip(text()),
    votable,
    xml,
    yaml,
    zip: () => zip(),
  };
  return examples[extension]?.();
}

/** Sniffs a whole file as a caller reading its ends would: head and tail cut to the wanted lengths. */
export function sniffWhole(file: Uint8Array): SniffResult {
  return sniffFormat(
    file.subarray(0, SNIFF_HEAD_BYTES),
    file.subarray(Math.max(0, file.length - SNIFF_TAIL_BYTES)),
    file.length,
  );
}
