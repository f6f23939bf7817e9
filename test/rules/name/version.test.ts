import { describe, expect, it } from 'vitest';
import { version } from '../../../src/rules/name/version.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/version', () => {
  it('reports a hyphenated version and suggests the dotted form', () => {
    const findings = runNameRule(version, ceersName({ version: 'v1-1' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/version', severity: 'error' });
    expect(findings[0]!.message).toBe("the version field 'v1-1' is not a valid version");
    expect(findings[0]!.hint).toBe('write v1.1 (or v1p1), not v1-1');
  });

  it("suggests adding the leading 'v'", () => {
    expect(runNameRule(version, ceersName({ version: '1.2' }))[0]!.hint).toBe('write v1.2 (or v1p2)');
  });

  it.each(['dr1', 'V1', 'v', 'v1.', 'v1.2.3.4', 'v1.2.2a', 'v1.0.1234'])('reports %s', (value) => {
    const [finding] = runNameRule(version, ceersName({ version: value }));
    expect(finding!.ruleId).toBe('name/version');
    expect(finding!.message).toContain(`'${value}' is not a valid version`);
  });

  it('gives the generic advice when no fix fits the pattern', () => {
    expect(runNameRule(version, ceersName({ version: 'dr1' }))[0]!.hint).toBe('write it as v1, v1.1 or v1p1');
  });

  it.each(['v1', 'v01', 'v100', 'v1.0', 'v1.1.2', 'v1p0p1', 'v12.34.56', 'v1.0.123'])(
    'passes %s',
    (value) => {
      expect(runNameRule(version, ceersName({ version: value }))).toEqual([]);
    },
  );

  it('passes the version third from last in a short name', () => {
    expect(runNameRule(version, 'hlsp_ceers_egs_v1.0_img.fits')).toEqual([]);
    expect(runNameRule(version, 'hlsp_ceers_egs_dr1_img.fits')[0]!.message).toContain("'dr1'");
  });

  it('lets a short README name go without a version', () => {
    expect(runNameRule(version, 'hlsp_ceers_readme.md')).toEqual([]);
    expect(runNameRule(version, 'hlsp_ceers_egs_readme.md')).toEqual([]);
  });

  it('lets any README name go without a version, as real collections deliver them', () => {
    expect(runNameRule(version, 'hlsp_ceers_jwst_anything_readme.txt')).toEqual([]);
    expect(runNameRule(version, 'hlsp_ceers_jwst_nircam_egs_multi_all_readme.txt')).toEqual([]);
  });

  it('still judges a README version that looks like one', () => {
    expect(runNameRule(version, 'hlsp_ceers_jwst_egs_v1-1_readme.md').map((f) => f.message)).toEqual([
      "the version field 'v1-1' is not a valid version",
    ]);
  });

  it('leaves names too short for a version to name/field-count', () => {
    expect(runNameRule(version, 'hlsp_ceers_img.fits')).toEqual([]);
  });
});
