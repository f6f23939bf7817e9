import { describe, expect, it } from 'vitest';
import { compareFormat } from '../../src/formats/compare.js';
import { sniffInsideGzip } from '../../src/formats/inside.js';
import { SNIFF_HEAD_BYTES } from '../../src/formats/sniff.js';
import * as samples from './samples.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffInsideGzip', () => {
  it('sniffs what a whole gzip file holds', () => {
    const file = samples.gzip(samples.fits());
    expect(sniffInsideGzip(file, file.length)).toEqual({ format: 'fits' });
    const parquet = samples.gzip(samples.parquet());
    expect(sniffInsideGzip(parquet, parquet.length)).toEqual({ format: 'parquet' });
    const nothing = samples.gzip(new Uint8Array());
    expect(sniffInsideGzip(nothing, nothing.length)).toEqual({ format: 'empty' });
  });

  it('sniffs the start of a gzip file longer than its head', () => {
    const file = samples.gzip(samples.randomBytes(100_000, 3));
    expect(file.length).toBeGreaterThan(SNIFF_HEAD_BYTES);
    expect(sniffInsideGzip(file.subarray(0, SNIFF_HEAD_BYTES), file.length)).toEqual({ format: 'unknown' });
    // Text whose head ends inside a multi-byte character is still text.
    const text = samples.gzip(utf8('µJy '.repeat(200_000)));
    expect(sniffInsideGzip(text.subarray(0, SNIFF_HEAD_BYTES), text.length)).toEqual({ format: 'text' });
  });

  it('lets compareFormat catch a compressed name holding the wrong content', () => {
    const file = samples.gzip(samples.png());
    const inner = sniffInsideGzip(file, file.length);
    expect(compareFormat('cat.csv.gz', samples.sniffWhole(file), inner).verdict).toBe('disagrees');
    const good = samples.gzip(samples.tar());
    expect(
      compareFormat('a.tar.gz', samples.sniffWhole(good), sniffInsideGzip(good, good.length)).verdict,
    ).toBe('agrees');
  });

  it('answers undefined for content that is not gzip or does not inflate', () => {
    expect(sniffInsideGzip(samples.png(), 100)).toBeUndefined();
    const corrupt = samples.gzip(samples.fits());
    corrupt.fill(0xff, 10, 40);
    expect(sniffInsideGzip(corrupt, corrupt.length)).toBeUndefined();
    expect(sniffInsideGzip(Uint8Array.of(0x1f, 0x8b), 2)).toBeUndefined();
  });
});
