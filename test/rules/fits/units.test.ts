import { describe, expect, it } from 'vitest';
import { MAX_UNIT_FINDINGS_PER_HDU, units } from '../../../src/rules/fits/units.js';
import {
  binaryTableCards,
  type CardSpec,
  card,
  fitsFile,
  primaryCards,
  simpleImageFile,
} from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';

function imageWith(...extra: CardSpec[]) {
  return runFitsRules(simpleImageFile(extra), [units]);
}

/** A primary HDU and a binary table whose columns carry the given units. */
function tableWith(unitsByColumn: string[], extra: CardSpec[] = []) {
  const columns = unitsByColumn.map((unit, i) => ({ name: `C${i + 1}`, format: 'D', unit }));
  const cards = [...binaryTableCards(columns, 1, 8 * columns.length), ...extra];
  return runFitsRules(
    fitsFile([{ cards: primaryCards() }, { cards, data: new Uint8Array(8 * columns.length) }]),
    [units],
  );
}

describe('fits/units', () => {
  it('passes standard units in BUNIT, TUNITn and CUNITia', () => {
    expect(imageWith(card('BUNIT', 'MJy/sr'), card('CUNIT1', 'deg'), card('CUNIT2A', 'arcsec'))).toEqual([]);
    expect(tableWith(['erg/s/cm2/Angstrom', 'Jy/beam', 'log(solMass)', 'km s-1'])).toEqual([]);
  });

  it('passes an empty BUNIT: whether a unit is required is another rule’s business', () => {
    expect(imageWith(card('BUNIT', ''))).toEqual([]);
  });

  it('reports an unparsable BUNIT as an error with the keyword, HDU, offset and column', () => {
    const findings = imageWith(card('BUNIT', 'e-/s'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/units',
      severity: 'error',
      hdu: 0,
      keyword: 'BUNIT',
      offset: 80 * 6, // after SIMPLE, BITPIX, NAXIS, NAXIS1, NAXIS2, EXTEND
    });
    expect(findings[0]!.message).toContain("BUNIT = 'e-/s' is not a FITS unit string: '-' after 'e'");
    expect(findings[0]!.message).toContain('at column 2');
  });

  it('reports an unparsable TUNITn and CUNITia', () => {
    const table = tableWith(['m/s', 'erg/(s']);
    expect(table).toHaveLength(1);
    expect(table[0]).toMatchObject({ severity: 'error', hdu: 1, keyword: 'TUNIT2' });
    const wcs = imageWith(card('CUNIT1B', 'deg)'));
    expect(wcs).toMatchObject([{ severity: 'error', keyword: 'CUNIT1B' }]);
  });

  it('warns about an unknown unit, and passes the known one', () => {
    const findings = imageWith(card('BUNIT', 'electron/s'));
    expect(findings).toMatchObject([{ severity: 'warning', keyword: 'BUNIT', hdu: 0 }]);
    expect(findings[0]!.message).toContain("'electron' is not a unit of FITS 4.0 Tables 3–5");
    expect(imageWith(card('BUNIT', 'ct/s'))).toEqual([]);
  });

  it('warns about a non-standard spelling with the standard form in the hint', () => {
    const findings = imageWith(card('BUNIT', 'ergs/s/cm2/ANGSTROM'));
    expect(findings).toMatchObject([
      { severity: 'warning', keyword: 'BUNIT', hint: "write 'erg/s/cm2/Angstrom'" },
    ]);
    expect(findings[0]!.message).toContain("'ergs' (standard: 'erg')");
    expect(imageWith(card('CUNIT1', 'DEGREES'))).toMatchObject([{ hint: "write 'deg'" }]);
    expect(imageWith(card('CUNIT1', 'deg'))).toEqual([]);
  });

  it("accepts 'pixel' (FITS Table 4) but flags 'pixels'", () => {
    expect(imageWith(card('BUNIT', 'pixel'))).toEqual([]);
    expect(imageWith(card('BUNIT', 'pixels'))).toMatchObject([{ hint: "write 'pixel'" }]);
  });

  it('reports a unit keyword that is not a string', () => {
    const findings = imageWith(card('BUNIT', 1));
    expect(findings).toMatchObject([{ severity: 'error', keyword: 'BUNIT' }]);
    expect(findings[0]!.message).toContain('must be a quoted unit string');
  });

  it('leaves other keywords and undefined values alone', () => {
    expect(imageWith(card('OBJECT', 'e-/s'), card('TUNITX', 'e-/s'), card('BUNIT', null))).toEqual([]);
  });

  it(`stops at ${MAX_UNIT_FINDINGS_PER_HDU} findings per HDU and says how many more`, () => {
    const findings = tableWith(Array.from({ length: 30 }, () => 'e-/s'));
    expect(findings).toHaveLength(MAX_UNIT_FINDINGS_PER_HDU + 1);
    expect(findings.at(-1)).toMatchObject({ hdu: 1, message: 'and 10 more unit problems in this HDU' });
    expect(tableWith(Array.from({ length: MAX_UNIT_FINDINGS_PER_HDU }, () => 'e-/s'))).toHaveLength(
      MAX_UNIT_FINDINGS_PER_HDU,
    );
  });

  it('counts the limit per HDU, not per file', () => {
    const bad = Array.from({ length: 25 }, (_, i) => card(`CUNIT${i + 1}`, 'e-'));
    const findings = runFitsRules(
      fitsFile([
        { cards: [...primaryCards(), ...bad] },
        {
          cards: [...binaryTableCards([{ name: 'A', format: 'D', unit: 'e-' }], 1, 8)],
          data: new Uint8Array(8),
        },
      ]),
      [units],
    );
    expect(findings.filter((f) => f.hdu === 0)).toHaveLength(MAX_UNIT_FINDINGS_PER_HDU + 1);
    expect(findings.filter((f) => f.hdu === 1)).toHaveLength(1);
  });
});
