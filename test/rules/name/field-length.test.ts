import { describe, expect, it } from 'vitest';
import { fieldLength } from '../../../src/rules/name/field-length.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/field-length', () => {
  it('passes a target of exactly 30 characters', () => {
    expect(runNameRule(fieldLength, ceersName({ target: 't'.repeat(30) }))).toEqual([]);
  });

  it('reports a target of 31 characters', () => {
    const findings = runNameRule(fieldLength, ceersName({ target: 't'.repeat(31) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/field-length', severity: 'error' });
    expect(findings[0]!.message).toBe(
      `the target field '${'t'.repeat(31)}' is 31 characters long; the limit is 30`,
    );
    expect(findings[0]!.hint).toBe('shorten it to 30 characters or fewer');
  });

  it('applies the 20-character limit to the proj-id, observatory, instrument and opt-elem', () => {
    expect(
      runNameRule(fieldLength, ceersName({ instrument: 'i'.repeat(20), optElem: 'o'.repeat(20) })),
    ).toEqual([]);
    const findings = runNameRule(
      fieldLength,
      `hlsp_${'p'.repeat(21)}_${'o'.repeat(21)}_nircam_egs_f200w_v1_i2d.fits`,
    );
    expect(findings.map((f) => f.message)).toEqual([
      `the proj-id field '${'p'.repeat(21)}' is 21 characters long; the limit is 20`,
      `the observatory field '${'o'.repeat(21)}' is 21 characters long; the limit is 20`,
    ]);
  });

  it('applies the 16-character limit to the product type and the extension', () => {
    expect(runNameRule(fieldLength, ceersName({ type: 'x'.repeat(16) }, 'e'.repeat(16)))).toEqual([]);
    const findings = runNameRule(fieldLength, ceersName({ type: 'x'.repeat(17) }, 'e'.repeat(17)));
    expect(findings.map((f) => f.message.split(' is ')[0])).toEqual([
      `the product-type field '${'x'.repeat(17)}'`,
      `the extension field '${'e'.repeat(17)}'`,
    ]);
  });

  it('applies the 9-character limit to the version', () => {
    expect(runNameRule(fieldLength, ceersName({ version: 'v1.2.3456' }))).toEqual([]);
    expect(runNameRule(fieldLength, ceersName({ version: 'v1.2.34567' }))[0]!.message).toContain(
      'the limit is 9',
    );
  });

  it('applies the 9-character version limit to a README name of five or more parts', () => {
    expect(runNameRule(fieldLength, 'hlsp_ceers_jwst_egs_v1.2.3456_readme.md')).toEqual([]);
    expect(
      runNameRule(fieldLength, 'hlsp_ceers_jwst_egs_v1.2.34567_readme.md').map((f) => f.message),
    ).toEqual(["the version field 'v1.2.34567' is 10 characters long; the limit is 9"]);
  });

  it("names an unlabelled middle field 'the field'", () => {
    expect(
      runNameRule(fieldLength, `hlsp_ceers_${'f'.repeat(21)}_v1_cat.fits`).map((f) => f.message),
    ).toEqual([`the field '${'f'.repeat(21)}' is 21 characters long; the limit is 20`]);
  });

  it('ignores names outside the HLSP template', () => {
    expect(runNameRule(fieldLength, `${'x'.repeat(200)}.fits`)).toEqual([]);
  });
});
