/**
 * Hostile input for the reader: random mutations of valid files never make it throw, hang, or
 * allocate for sizes a file merely claims. Fixed seed and budget in CI; `npm run fuzz` runs longer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntry, type FileOutcome } from '../../src/engine/check-file.js';
import { inflateBzip2 } from '../../src/fits/bzip2.js';
import { FitsParser, parseFitsBytes } from '../../src/fits/parser.js';
import { heap } from '../../src/rules/fits/heap.js';
import { tileCompression } from '../../src/rules/fits/tile-compression.js';
import { tileData } from '../../src/rules/fits/tile-data.js';
import { builtinRules } from '../../src/rules/index.js';
import { tarArchive, zipArchive } from '../support/archive-builder.js';
import { checkArchiveBytes } from '../support/check-archive.js';
import {
  binaryTableCards,
  type CardSpec,
  card,
  fitsFile,
  float32Data,
  imageExtensionCards,
  int16Data,
  primaryCards,
} from '../support/fits-builder.js';
import { fitsContext, runFitsRules } from '../support/rule-harness.js';
import { compressImageHdu } from '../support/tile-compress.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

function base(): Buffer {
  const table = Buffer.alloc(3 * 16);
  for (let row = 0; row < 3; row++) {
    table.writeInt32BE(2, row * 16);
    table.writeInt32BE(row * 8, row * 16 + 4);
    table.writeDoubleBE(row, row * 16 + 8);
  }
  const heap = Buffer.alloc(24, 1);
  return fitsFile([
    { cards: primaryCards(), checksum: true },
    { cards: imageExtensionCards({ axes: [8, 8] }), data: int16Data(new Array(64).fill(3)), checksum: true },
    {
      cards: [
        ...binaryTableCards(
          [
            { name: 'V', format: '1PJ(2)' },
            { name: 'X', format: 'D' },
          ],
          3,
          16,
          { pcount: 24 },
        ),
      ],
      data: Buffer.concat([table, heap]),
      checksum: true,
    },
  ]);
}

const VALID = base();

/** Compressed images of each path the reader decodes: RICE_1 integers, gzipped and quantized floats. */
function compressedBase(): Buffer {
  const values = Array.from({ length: 12 * 5 }, (_, i) => ((i * 37) % 91) - 45);
  const image = (bitpix: 16 | -32) => ({
    cards: imageExtensionCards({ bitpix, axes: [12, 5] }),
    data: bitpix === 16 ? int16Data(values) : float32Data(values.map((v) => v / 4)),
    checksum: true,
  });
  return fitsFile([
    { cards: primaryCards(), checksum: true },
    compressImageHdu(image(16), { algorithm: 'RICE_1' }),
    compressImageHdu(image(-32), { algorithm: 'GZIP_2' }),
    compressImageHdu(image(-32), { algorithm: 'RICE_1', scale: 0.25 }),
  ]);
}

const COMPRESSED = compressedBase();
/** Bytes after the primary HDU: where flips reach the Z keywords, the tables and the heaps. */
const COMPRESSED_START = 2880;
const TILE_RULES = [heap, tileCompression, tileData];

/** Reads and judges a damaged compressed file within the time bound; rules must not throw either. */
function judgeBounded(bytes: Uint8Array): void {
  const file = parseBounded(bytes);
  runFitsRules(fitsContext({ ...file, compressed: false }), TILE_RULES);
}

/** Parses with a time bound; a hang would show up as a slow property failure. */
function parseBounded(bytes: Uint8Array) {
  const started = process.hrtime.bigint();
  const result = parseFitsBytes(bytes);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  expect(ms).toBeLessThan(2000);
  return result;
}

describe('reader fuzzing (fixed seed)', () => {
  it('survives random byte flips', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(VALID.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (flips) => {
          const bytes = Buffer.from(VALID);
          for (const [at, value] of flips) bytes[at] = value;
          const file = parseBounded(bytes);
          expect(file.size).toBe(bytes.length);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('survives truncation at every block boundary and in between', () => {
    // A file cut exactly between two HDUs is still a valid FITS file; anywhere else is damage.
    const hduStarts = new Set(parseFitsBytes(VALID).hdus.map((hdu) => hdu.headerOffset));
    for (let end = 0; end <= VALID.length; end += 2880) {
      const file = parseBounded(VALID.subarray(0, end));
      if (end < VALID.length && !hduStarts.has(end))
        expect(file.problems.length, `cut at ${end}`).toBeGreaterThan(0);
    }
    fc.assert(
      fc.property(fc.nat(VALID.length), (end) => {
        parseBounded(VALID.subarray(0, end));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('survives arbitrary chunking of arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 9000 }), fc.integer({ min: 1, max: 3000 }), (bytes, chunk) => {
        const parser = new FitsParser();
        for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
        parser.end();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('does not allocate for huge NAXISn, PCOUNT or GCOUNT claims', () => {
    for (const cards of [
      primaryCards({ bitpix: -64, axes: [999_999_999, 999_999_999, 999_999_999] }),
      [...imageExtensionCards({ axes: [10] }).filter((c) => c.keyword !== 'PCOUNT'), card('PCOUNT', 2 ** 52)],
      [...imageExtensionCards({ axes: [10] }).filter((c) => c.keyword !== 'GCOUNT'), card('GCOUNT', -5)],
    ]) {
      const before = process.memoryUsage().arrayBuffers;
      const file = parseBounded(fitsFile([{ cards: primaryCards() }, { cards }]));
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
      expect(file.problems.length + (file.hdus.at(-1)?.dataBytesRead === 0 ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('survives random byte flips in compressed images: Z keywords, tables and heaps', () => {
    expect(runFitsRules(fitsContext(COMPRESSED), TILE_RULES)).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: COMPRESSED_START, max: COMPRESSED.length - 1 }),
            fc.integer({ min: 0, max: 255 }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (flips) => {
          const bytes = Buffer.from(COMPRESSED);
          for (const [at, value] of flips) bytes[at] = value;
          judgeBounded(bytes);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('survives hostile values in the keywords that size the tiles', () => {
    const keywords = [
      'ZNAXIS1',
      'ZNAXIS2',
      'ZTILE1',
      'ZTILE2',
      'ZBITPIX',
      'ZVAL1',
      'ZVAL2',
      'NAXIS2',
      'ZNAXIS',
    ];
    const values = fc.oneof(
      fc.integer({ min: -3, max: 100 }),
      fc.constantFrom(0, 2 ** 31 - 1, 2 ** 53, 100_000_000),
      fc.constant("'RICE_1'"),
    );
    const text = COMPRESSED.toString('latin1');
    fc.assert(
      fc.property(fc.constantFrom(...keywords), values, fc.nat(2), (keyword, value, nth) => {
        const bytes = Buffer.from(COMPRESSED);
        let at = -1;
        for (let i = 0; i <= nth; i++) at = text.indexOf(`${keyword.padEnd(8)}= `, at + 1);
        if (at < 0) return;
        bytes.write(`${keyword.padEnd(8)}= ${String(value).padStart(20)}`.padEnd(80), at, 'latin1');
        const before = process.memoryUsage().arrayBuffers;
        judgeBounded(bytes);
        expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1024 * 1024 * 1024);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('walks 10,000 HDUs and stops at the limit with a problem', () => {
    const hdu = fitsFile([{ cards: imageExtensionCards() }]);
    const bytes = Buffer.concat([fitsFile([{ cards: primaryCards() }]), ...new Array(10_000).fill(hdu)]);
    const file = parseBounded(bytes);
    expect(file.hdus.length).toBe(10_000);
    expect(file.problems.map((p) => p.code)).toEqual(['too-many-hdus']);
  });

  it('stops a 100 MB header at the header limit without keeping it', () => {
    const parser = new FitsParser();
    const block = Buffer.alloc(2880, 0x20);
    block.write('COMMENT   filler', 0, 'latin1');
    parser.push(fitsFile([{ cards: primaryCards(), noEnd: true }]));
    const before = process.memoryUsage().rss;
    for (let i = 0; i < (100 * 1024 * 1024) / 2880; i++) parser.push(block);
    const file = parser.end();
    expect(file.problems.map((p) => p.code)).toContain('header-too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  });
});

/** Every FITS rule, through the engine, on one file (as a run gets it, bounds included). */
const work = mkdtempSync(join(tmpdir(), 'hlsp-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let written = 0;
async function findingsOf(bytes: Buffer): Promise<FileOutcome['findings']> {
  const name = `hlsp_fuzz_jwst_nircam_field${written++}_f200w_v1.0_i2d.fits`;
  const absolute = join(work, name);
  writeFileSync(absolute, bytes);
  const outcome = await checkEntry(
    { absolute, path: name, kind: 'fits', isDirectory: false },
    {
      settings: { project: 'fuzz' },
      config: {},
      nameRules: [],
      fileRules: [],
      contentRules: [],
      fitsRules: builtinRules.fits,
      profilesFor: () => ['common', 'image', 'jwst'],
      hash: false,
      recordHeaders: false,
      recordFootprints: false,
    },
  );
  rmSync(absolute);
  return outcome.findings;
}

/** Bytes of text per rule: what a reviewer has to read. */
function bytesByRule(findings: FileOutcome['findings']): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const finding of findings)
    bytes.set(
      finding.ruleId,
      (bytes.get(finding.ruleId) ?? 0) + finding.message.length + (finding.hint?.length ?? 0),
    );
  return bytes;
}

const total = (bytes: Map<string, number>) => [...bytes.values()].reduce((a, b) => a + b, 0);

/** A header of the keyword families whose values say how many other keywords there are. */
const countingHeader = fc.record({
  naxis: fc.integer({ min: 0, max: 999 }),
  axesGiven: fc.integer({ min: 0, max: 999 }),
  wcsaxes: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
  wcs: fc.array(
    fc.tuple(
      fc.constantFrom('CTYPE', 'CRPIX', 'CDELT', 'CUNIT', 'CD', 'PC'),
      fc.integer({ min: 1, max: 999 }),
      fc.integer({ min: 1, max: 999 }),
    ),
    { maxLength: 200 },
  ),
  tfields: fc.integer({ min: 0, max: 999 }),
  columns: fc.array(
    fc.tuple(
      fc.integer({ min: 1, max: 999 }),
      fc.constantFrom('D', '999E', '1PJ(999)', 'X', '0A'),
      fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 8 }),
    ),
    { maxLength: 100 },
  ),
});

interface CountingHeader {
  naxis: number;
  axesGiven: number;
  wcsaxes?: number | undefined;
  wcs: [string, number, number][];
  tfields: number;
  columns: [number, string, number[]][];
}

function countingFile(header: CountingHeader): Buffer {
  const primary: CardSpec[] = [card('SIMPLE', true), card('BITPIX', 8), card('NAXIS', header.naxis)];
  for (let i = 1; i <= header.axesGiven; i++) primary.push(card(`NAXIS${i}`, 1));
  if (header.wcsaxes !== undefined) primary.push(card('WCSAXES', header.wcsaxes));
  for (const [family, i, j] of header.wcs) {
    const keyword = family === 'CD' || family === 'PC' ? `${family}${i}_${j}` : `${family}${i}`;
    // Keywords longer than 8 characters cannot be written; they are not what this test is about.
    if (keyword.length > 8) continue;
    primary.push(card(keyword, family === 'CTYPE' || family === 'CUNIT' ? 'RA---TAN' : 1.5));
  }
  const table: CardSpec[] = [
    card('XTENSION', 'BINTABLE'),
    card('BITPIX', 8),
    card('NAXIS', 2),
    card('NAXIS1', 8),
    card('NAXIS2', 1),
    card('PCOUNT', 0),
    card('GCOUNT', 1),
    card('TFIELDS', header.tfields),
  ];
  for (const [n, tform, dims] of header.columns) {
    table.push(card(`TFORM${n}`, tform));
    if (dims.length > 0) table.push(card(`TDIM${n}`, `(${dims.join(',')})`.slice(0, 60)));
  }
  return fitsFile([{ cards: primary }, { cards: table, data: new Uint8Array(8) }]);
}

describe('findings stay bounded whatever a header claims (fixed seed)', () => {
  it('gives NAXIS = 999 with WCSAXES = 999 and its keyword families less than 200 KB of findings', async () => {
    const file = countingFile({
      naxis: 999,
      axesGiven: 1,
      wcsaxes: 999,
      wcs: Array.from({ length: 999 }, (_, i) => ['CTYPE', i + 1, i + 1] as [string, number, number]).concat(
        Array.from({ length: 99 }, (_, i) => ['CD', i + 1, 99 - i] as [string, number, number]),
        Array.from({ length: 99 }, (_, i) => ['PC', 99 - i, i + 1] as [string, number, number]),
      ),
      tfields: 999,
      columns: Array.from(
        { length: 999 },
        (_, i) => [i + 1, 'X', [999, 999, 999]] as [number, string, number[]],
      ),
    });
    const bytes = bytesByRule(await findingsOf(file));
    expect(total(bytes)).toBeLessThan(200_000);
  });

  it('no rule writes more the larger the counts a header claims', async () => {
    const samples = fc.sample(countingHeader, { numRuns: Math.min(RUNS, 60), seed: SEED });
    const small = bytesByRule(
      await findingsOf(
        countingFile({ naxis: 2, axesGiven: 0, wcsaxes: 2, wcs: [], tfields: 2, columns: [] }),
      ),
    );
    for (const header of samples) {
      const bytes = bytesByRule(await findingsOf(countingFile(header)));
      // Each rule: what it says of a small header, plus at most a bounded list per HDU.
      for (const [rule, size] of bytes)
        expect(
          size,
          `${rule} on ${JSON.stringify({ ...header, wcs: header.wcs.length, columns: header.columns.length })}`,
        ).toBeLessThan((small.get(rule) ?? 0) + 40_000);
      expect(total(bytes)).toBeLessThan(200_000);
    }
  }, 120_000);
});

/** Decompresses with a time bound and a small cap; damage must come back as an outcome, not a throw. */
function inflateBounded(bytes: Uint8Array) {
  const started = process.hrtime.bigint();
  let at = 0;
  const outcome = inflateBzip2(
    () => {
      if (at >= bytes.length) return undefined;
      at += 997;
      return bytes.subarray(at - 997, at);
    },
    () => {},
    64 * 1024 * 1024,
  );
  expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  return outcome;
}

describe('bzip2 and archive fuzzing (fixed seed)', () => {
  const BZIP2 = readFileSync(new URL('./samples/image.fits.bz2', import.meta.url));

  it('bzip2: survives random byte flips and cuts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(BZIP2.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.nat(BZIP2.length),
        (flips, end) => {
          const bytes = Buffer.from(BZIP2);
          for (const [at, value] of flips) bytes[at] = value;
          inflateBounded(bytes.subarray(0, end));
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('bzip2: survives arbitrary bytes after the magic number', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const outcome = inflateBounded(Buffer.concat([Buffer.from('BZh9'), bytes]));
        expect(outcome.inflated).toBeLessThanOrEqual(64 * 1024 * 1024);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  /** Archives are walked through the engine, members and all: findings, never an exception or a hang. */
  const archiveProperty = (name: string, valid: Buffer) =>
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
      fc.nat(valid.length),
      async (flips, end) => {
        const bytes = Buffer.from(valid);
        for (const [at, value] of flips) bytes[at] = value;
        const started = Date.now();
        const { entry } = await checkArchiveBytes(name, bytes.subarray(0, end), {
          limits: { maxInflatedBytes: 64 * 1024 * 1024 },
        });
        expect(entry.path).toBe(`bundle/${name}`);
        expect(Date.now() - started).toBeLessThan(5000);
      },
    );

  it('zip, tar and tar.gz: survive random byte flips and cuts', async () => {
    const members = [
      { name: 'dir/image.fits', data: VALID },
      { name: 'notes.txt', data: Buffer.from('plain text\n') },
    ];
    const zip = zipArchive(members);
    const tar = await tarArchive(members);
    const runs = Math.max(1, Math.round(RUNS / 3));
    await fc.assert(archiveProperty('fuzz.zip', zip), { numRuns: runs, seed: SEED });
    await fc.assert(archiveProperty('fuzz.tar', tar), { numRuns: runs, seed: SEED });
    await fc.assert(archiveProperty('fuzz.tar.gz', gzipSync(tar)), { numRuns: runs, seed: SEED });
  });
});
