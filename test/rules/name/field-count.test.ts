import { describe, expect, it } from 'vitest';
import { fieldCount } from '../../../src/rules/name/field-count.js';
import { runNameRule } from './run-name-rule.js';

describe('name/field-count', () => {
  it('reports fewer than 4 fields', () => {
    const findings = runNameRule(fieldCount, 'hlsp_ceers.fits');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/field-count', severity: 'error' });
    expect(findings[0]!.message).toBe('the name has 3 fields; it must have 4 to 9');
  });

  it('reports more than 9 fields', () => {
    const [finding] = runNameRule(fieldCount, 'hlsp_ceers_a_b_c_d_e_f_v1_img.fits');
    expect(finding!.message).toBe('the name has 11 fields; it must have 4 to 9');
  });

  it('reports exactly 10 fields (nine parts and the extension)', () => {
    const [finding] = runNameRule(fieldCount, 'hlsp_ceers_a_b_c_d_e_v1_img.fits');
    expect(finding!.message).toBe('the name has 10 fields; it must have 4 to 9');
  });

  it('passes exactly 9 fields (the full template)', () => {
    expect(runNameRule(fieldCount, 'hlsp_ceers_jwst_nircam_egs_f200w_v1_i2d.fits')).toEqual([]);
  });

  it('passes exactly 4 fields for a README', () => {
    expect(runNameRule(fieldCount, 'hlsp_ceers_readme.md')).toEqual([]);
    expect(runNameRule(fieldCount, 'hlsp_ceers_manifest.csv')).toEqual([]);
  });

  it('reports a 4-field product name that has no version', () => {
    const [finding] = runNameRule(fieldCount, 'hlsp_ceers_img.fits');
    expect(finding!.message).toContain('has no version field');
    expect(finding!.hint).toContain('_v1.0_');
  });

  it('passes a 5-field name with a version', () => {
    expect(runNameRule(fieldCount, 'hlsp_ceers_v1_img.fits')).toEqual([]);
  });

  it('reports a name without extension', () => {
    const findings = runNameRule(fieldCount, 'hlsp_ceers_jwst_nircam_egs_f200w_v1_i2d');
    expect(findings.map((f) => f.message)).toEqual([
      "'hlsp_ceers_jwst_nircam_egs_f200w_v1_i2d' has no extension",
    ]);
    expect(findings[0]!.hint).toBe('add the file type, e.g. .fits');
  });

  it('ignores names outside the HLSP template', () => {
    expect(runNameRule(fieldCount, 'notes')).toEqual([]);
  });
});
