import { describe, expect, it } from 'vitest';
import { lightcurveColumns } from '../../../src/rules/hlsp/lightcurve-columns.js';
import { binaryTableCards, type ColumnSpec, primaryCards } from '../../support/fits-builder.js';
import { runOnHdus } from './run-hlsp-rule.js';

const LC = 'hlsp_nirdemo_tess_photometer_tic12345_tess_v1_lc.fits';

/** A one-row light-curve table of double columns. */
function lightCurve(names: string[]) {
  const columns: ColumnSpec[] = names.map((name) => ({ name, format: 'D', unit: 'd' }));
  return [
    { cards: primaryCards() },
    {
      cards: binaryTableCards(columns, 1, 8 * columns.length, { extname: 'LIGHTCURVE' }),
      data: new Uint8Array(8 * columns.length),
    },
  ];
}

describe('hlsp/lightcurve-columns', () => {
  it('reports a light curve without a TIME column', () => {
    const findings = runOnHdus(lightcurveColumns, lightCurve(['BJD', 'FLUX']), { name: LC });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/lightcurve-columns',
      severity: 'error',
      hdu: 1,
      keyword: null,
    });
    expect(findings[0]!.message).toBe('the lightcurve table has no TIME column');
    expect(findings[0]!.hint).toBe('name the columns TIME, FLUX (with units in TUNITn)');
  });

  it('reports both missing columns at once', () => {
    const findings = runOnHdus(lightcurveColumns, lightCurve(['BJD', 'SAP_FLUX']), { name: LC });
    expect(findings.map((f) => f.message)).toEqual(['the lightcurve table has no TIME or FLUX column']);
  });

  it('passes a light curve with TIME and FLUX (in any case)', () => {
    expect(runOnHdus(lightcurveColumns, lightCurve(['time', 'flux', 'FLUX_ERR']), { name: LC })).toEqual([]);
  });

  it('checks only light curves', () => {
    const name = 'hlsp_nirdemo_tess_photometer_tic12345_tess_v1_x1d.fits';
    expect(runOnHdus(lightcurveColumns, lightCurve(['BJD']), { name })).toEqual([]);
  });
});
