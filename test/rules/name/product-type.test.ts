import { describe, expect, it } from 'vitest';
import { productType } from '../../../src/rules/name/product-type.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/product-type', () => {
  it('reports a product type MAST does not know', () => {
    const findings = runNameRule(productType, ceersName({ type: 'fullspec' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/product-type', severity: 'warning' });
    expect(findings[0]!.message).toBe("the product type 'fullspec' is not one MAST knows");
    expect(findings[0]!.hint).toContain('common types are img, i2d, cat, spec, lc, sed');
  });

  it('suggests the nearest product type for a typo', () => {
    expect(runNameRule(productType, ceersName({ type: 'imgg' }))[0]!.hint).toBe("did you mean 'img'?");
  });

  it('reports a compound type with an unknown element', () => {
    expect(runNameRule(productType, ceersName({ type: 'npole-globalmap' }))).toHaveLength(1);
  });

  it.each(['img', 'i2d', 'cat', 'lc', 'phot-cat'])('passes %s', (type) => {
    expect(runNameRule(productType, ceersName({ type }))).toEqual([]);
  });

  it('passes README and manifest names', () => {
    expect(runNameRule(productType, 'hlsp_ceers_readme.md')).toEqual([]);
    expect(runNameRule(productType, 'hlsp_ceers_manifest.csv')).toEqual([]);
  });

  it('leaves names too short to have a product type to name/field-count', () => {
    expect(runNameRule(productType, 'hlsp_fullspec.fits')).toEqual([]);
  });
});
