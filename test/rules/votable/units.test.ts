import { describe, expect, it } from 'vitest';
import { votableUnits } from '../../../src/rules/votable/units.js';
import { runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.vot';
const withUnit = (unit: string) =>
  runContentRules([votableUnits], NAME, votable([`<FIELD name="f" datatype="double" unit="${unit}"/>`], []));

describe('votable/units', () => {
  it('passes VOUnits and FITS units, and the CDS "no unit"', async () => {
    for (const unit of ['deg', 'km/s', 'mW.m**-2', 'erg/s/cm2/Angstrom', 'mag', '---'])
      expect(await withUnit(unit), unit).toEqual([]);
  });

  it('reports a unit that does not parse as an error', async () => {
    expect(await withUnit('km / / s')).toMatchObject([
      {
        ruleId: 'votable/units',
        severity: 'error',
        message: expect.stringMatching(/^FIELD 'f' at line 6 has unit 'km \/ \/ s', which cannot be parsed/),
      },
    ]);
  });

  it('warns on an unknown unit', async () => {
    expect(await withUnit('furlong')).toMatchObject([{ severity: 'warning' }]);
  });
});
