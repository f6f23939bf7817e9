import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareFormat } from '../../src/formats/compare.js';
import { EXTENSION_PROMISES, FORMATS, promiseForName } from '../../src/formats/registry.js';
import * as samples from './samples.js';
import { sniffWhole } from './samples.js';

const vocabulary: string[] = JSON.parse(
  readFileSync(new URL('../../schemas/vocabularies/extensions.json', import.meta.url), 'utf8'),
).extensions;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function compareFile(name: string, file: Uint8Array) {
  return compareFormat(name, sniffWhole(file));
}

describe('the registry', () => {
  it('has a promise for every extension of schemas/vocabularies/extensions.json', () => {
    for (const extension of vocabulary) {
      expect(promiseForName(`hlsp_x_y_z_t_f_v1_cat.${extension}`)?.extension, extension).toBe(extension);
    }
  });

  it('promises only formats it knows, each with a label', () => {
    const ids = new Set(FORMATS.map((info) => info.id));
    for (const promise of EXTENSION_PROMISES) {
      for (const id of [promise.inner, ...promise.containers, ...promise.accepts]) expect(ids).toContain(id);
    }
    for (const info of FORMATS) expect(info.label).not.toBe('');
  });

  it('matches the longest extension, case-insensitively, in a name or a path', () => {
    expect(promiseForName('a.fits.gz')?.extension).toBe('fits.gz');
    expect(promiseForName('A.FITS.GZ')?.extension).toBe('fits.gz');
    expect(promiseForName('dir/sub\\a.v1.0.Fits')?.extension).toBe('fits');
    expect(promiseForName('archive.tar.gz')?.extension).toBe('tar.gz');
    expect(promiseForName('mystery.gz')?.extension).toBe('gz');
    expect(promiseForName('image.fits.Z')?.containers).toEqual(['compress', 'gzip']);
  });

  it('has no promise for unknown extensions, names without one, or a bare extension', () => {
    expect(promiseForName('data.xyz')).toBeUndefined();
    expect(promiseForName('README')).toBeUndefined();
    expect(promiseForName('.fits')).toBeUndefined();
    expect(promiseForName('dir.fits/file')).toBeUndefined();
  });

  it('models compressed names as a compression around an inner format', () => {
    expect(promiseForName('a.fits.gz')).toMatchObject({ containers: ['gzip'], inner: 'fits' });
    expect(promiseForName('a.fits.bz2')).toMatchObject({ containers: ['bzip2'], inner: 'fits' });
    expect(promiseForName('a.tar.gz')).toMatchObject({ containers: ['gzip'], inner: 'tar' });
    expect(promiseForName('a.csv.gz')).toMatchObject({ containers: ['gzip'], inner: 'text' });
    expect(promiseForName('a.fits.fz')).toMatchObject({ containers: [], inner: 'fits' });
  });
});

describe('every listed extension', () => {
  const noise = samples.randomBytes(4096, 20261124);

  it('random bytes with a fixed seed sniff as unknown', () => {
    expect(sniffWhole(noise)).toEqual({ format: 'unknown' });
  });

  it.each(vocabulary)('.%s: random bytes disagree', (extension) => {
    const comparison = compareFile(`x.${extension}`, noise);
    expect(comparison.verdict).toBe('disagrees');
    expect(comparison.message).toBe(`named .${extension}, but it holds data of no recognised format`);
  });

  it.each(vocabulary)('.%s: a minimal valid file agrees', (extension) => {
    const example = samples.exampleFor(extension);
    expect(example, `no example for .${extension}`).toBeDefined();
    const comparison = compareFile(`x.${extension}`, example!);
    expect(comparison).toMatchObject({ verdict: 'agrees' });
    expect(comparison.message).toBeUndefined();
  });

  it.each(vocabulary)('.%s: an empty file is empty', (extension) => {
    expect(compareFile(`x.${extension}`, new Uint8Array())).toMatchObject({
      verdict: 'empty',
      message: `named .${extension}, but it is empty`,
    });
  });
});

describe('compareFormat', () => {
  it('names both the promise and the content', () => {
    expect(compareFile('hlsp_x_v1_img.fits', samples.png())).toMatchObject({
      verdict: 'disagrees',
      message: 'named .fits, but it holds a PNG image',
      suggestedExtension: 'png',
    });
  });

  it('quotes the extension as the name spells it', () => {
    expect(compareFile('IMG.PNG', samples.fits()).message).toBe('named .PNG, but it holds FITS data');
  });

  it('is lenient where one text format holds another', () => {
    expect(compareFile('cat.csv', samples.ecsv()).verdict).toBe('agrees');
    expect(compareFile('cat.txt', samples.ecsv()).verdict).toBe('agrees');
    expect(compareFile('meta.txt', samples.json()).verdict).toBe('agrees');
    expect(compareFile('meta.txt', samples.yaml()).verdict).toBe('agrees');
    expect(compareFile('meta.txt', samples.votable()).verdict).toBe('agrees');
    expect(compareFile('readme.md', utf8('<p align="center">logo</p>\n')).verdict).toBe('agrees');
    expect(compareFile('cat.xml', samples.votable()).verdict).toBe('agrees');
    expect(compareFile('cat.votable', samples.xml()).verdict).toBe('agrees');
    expect(compareFile('conf.yaml', utf8('target: M31\n')).verdict).toBe('agrees');
    expect(compareFile('conf.yaml', samples.json()).verdict).toBe('agrees');
  });

  it('holds the specific text formats to their promise', () => {
    expect(compareFile('meta.json', utf8('target: M31\n'))).toMatchObject({
      verdict: 'disagrees',
      message: 'named .json, but it holds plain text',
    });
    expect(compareFile('cat.ecsv', samples.csv()).message).toBe('named .ecsv, but it holds plain text');
    expect(compareFile('cat.votable', samples.json()).verdict).toBe('disagrees');
    expect(compareFile('conf.yaml', samples.xml()).verdict).toBe('disagrees');
  });

  it('flags text that is not UTF-8 in a text file', () => {
    const latin1 = Uint8Array.from('flux in \xb5Jy\n', (c) => c.charCodeAt(0));
    expect(compareFile('readme.txt', latin1)).toMatchObject({
      verdict: 'disagrees',
      message: 'named .txt, but it holds text that is not UTF-8 (an 8-bit encoding such as Latin-1)',
    });
  });

  it('accepts both Unix compress and gzip under .fits.Z', () => {
    expect(compareFile('a.fits.Z', samples.emptyCompress()).verdict).toBe('agrees');
    expect(compareFile('a.fits.z', samples.gzip(samples.fits())).verdict).toBe('agrees');
    expect(compareFile('a.fits.Z', samples.emptyBzip2()).verdict).toBe('disagrees');
  });

  it('wants FITS, not a compression, under .fits.fz', () => {
    expect(compareFile('a.fits.fz', samples.gzip(samples.fits()))).toMatchObject({
      verdict: 'disagrees',
      message: 'named .fits.fz, but it holds gzip-compressed data',
    });
  });

  it('suggests adding the compression to a plain name that holds compressed content', () => {
    expect(compareFile('a.fits', samples.gzip(samples.fits()))).toMatchObject({
      verdict: 'disagrees',
      message: 'named .fits, but it holds gzip-compressed data',
      suggestedExtension: 'fits.gz',
    });
    expect(compareFile('a.fits', samples.emptyBzip2()).suggestedExtension).toBe('fits.bz2');
    expect(compareFile('a.fits', samples.emptyCompress()).suggestedExtension).toBe('fits.z');
    expect(compareFile('a.txt', samples.gzip(samples.text())).suggestedExtension).toBe('txt.gz');
    expect(compareFile('a.png', samples.gzip(samples.png())).suggestedExtension).toBeUndefined();
  });

  it('says when a compressed name holds its content uncompressed', () => {
    expect(compareFile('a.fits.gz', samples.fits())).toMatchObject({
      verdict: 'disagrees',
      message: 'named .fits.gz, but it holds FITS data that is not compressed',
      suggestedExtension: 'fits',
    });
    expect(compareFile('a.tar.gz', samples.tar())).toMatchObject({
      verdict: 'disagrees',
      message: 'named .tar.gz, but it holds a tar archive that is not compressed',
    });
    expect(compareFile('a.tar.gz', samples.tar()).suggestedExtension).toBeUndefined();
  });

  it('judges what a compressed file holds when the caller sniffed it', () => {
    const found = sniffWhole(samples.gzip(samples.png()));
    expect(compareFormat('a.csv.gz', found, sniffWhole(samples.png()))).toMatchObject({
      verdict: 'disagrees',
      message: 'named .csv.gz, but it holds gzip-compressed data of a PNG image',
    });
    expect(compareFormat('a.csv.gz', found, sniffWhole(samples.csv())).verdict).toBe('agrees');
    expect(compareFormat('a.fits.gz', found, { format: 'empty' })).toMatchObject({
      verdict: 'empty',
      message: 'named .fits.gz, but it holds gzip-compressed data of an empty file',
    });
    expect(compareFormat('a.gz', found, sniffWhole(samples.png())).verdict).toBe('agrees');
  });

  it('reports truncated Parquet distinctly', () => {
    const whole = samples.parquet();
    const cut = whole.subarray(0, whole.length - 4);
    expect(compareFile('t.parquet', cut)).toMatchObject({
      verdict: 'truncated',
      message:
        'named .parquet and it starts as Parquet data, but the PAR1 that must end the file is missing: the file is truncated',
    });
    expect(compareFile('t.fits', cut)).toMatchObject({
      verdict: 'disagrees',
      message: 'named .fits, but it holds Parquet data cut short (truncated)',
    });
    expect(compareFile('t.fits', cut).suggestedExtension).toBeUndefined();
  });

  it('makes no promise for an unknown extension: only the content counts', () => {
    expect(compareFile('notes.xyz', samples.randomBytes(100, 1))).toEqual({
      verdict: 'unpromised',
      promise: undefined,
      found: { format: 'unknown' },
    });
  });
});
