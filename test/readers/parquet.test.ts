/**
 * The Parquet reader on real files from the test writer: metadata as keywords, and bad input
 * (random bytes, truncation at every tenth, hostile sizes) as one clear problem, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FOOTER_BYTES } from '../../src/readers/parquet.js';
import { keywordFor, typedValue } from '../../src/readers/parquet-keywords.js';
import { readParquetBytes, sampleBytes } from '../support/parquet-harness.js';
import { chunkMeta, i32, i64, type ThriftStruct } from '../support/parquet-writer.js';

const codes = async (bytes: Uint8Array) => (await readParquetBytes(bytes)).problems.map((p) => p.code);

/** A deterministic byte generator (the fixtures and tests must not depend on Math.random). */
function randomBytes(length: number, seed: number): Buffer {
  let state = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('parquet reader: metadata', () => {
  it('gives key/value pairs as keywords, typed as the HLSP profiles ask, with the CCSP keys mapped', async () => {
    const content = await readParquetBytes(
      sampleBytes({
        keyValue: {
          hlspid: 'test',
          'ccsp.name': 'A test collection',
          'ccsp.investigator': 'Ada Example',
          'ccsp.doi': '10.17909/demo-0001',
          file_version: 'v1.0',
          file_date: '2026-11-01',
          license: 'CC BY 4.0',
          license_url: 'https://creativecommons.org/licenses/by/4.0/',
          XPOSURE: '7537.5',
          'MJD-BEG': 'soon',
          PROPOSID: '2736',
          pandas: '{"columns": []}',
          'a long key': 'not a keyword',
          table_meta_yaml:
            'datatype:\n- {name: ra, unit: deg}\nmeta: !!omap\n- {TELESCOP: JWST}\n- {XPOSURE: 1.0}\n',
        },
      }),
    );
    expect(Object.fromEntries(content.metadata!)).toEqual({
      HLSPID: 'test',
      HLSPNAME: 'A test collection',
      HLSPLEAD: 'Ada Example',
      DOI: '10.17909/demo-0001',
      HLSPVER: 'v1.0',
      DATE: '2026-11-01',
      LICENSE: 'CC BY 4.0',
      LICENURL: 'https://creativecommons.org/licenses/by/4.0/',
      XPOSURE: 7537.5,
      // Not a number: left as text for the profile rule to judge.
      'MJD-BEG': 'soon',
      // The profile asks for a string: stays one.
      PROPOSID: '2736',
      TELESCOP: 'JWST',
    });
    expect(content.table?.columns[0]).toEqual({ name: 'ra', datatype: 'DOUBLE', unit: 'deg' });
    expect(content.table?.rows).toBe(6);
    expect(content.problems).toEqual([]);
  });

  it('maps keys and types values by rule', () => {
    expect(keywordFor('ccsp.DOI')).toBe('DOI');
    expect(keywordFor('hlspver')).toBe('HLSPVER');
    expect(keywordFor('ARROW:schema')).toBeUndefined();
    expect(keywordFor('geo')).toBeUndefined();
    expect(typedValue('XPOSURE', '1.5D3')).toBe(1500);
    expect(typedValue('XPOSURE', 'long')).toBe('long');
    expect(typedValue('HLSPVER', '1')).toBe('1');
  });
});

describe('parquet reader: bad input gives one clear problem, never a throw', () => {
  it('random bytes behind PAR1 and before it', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const body = randomBytes(200 + seed * 37, seed);
      const bytes = Buffer.concat([Buffer.from('PAR1'), body, Buffer.from('PAR1')]);
      const found = await codes(bytes);
      expect(found.length, `seed ${seed}`).toBeGreaterThan(0);
      expect(await codes(randomBytes(300, seed))).toEqual(['magic']);
    }
  });

  it('truncation at every tenth of the file', async () => {
    const bytes = sampleBytes();
    for (let tenth = 0; tenth < 10; tenth++) {
      const cut = bytes.subarray(0, Math.floor((bytes.length * tenth) / 10));
      const found = await codes(cut);
      expect(found, `cut at ${tenth}/10`).toHaveLength(1);
      expect(['footer-length', 'magic-end']).toContain(found[0]);
    }
  });

  it('a footer claiming 2 GB, or more than the cap inside a big file, is refused before it is read', async () => {
    const bytes = Buffer.from(sampleBytes());
    bytes.writeUInt32LE(2 ** 31, bytes.length - 8);
    const before = process.memoryUsage().arrayBuffers;
    expect(await codes(bytes)).toEqual(['footer-length']);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    expect(MAX_FOOTER_BYTES).toBe(64 * 1024 * 1024);
  });

  it('offsets past the end, row counts that disagree and a page claiming 2 GB each give one problem', async () => {
    const pastEnd = sampleBytes({
      editFooter: (footer) => {
        chunkMeta(footer, 0, 1).set(11, i64(2n ** 40n));
      },
    });
    expect(await codes(pastEnd)).toEqual(['offset']);
    const rows = sampleBytes({
      editFooter: (footer) => {
        footer.rowGroups[0]!.numRows = 1n;
        footer.numRows = 5n;
      },
    });
    expect(await codes(rows)).toEqual(['row-count']);
  });

  it('a page header claiming 2 GB of bytes or 2^31 values is refused before hyparquet allocates for it', async () => {
    const hostile = (edit: (header: ThriftStruct) => void) =>
      sampleBytes({
        codec: 'GZIP',
        editPage: (header, where) => {
          if (where.rowGroup === 1 && where.column === 'ra' && where.page === 0) edit(header);
        },
      });
    const bytes = hostile((header) => header.set(2, i32(2 ** 31 - 1)));
    const before = process.memoryUsage().arrayBuffers;
    expect(await codes(bytes)).toEqual(['cap']);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    const values = hostile((header) => {
      const data = header.get(5)!;
      if (data.t === 'struct') data.v.set(1, i32(2 ** 31 - 1));
    });
    expect(await codes(values)).toEqual(['cap']);
    // Uncompressed, a page cannot hold more bytes than it stores.
    const impossible = sampleBytes({
      editPage: (header, where) => {
        if (where.rowGroup === 0 && where.column === 'id' && where.page === 0)
          header.set(2, i32(2 ** 31 - 1));
      },
    });
    expect(await codes(impossible)).toEqual(['page']);
  });
});
