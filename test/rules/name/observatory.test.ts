import { describe, expect, it } from 'vitest';
import { observatory } from '../../../src/rules/name/observatory.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/observatory', () => {
  it('reports an unknown observatory', () => {
    const findings = runNameRule(observatory, ceersName({ observatory: 'hubble', instrument: 'acs' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/observatory', severity: 'warning' });
    expect(findings[0]!.message).toBe("the observatory 'hubble' is not one MAST knows");
    expect(findings[0]!.hint).toBe('check the spelling; MAST staff will review new observatories');
  });

  it('suggests the nearest observatory for a typo', () => {
    const [finding] = runNameRule(observatory, ceersName({ observatory: 'jwsst' }));
    expect(finding!.hint).toBe("did you mean 'jwst'?");
  });

  it('gives no guess for a typo too far from every observatory (jswt is two edits from jwst)', () => {
    const [finding] = runNameRule(observatory, ceersName({ observatory: 'jswt' }));
    expect(finding!.message).toBe("the observatory 'jswt' is not one MAST knows");
    expect(finding!.hint).toBe('check the spelling; MAST staff will review new observatories');
  });

  it('reports only the unknown element of a compound field', () => {
    const findings = runNameRule(observatory, ceersName({ observatory: 'hst-hubble' }));
    expect(findings.map((f) => f.message)).toEqual(["the observatory 'hubble' is not one MAST knows"]);
  });

  it.each(['jwst', 'hst', 'tess', 'hst-jwst', 'multi'])('passes %s', (obs) => {
    expect(runNameRule(observatory, ceersName({ observatory: obs }))).toEqual([]);
  });

  it('checks only full 8-part names', () => {
    expect(runNameRule(observatory, 'hlsp_ceers_hubble_v1_img.fits')).toEqual([]);
  });
});
