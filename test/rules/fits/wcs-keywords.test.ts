import { describe, expect, it } from 'vitest';
import { wcsKeywords } from '../../../src/rules/fits/wcs-keywords.js';
import { demoFiles, mosaicPath } from '../../support/demo.js';
import { type CardSpec, card, rawCard } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { imageFile, tableFile } from './fits-fixtures.js';

/** Runs the rule on the 2-axis primary image with these extra cards. */
const run = (...extra: CardSpec[]) => runFitsRules(imageFile(extra), [wcsKeywords]);

const TAN: CardSpec[] = [
  card('WCSAXES', 2),
  card('CTYPE1', 'RA---TAN'),
  card('CTYPE2', 'DEC--TAN'),
  card('CUNIT1', 'deg'),
  card('CRPIX1', 5.5),
  card('CRVAL1', 110.8),
];

describe('fits/wcs-keywords', () => {
  it('passes a CD-matrix WCS, a PC+CDELT WCS, alternate WCS letters and undefined values', () => {
    expect(run(...TAN, card('CD1_1', -8.3e-6), card('CD2_2', 8.3e-6), card('RADESYS', 'ICRS'))).toEqual([]);
    expect(run(...TAN, card('PC1_1', 1.0), card('CDELT1', -8.3e-6), card('RADESYS', 'FK5'))).toEqual([]);
    expect(run(...TAN, card('CRPIX1A', 1.0), card('CTYPE2A', 'DEC--TAN'), rawCard('CRVAL2  ='))).toEqual([]);
    expect(runFitsRules(demoFiles().get(mosaicPath('f150w'))!, [wcsKeywords])).toEqual([]);
  });

  it('reports a numeric WCS keyword written as a string', () => {
    const findings = run(card('CRPIX1', '5.5'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/wcs-keywords',
      severity: 'error',
      hdu: 0,
      keyword: 'CRPIX1',
      hint: 'write the value without quotes',
    });
    expect(findings[0]!.message).toContain("CRPIX1 must be a number, found '5.5");
  });

  it('reports a text WCS keyword that is not quoted', () => {
    expect(run(card('CTYPE1', 5))).toEqual([
      expect.objectContaining({
        ruleId: 'fits/wcs-keywords',
        keyword: 'CTYPE1',
        message: 'CTYPE1 must be a quoted string, found 5',
        hint: "quote the value, e.g. 'RA---TAN'",
      }),
    ]);
  });

  it('reports an axis beyond WCSAXES', () => {
    expect(run(card('WCSAXES', 2), card('CRPIX3', 1.0))).toEqual([
      expect.objectContaining({
        ruleId: 'fits/wcs-keywords',
        severity: 'error',
        keyword: 'CRPIX3',
        message: 'CRPIX3 is for axis 3, but WCSAXES = 2',
      }),
    ]);
    expect(run(card('WCSAXES', 3), card('CRPIX3', 1.0))).toEqual([]);
  });

  it('warns about an axis beyond NAXIS without WCSAXES, in images only', () => {
    expect(run(card('CTYPE3', 'WAVE'))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        keyword: 'CTYPE3',
        message: 'CTYPE3 is for axis 3, but NAXIS = 2 and there is no WCSAXES',
        hint: 'add WCSAXES before the other WCS keywords',
      }),
    ]);
    expect(run(card('CTYPE2', 'DEC--TAN'))).toEqual([]);
    const table = tableFile([{ name: 'A', format: 'J' }], 1, 4, [card('CTYPE3', 'WAVE')]);
    expect(runFitsRules(table, [wcsKeywords])).toEqual([]);
  });

  it('reports PCi_j together with CDi_j, pointing at the CD card', () => {
    expect(run(card('PC1_1', 1.0), card('CD1_1', 1.0), card('CD2_2', 1.0))).toEqual([
      expect.objectContaining({
        ruleId: 'fits/wcs-keywords',
        severity: 'error',
        keyword: 'CD1_1',
        message: 'PC1_1 and CD1_1 are both given; use either the CD matrix or PC with CDELT',
      }),
    ]);
  });

  it('reports PCi_j together with CROTAi', () => {
    expect(run(card('PC1_1', 1.0), card('CROTA2', 30.0))).toEqual([
      expect.objectContaining({
        keyword: 'CROTA2',
        message: 'PC1_1 and CROTA2 are both given',
        hint: 'remove CROTAi; the PC matrix already holds the rotation',
      }),
    ]);
    expect(run(card('CDELT1', 1.0), card('CROTA2', 30.0))).toEqual([]);
  });

  it('warns about an unknown RADESYS frame', () => {
    expect(run(card('RADESYS', 'J2000'))).toEqual([
      expect.objectContaining({
        ruleId: 'fits/wcs-keywords',
        severity: 'warning',
        keyword: 'RADESYS',
        message: "RADESYS = 'J2000' is not one of ICRS, FK5, FK4, FK4-NO-E, GAPPT",
        hint: "use 'ICRS' for modern data",
      }),
    ]);
  });

  it('reports WCSAXES after other WCS keywords', () => {
    expect(run(card('CRPIX1', 5.5), card('WCSAXES', 2))).toEqual([
      expect.objectContaining({
        ruleId: 'fits/wcs-keywords',
        severity: 'error',
        keyword: 'WCSAXES',
        offset: 7 * 80,
        message: 'WCSAXES must come before the other WCS keywords (CRPIX1 is earlier)',
        hint: 'move WCSAXES up',
      }),
    ]);
  });
});
