import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checksum } from '../../../src/rules/fits/checksum.js';
import { card, fitsFile, imageExtensionCards, int16Data, primaryCards } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { imageFile, patch } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [checksum]);
const BROKEN = new URL('../../../fixtures/broken/', import.meta.url).pathname;

describe('fits/checksum', () => {
  it('passes correct CHECKSUM and DATASUM', () => {
    expect(run(imageFile([], { checksum: true }))).toEqual([]);
  });

  it('passes a CHECKSUM written with another valid encoding of the same sum', () => {
    expect(run(readFileSync(`${BROKEN}checksum-alternate-encoding.fits`))).toEqual([]);
  });

  it('passes a file without sums, and a blank DATASUM (counted as absent)', () => {
    expect(run(imageFile())).toEqual([]);
    expect(run(imageFile([card('DATASUM', '')]))).toEqual([]);
  });

  it('reports changed data against DATASUM, and CHECKSUM as not matching', () => {
    const bytes = imageFile([], { checksum: true });
    bytes[2880 + 10]! ^= 0xff;
    const findings = run(bytes);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/checksum',
      severity: 'error',
      hdu: 0,
      keyword: 'DATASUM',
    });
    expect(findings[0]!.message).toMatch(/^HDU 0's data does not match its DATASUM: the data sums to \d+/);
    expect(findings[0]!.hint).toContain('recompute them (e.g. fitscheck -w) only if the data is right');
    expect(findings[1]).toMatchObject({
      keyword: 'CHECKSUM',
      message: "HDU 0's CHECKSUM does not match the HDU",
    });
  });

  it('reports an edited header: the data is intact, CHECKSUM does not match', () => {
    const bytes = imageFile([card('OBJECT', 'M101')], { checksum: true });
    const findings = run(patch(bytes, bytes.indexOf("'M101"), "'M102"));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/checksum',
        severity: 'error',
        hdu: 0,
        keyword: 'CHECKSUM',
        message:
          "HDU 0's CHECKSUM does not match: the data is intact, so the header was modified after the checksum was written",
      }),
    ]);
  });

  it('reports a DATASUM that is not an unsigned decimal number', () => {
    const findings = run(imageFile([card('DATASUM', '-12')]));
    expect(findings).toEqual([
      expect.objectContaining({
        keyword: 'DATASUM',
        message: "DATASUM = '-12' is not an unsigned decimal number",
        hint: 'rewrite the checksums with a FITS library',
      }),
    ]);
  });

  it('reports a CHECKSUM that is not 16 characters', () => {
    const findings = run(imageFile([card('CHECKSUM', 'ABCDEFGHIJKLMNO')]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/checksum',
        keyword: 'CHECKSUM',
        message: "CHECKSUM = 'ABCDEFGHIJKLMNO' must be 16 characters",
      }),
    ]);
  });

  it('names the HDU whose sums are wrong', () => {
    const bytes = fitsFile([
      { cards: primaryCards(), checksum: true },
      { cards: imageExtensionCards({ axes: [2] }), data: int16Data([1, 2]), checksum: true },
    ]);
    bytes[2880 * 2]! ^= 0x01; // first data byte of HDU 1
    const findings = run(bytes);
    expect(findings.map((f) => [f.hdu, f.keyword])).toEqual([
      [1, 'DATASUM'],
      [1, 'CHECKSUM'],
    ]);
    expect(findings[0]!.message).toContain("HDU 1's data does not match its DATASUM");
  });

  it('leaves a truncated data unit to fits/truncated', () => {
    const bytes = imageFile([], { checksum: true });
    expect(run(bytes.subarray(0, 2880 + 1000))).toEqual([]);
  });
});
