import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../src/formats/registry.js';
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, sniffFormat } from '../../src/formats/sniff.js';
import * as samples from './samples.js';
import { sniffWhole } from './samples.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('sniffFormat: magic numbers', () => {
  const cases: [FormatId, string, Uint8Array][] = [
    ['fits', 'a FITS primary header', samples.fits()],
    ['gzip', 'gzip from node:zlib', samples.gzip(utf8('x'))],
    ['compress', 'Unix compress', samples.emptyCompress()],
    ['bzip2', 'bzip2', samples.emptyBzip2()],
    ['zip', 'a zip with one entry', samples.zip()],
    ['zip', 'an empty zip (end record only)', bytes(0x50, 0x4b, 5, 6, ...new Array(18).fill(0))],
    ['tar', 'a ustar archive', samples.tar()],
    ['png', 'a PNG', samples.png()],
    ['jpeg', 'a JPEG', samples.jpeg()],
    ['gif', 'a GIF89a', samples.gif()],
    ['gif', 'a GIF87a header', utf8('GIF87a\x01\x00\x01\x00')],
    ['tiff', 'a little-endian TIFF', samples.tiff()],
    ['tiff', 'a big-endian TIFF header', bytes(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8)],
    ['tiff', 'a BigTIFF header', bytes(0x49, 0x49, 0x2b, 0, 8, 0, 0, 0)],
    ['pdf', 'a PDF', samples.pdf()],
    ['postscript', 'PostScript', samples.postscript()],
    ['postscript', 'a DOS EPS header', bytes(0xc5, 0xd0, 0xd3, 0xc6, 0x20, 0, 0, 0)],
    ['hdf5', 'HDF5 at byte 0', samples.hdf5()],
    ['hdf5', 'HDF5 after a 512-byte user block', samples.hdf5(512)],
    ['hdf5', 'HDF5 after a 1024-byte user block', samples.hdf5(1024)],
    ['hdf5', 'HDF5 after a 2048-byte user block', samples.hdf5(2048)],
    ['sqlite', 'an SQLite database', samples.sqlite()],
    ['parquet', 'a Parquet file', samples.parquet()],
    ['asdf', 'ASDF', samples.asdf()],
    ['ecsv', 'ECSV', samples.ecsv()],
    ['votable', 'a VOTable with a prolog', samples.votable()],
    [
      'votable',
      'a VOTable without a prolog, after a BOM and blank lines',
      utf8('\uFEFF\n\n  <VOTABLE version="1.4">'),
    ],
    ['votable', 'a VOTable with a namespace prefix', utf8('<?xml version="1.0"?><v:VOTABLE xmlns:v="x">')],
    ['xml', 'XML', samples.xml()],
    ['xml', 'XML without a prolog', utf8('<catalog/>\n')],
    [
      'xml',
      'XML whose root is not VOTABLE, holding one',
      utf8('<?xml version="1.0"?><archive><VOTABLE/></archive>'),
    ],
    [
      'votable',
      'a VOTable after a doctype with an internal subset and a comment',
      utf8('<?xml version="1.0"?>\n<!DOCTYPE VOTABLE [<!ENTITY a "x">]>\n<!-- <catalog> -->\n<VOTABLE>'),
    ],
    ['html', 'HTML', samples.html()],
    ['html', 'HTML without a doctype', utf8('<html><body>hi</body></html>')],
    ['json', 'a JSON object', samples.json()],
    ['json', 'a JSON array after whitespace', utf8('  \n[1, 2, 3]')],
    ['yaml', 'YAML with a directive', samples.yaml()],
    ['yaml', 'YAML with a document marker', utf8('---\na: 1\n')],
    ['text', 'plain text', samples.text()],
    ['text', 'CSV', samples.csv()],
    ['text', 'a form feed and an escape are still text', utf8(`${'page one\n'.repeat(20)}\f\x1b[0m`)],
    ['non-utf8-text', 'Latin-1 text', Uint8Array.from('caf\xe9 cr\xe8me\n', (c) => c.charCodeAt(0))],
    ['empty', 'no bytes', new Uint8Array()],
    ['unknown', 'NUL bytes', new Uint8Array(64)],
    ['unknown', 'random bytes', samples.randomBytes(4096, 7)],
  ];
  it.each(cases)('%s: %s', (format, _description, file) => {
    expect(sniffWhole(file)).toEqual({ format });
  });
});

describe('sniffFormat: edge cases', () => {
  it('wants enough head for the furthest signature and enough tail for the Parquet footer', () => {
    expect(SNIFF_HEAD_BYTES).toBeGreaterThanOrEqual(2048 + 8);
    expect(SNIFF_TAIL_BYTES).toBeGreaterThanOrEqual(8);
  });

  it('reports Parquet with PAR1 only at the start as truncated', () => {
    const whole = samples.parquet();
    const cut = whole.subarray(0, whole.length - 3);
    expect(sniffWhole(cut)).toEqual({ format: 'parquet', truncated: true });
    expect(sniffWhole(whole.subarray(0, 4))).toEqual({ format: 'parquet', truncated: true });
    // `PAR1PAR1` has both markers but no room for a footer.
    expect(sniffWhole(utf8('PAR1PAR1'))).toEqual({ format: 'parquet', truncated: true });
  });

  it('judges Parquet by the head when the tail is left empty and the head holds the whole file', () => {
    const whole = samples.parquet();
    expect(sniffFormat(whole, new Uint8Array(), whole.length)).toEqual({ format: 'parquet' });
    expect(sniffFormat(whole.subarray(0, 20), new Uint8Array(), 20)).toEqual({
      format: 'parquet',
      truncated: true,
    });
  });

  it('does not call Parquet truncated when its end was not seen', () => {
    expect(sniffFormat(samples.parquet().subarray(0, 10), new Uint8Array(), 1_000_000)).toEqual({
      format: 'parquet',
    });
  });

  it('finds HDF5 after a user block only when the head reaches it', () => {
    const file = samples.hdf5(2048);
    expect(sniffFormat(file.subarray(0, 2048 + 4), new Uint8Array(), file.length).format).toBe('unknown');
  });

  it('needs the whole FITS first card to be printable ASCII', () => {
    const file = samples.fits();
    file[40] = 0x00;
    expect(sniffWhole(file).format).not.toBe('fits');
    expect(sniffWhole(utf8('SIMPLE  =                    T')).format).toBe('fits');
    expect(sniffWhole(utf8('SIMPLE = T')).format).toBe('text');
  });

  it('needs the deflate method byte after the gzip magic', () => {
    expect(sniffWhole(bytes(0x1f, 0x8b, 0x07, 0, 0, 0, 0, 0)).format).toBe('unknown');
  });

  it('needs a block-size digit after BZh', () => {
    expect(sniffWhole(utf8('BZh0 and more')).format).toBe('text');
    expect(sniffWhole(utf8('BZh')).format).toBe('text');
  });

  it('accepts a multi-byte character cut by the end of the head, but not by the end of the file', () => {
    const text = utf8(`${'a'.repeat(SNIFF_HEAD_BYTES - 1)}é and more`);
    const head = text.subarray(0, SNIFF_HEAD_BYTES);
    expect(head.at(-1)).toBe(0xc3); // the first byte of é
    expect(sniffFormat(head, text.subarray(-8), text.length).format).toBe('text');
    expect(sniffFormat(head, head.subarray(-8), head.length).format).toBe('non-utf8-text');
  });

  it('rejects overlong forms, surrogates and code points past U+10FFFF', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf8, 0x88, 0x80, 0x80],
    ]) {
      expect(sniffWhole(Uint8Array.from([...utf8('text '), ...bad, ...utf8(' text')])).format).toBe(
        'non-utf8-text',
      );
    }
    expect(sniffWhole(utf8('text 𝄞 ✓ ü text')).format).toBe('text');
  });

  it('parses JSON that fits in the head, and takes a longer one on trust', () => {
    expect(sniffWhole(utf8('{"a": ')).format).toBe('text');
    expect(sniffWhole(utf8('[section]\nkey = 1\n')).format).toBe('text');
    const long = utf8(`{"values": [${'1, '.repeat(SNIFF_HEAD_BYTES)}1]}`);
    expect(sniffWhole(long).format).toBe('json');
  });

  it('takes text that merely starts with < for text', () => {
    expect(sniffWhole(utf8('<= 5 degrees\n')).format).toBe('text');
  });

  it('treats a file of only a BOM or whitespace as text', () => {
    expect(sniffWhole(bytes(0xef, 0xbb, 0xbf)).format).toBe('text');
    expect(sniffWhole(utf8(' \n\t\n')).format).toBe('text');
  });

  it('calls a head with no bytes unknown when the file is not empty', () => {
    expect(sniffFormat(new Uint8Array(), new Uint8Array(), 10)).toEqual({ format: 'unknown' });
  });

  it('does not take text with many control characters for text', () => {
    expect(sniffWhole(utf8('a\x01b\x02c\x03d')).format).toBe('unknown');
  });
});
