import { describe, expect, it } from 'vitest';
import { ecsvUnits } from '../../../src/rules/ecsv/units.js';
import { ecsv, runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.ecsv';
const withUnit = (unit: string) =>
  runContentRules(
    [ecsvUnits],
    NAME,
    ecsv(['datatype:', `- {name: f, datatype: float64, unit: '${unit}'}`], ['f', '1']),
  );

describe('ecsv/units', () => {
  it('passes units of the FITS and VOUnits grammars, as astropy writes them', async () => {
    for (const unit of ['deg', 'uJy', 'erg / (Angstrom s cm2)', 'mag', 'km.s**-1', 'erg/s/cm2/Angstrom'])
      expect(await withUnit(unit), unit).toEqual([]);
  });

  it('reports a unit that does not parse as an error', async () => {
    const findings = await withUnit('erg / / s');
    expect(findings).toMatchObject([{ ruleId: 'ecsv/units', severity: 'error' }]);
    expect(findings[0]!.message).toMatch(/^column 'f' has unit 'erg \/ \/ s', which cannot be parsed: /);
  });

  it('warns on an unknown unit', async () => {
    expect(await withUnit('furlong')).toMatchObject([{ severity: 'warning' }]);
  });
});
