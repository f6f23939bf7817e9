import { describe, expect, it } from 'vitest';
import { buildManifest, parseCsv, readManifest } from '../../src/manifest/manifest.js';
import type { FileRecord } from '../../src/types.js';

const record = (path: string, extra: Partial<FileRecord> = {}): FileRecord => ({
  path,
  kind: 'fits',
  size: 2880,
  sha256: 'ab'.repeat(32),
  header: {},
  provenance: [],
  ...extra,
});

describe('manifest', () => {
  it('writes one row per file with filters, dates and source ids, quoting as CSV needs', () => {
    const csv = buildManifest([
      record('images/hlsp_x_jwst_nircam_t_multi_v1_i2d.fits', {
        header: {
          FILTER: 'MULTI',
          FILTER01: 'F200W',
          FILTER02: 'F444W',
          HLSPTARG: 'a, b',
          'MJD-BEG': 1,
          'MJD-END': 2,
        },
        provenance: ['jw1', 'jw1', 'jw2'],
      }),
      record('images', { isDirectory: true }),
      record('hlsp_x_manifest.csv', { kind: 'manifest' }),
    ]);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      'path',
      'size',
      'sha256',
      'product_type',
      'target',
      'filters',
      'date_beg',
      'date_end',
      'source_ids',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'images/hlsp_x_jwst_nircam_t_multi_v1_i2d.fits',
        '2880',
        'ab'.repeat(32),
        'i2d',
        'a, b',
        'F200W;F444W',
        '1',
        '2',
        'jw1;jw2',
      ],
    ]);
  });

  it('reads back what it writes', () => {
    const csv = buildManifest([record('a.fits'), record('b "quoted".fits')]);
    expect(readManifest(csv).rows.map((row) => [row.path, row.size, row.line])).toEqual([
      ['a.fits', 2880, 2],
      ['b "quoted".fits', 2880, 3],
    ]);
  });

  it('says what is wrong with a manifest without a path column', () => {
    expect(readManifest('name,size\na,1\n').error).toMatch(/'path' column/);
  });

  it('parses CRLF, quoted commas and escaped quotes', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n1,2,3\r\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['1', '2', '3'],
    ]);
  });
});
