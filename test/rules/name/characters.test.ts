import { describe, expect, it } from 'vitest';
import { instrumentsOf, knownObservatories, opticalElementsOf } from '../../../src/naming/vocabulary.js';
import { characters } from '../../../src/rules/name/characters.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/characters', () => {
  it('reports upper-case letters once, with the lower-case name as the fix', () => {
    const name = ceersName({ target: 'M31' });
    const findings = runNameRule(characters, name);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/characters', severity: 'error' });
    expect(findings[0]!.message).toContain('has upper-case letters');
    expect(findings[0]!.hint).toBe(`rename it to '${name.toLowerCase()}'`);
  });

  it('reports a character the field may not hold', () => {
    const findings = runNameRule(characters, ceersName({ optElem: 'f200w+f150w' }));
    expect(findings.map((f) => f.ruleId)).toEqual(['name/characters']);
    expect(findings[0]!.message).toBe(
      "the opt-elem field 'f200w+f150w' contains \"+\"; it may contain only lower-case letters, digits and '-'",
    );
  });

  it('reports a space', () => {
    const [finding] = runNameRule(characters, ceersName({ target: 'egs field' }));
    expect(finding!.message).toMatch(/the target field 'egs field' contains " "/);
  });

  it('reports an empty field', () => {
    const [finding] = runNameRule(characters, 'hlsp_ceers_jwst__egs_f200w_v1_i2d.fits');
    expect(finding!.ruleId).toBe('name/characters');
    expect(finding!.message).toBe("the instrument field is empty (two '_' in a row, or a trailing '_')");
  });

  it.each([
    ['-f200w', 'f200w'],
    ['f200w-', 'f200w'],
    ['clear--f200w', 'clear-f200w'],
  ])("reports the misplaced '-' in %s, with the repaired name", (optElem, repaired) => {
    const [finding] = runNameRule(characters, ceersName({ optElem }));
    expect(finding!.message).toContain("has a '-' at its start or end, or two in a row");
    expect(finding!.hint).toBe(`rename it to '${ceersName({ optElem: repaired })}'`);
  });

  it('suggests one name that repairs every defect, not only the case', () => {
    const [finding] = runNameRule(characters, 'HLSP_Other_JWST_NIRCAM_EGS_F200W_V1-0_I2D.FITS');
    expect(finding!.hint).toBe("rename it to 'hlsp_ceers_jwst_nircam_egs_f200w_v1.0_i2d.fits'");
  });

  it('names no fix it cannot make whole: a target without a letter', () => {
    const [finding] = runNameRule(characters, 'HLSP_ceers_jwst_nircam_12345_f200w_v1_i2d.fits');
    expect(finding!.hint).toBe('use lower-case letters only');
  });

  it("reports '.' outside target, version and extension", () => {
    const [finding] = runNameRule(characters, ceersName({ instrument: 'nircam.v2' }));
    expect(finding!.message).toContain('the instrument field \'nircam.v2\' contains "."');
  });

  it('passes a plain lower-case name', () => {
    expect(runNameRule(characters, ceersName())).toEqual([]);
  });

  it("passes '.', '+' and '-' in the target, and dots in version and extension", () => {
    expect(
      runNameRule(characters, ceersName({ target: 'j152447.75-p041919.8+x', version: 'v1.0' }, 'fits.gz')),
    ).toEqual([]);
  });

  it.each([
    'hlsp_ceers_egs_v1.0_readme.md',
    'hlsp_ceers_jwst_egs_v1.0_readme.md',
    'hlsp_ceers_jwst_nircam_egs_v1.0_readme.md',
  ])('passes the dotted version of the README name %s', (name) => {
    expect(runNameRule(characters, name)).toEqual([]);
  });

  it("names an unlabelled middle field 'the field', not 'the field field'", () => {
    const [finding] = runNameRule(characters, 'hlsp_ceers_eg.s_v1_cat.fits');
    expect(finding!.message).toBe(
      "the field 'eg.s' contains \".\"; it may contain only lower-case letters, digits and '-'",
    );
  });

  // The vocabularies feed name/observatory's suggestions: a listed value must be writable in a name.
  it.each(knownObservatories())('passes the listed observatory %s', (observatory) => {
    expect(runNameRule(characters, ceersName({ observatory }))).toEqual([]);
  });

  it('passes every listed instrument and optical element', () => {
    const names = [
      ...instrumentsOf().map((instrument) => ceersName({ instrument })),
      ...opticalElementsOf().map((optElem) => ceersName({ optElem })),
    ];
    expect(names.flatMap((name) => runNameRule(characters, name).map((f) => f.message))).toEqual([]);
  });

  it("reports the '.' of the retired observatory spelling magellan.clay", () => {
    const [finding] = runNameRule(characters, 'hlsp_ceers_magellan.clay_mike_egs_multi_v1_spec.fits');
    expect(finding!.message).toContain('the observatory field \'magellan.clay\' contains "."');
  });

  it('leaves names outside the HLSP template to name/hlsp-prefix', () => {
    expect(runNameRule(characters, 'My Notes.TXT')).toEqual([]);
  });
});
