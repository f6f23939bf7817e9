import { describe, expect, it } from 'vitest';
import { columnUnits } from '../../../src/rules/hlsp/column-units.js';
import { SPECTRUM_PATH, setCard } from '../../support/demo.js';
import { binaryTableCards, primaryCards } from '../../support/fits-builder.js';
import { data } from '../../support/keyword-corpus.js';
import { asciiTableCards } from '../fits/fits-fixtures.js';
import { runOnDemo, runOnHdus } from './run-hlsp-rule.js';

/** A one-row binary table of 8-byte columns (D or K). */
function table(columns: { name: string; format: 'D' | 'K'; unit?: string }[]) {
  return [
    { cards: primaryCards() },
    { cards: binaryTableCards(columns, 1, 8 * columns.length), data: new Uint8Array(8 * columns.length) },
  ];
}

describe('hlsp/column-units', () => {
  it('reports a physical column without TUNITn, as a warning', () => {
    const findings = runOnDemo(columnUnits, SPECTRUM_PATH, (h) => setCard(data(h), 'TUNIT2', null));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/column-units',
      severity: 'warning',
      hdu: 1,
      keyword: 'TUNIT2',
    });
    expect(findings[0]!.message).toBe('column 2 (FLUX) has no unit');
    expect(findings[0]!.hint).toContain("add TUNIT2 (e.g. 'deg'");
  });

  it('reports a blank TUNITn as missing', () => {
    const findings = runOnHdus(columnUnits, table([{ name: 'MAG', format: 'D', unit: ' ' }]));
    expect(findings.map((f) => f.message)).toEqual(['column 1 (MAG) has no unit']);
  });

  it('passes the demo spectrum, whose FLAGS column needs no unit', () => {
    expect(runOnDemo(columnUnits, SPECTRUM_PATH)).toEqual([]);
  });

  it('passes integer columns and unitless names (flags, ids) without units', () => {
    const hdus = table([
      { name: 'NPIX_GOOD', format: 'K' },
      { name: 'SOURCE_ID', format: 'D' },
      { name: 'QUALITY', format: 'D' },
      { name: 'RA', format: 'D', unit: 'deg' },
    ]);
    expect(runOnHdus(columnUnits, hdus)).toEqual([]);
  });

  it.each(['I', 'J', 'K'])('passes a binary-table integer column (%s) without a unit', (format) => {
    const hdus = [
      { cards: primaryCards() },
      { cards: binaryTableCards([{ name: 'NEPOCHS', format }], 1, 8), data: new Uint8Array(8) },
    ];
    expect(runOnHdus(columnUnits, hdus)).toEqual([]);
  });

  it('passes an ASCII-table integer column (Iw) without a unit, and reports a float column', () => {
    const columns = [
      { name: 'NEPOCHS', format: 'I6', tbcol: 1 },
      { name: 'MAG', format: 'F8.3', tbcol: 7 },
    ];
    const hdus = [
      { cards: primaryCards() },
      { cards: asciiTableCards(columns, 1, 14), data: new TextEncoder().encode('     3  21.500') },
    ];
    expect(runOnHdus(columnUnits, hdus).map((f) => f.message)).toEqual(['column 2 (MAG) has no unit']);
  });
});
