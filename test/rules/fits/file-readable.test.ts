import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFitsBytes } from '../../../src/fits/parser.js';
import { readFitsFileSync, readGzipFits } from '../../../src/fits/read.js';
import type { FitsFile, ReadLimits } from '../../../src/fits/types.js';
import { fileReadable } from '../../../src/rules/fits/file-readable.js';
import { demoFiles, mosaicPath } from '../../support/demo.js';
import { card, fitsFile, imageExtensionCards, int16Data, primaryCards } from '../../support/fits-builder.js';
import { fitsContext, runFitsRules } from '../../support/rule-harness.js';
import { image, imageFile } from './fits-fixtures.js';

const BROKEN = new URL('../../../fixtures/broken/', import.meta.url).pathname;
const run = (input: Uint8Array | FitsFile) =>
  runFitsRules(input instanceof Uint8Array ? input : fitsContext(input), [fileReadable]);
const withLimits = (bytes: Uint8Array, limits: Partial<ReadLimits>): FitsFile => ({
  ...parseFitsBytes(bytes, { limits }),
  compressed: false,
});

const dir = mkdtempSync(join(tmpdir(), 'file-readable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fits/file-readable', () => {
  it('reports an empty file', () => {
    expect(run(readFileSync(`${BROKEN}empty.fits`))).toEqual([
      {
        ruleId: 'fits/file-readable',
        severity: 'error',
        hdu: null,
        offset: 0,
        message: 'the file is empty',
        hint: 'the file has no bytes; write it again',
      },
    ]);
  });

  it('reports a file that does not start with a FITS header', () => {
    const findings = run(readFileSync(`${BROKEN}not-fits.fits`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/file-readable',
      severity: 'error',
      hdu: null,
      offset: 0,
    });
    expect(findings[0]!.message).toContain('does not start with a FITS header');
    expect(findings[0]!.hint).toContain("starts with the card 'SIMPLE  =                    T'");
  });

  it('reads text without a single header card as not FITS, not as a header of broken cards', () => {
    for (const text of [
      'x'.repeat(5000),
      'hello\n',
      '# README\n\nThis collection holds images.\n'.repeat(100),
    ]) {
      const findings = run(new TextEncoder().encode(text));
      expect(findings.map((f) => f.ruleId)).toEqual(['fits/file-readable']);
      expect(findings[0]!.message).toContain('does not start with a FITS header');
    }
    // A damaged header is still read as one: here SIMPLE is misspelled, the other cards are cards.
    const damaged = fitsFile([image()]);
    damaged.set(new TextEncoder().encode('SIMPEL  '), 0);
    expect(run(damaged).map((f) => f.ruleId)).not.toContain('fits/file-readable');
  });

  it('reports a data size that cannot be computed (negative NAXIS1)', () => {
    const spec = image();
    spec.cards = spec.cards.map((c) => (c.keyword === 'NAXIS1' ? card('NAXIS1', -10) : c));
    const findings = run(fitsFile([spec]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/file-readable',
        hdu: 0,
        offset: 0,
        message:
          "HDU 0's data size cannot be computed (NAXIS1 = -10 is negative); the rest of the file was not read",
        hint: 'fix BITPIX and NAXISn so that the data size can be computed',
      }),
    ]);
  });

  it('reports more HDUs than the reader walks', () => {
    const bytes = fitsFile([
      { cards: primaryCards() },
      { cards: imageExtensionCards({ axes: [2] }), data: int16Data([1, 2]) },
    ]);
    const findings = run(withLimits(bytes, { maxHdus: 1 }));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/file-readable',
        hdu: null,
        offset: 2880,
        message: 'the file has more than 1 HDUs; the rest of the file was not read',
        hint: 'split the file, or check that it is not corrupt',
      }),
    ]);
  });

  it('reports a header larger than the limit', () => {
    const bytes = imageFile(Array.from({ length: 40 }, (_, i) => card(`KEY${i}`, i)));
    const findings = run(withLimits(bytes, { maxHeaderBytes: 2880 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'fits/file-readable', hdu: 0, offset: 0 });
    expect(findings[0]!.message).toContain("HDU 0's header is larger than 2880 bytes without an END card");
    expect(findings[0]!.hint).toContain('check that it has an END card');
  });

  it('reports a file that cannot be read', () => {
    const findings = run(readFitsFileSync(join(dir, 'missing.fits')));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/file-readable',
        hdu: null,
        message: 'the file disappeared while it was being checked',
        hint: 'make the file readable and run the check again',
      }),
    ]);
  });

  it('reports a damaged gzip stream', async () => {
    const path = join(dir, 'cut.fits.gz');
    const gzip = gzipSync(imageFile());
    writeFileSync(path, gzip.subarray(0, gzip.length - 20));
    const findings = run(await readGzipFits(path));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/file-readable',
        hdu: null,
        hint: 'the compressed file is damaged; compress it again with gzip',
      }),
    ]);
  });

  it('reports a gzip file that expands beyond the limit', async () => {
    const path = join(dir, 'big.fits.gz');
    writeFileSync(path, gzipSync(imageFile()));
    const findings = run(await readGzipFits(path, { limits: { maxInflatedBytes: 2880 } }));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/file-readable',
        offset: 2880,
        message:
          'the compressed file expands to more than 2880 bytes; reading stopped there (raise the limit with --max-inflated-bytes)',
        hint: 'if the file really is this large, raise --max-inflated-bytes',
      }),
    ]);
  });

  it('leaves truncation, a missing END and trailing bytes to their own rules', () => {
    const bytes = imageFile();
    expect(run(bytes.subarray(0, 2880 + 1000))).toEqual([]);
    expect(run(fitsFile([{ ...image(), noEnd: true, data: undefined }]))).toEqual([]);
    expect(run(Buffer.concat([bytes, Buffer.from('garbage')]))).toEqual([]);
  });

  it('passes a clean file and a demo product', () => {
    expect(run(imageFile())).toEqual([]);
    expect(run(demoFiles().get(mosaicPath('f150w'))!)).toEqual([]);
  });
});
