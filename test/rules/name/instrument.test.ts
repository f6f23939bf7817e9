import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/rules/name/instrument.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/instrument', () => {
  it('reports an instrument of another observatory', () => {
    const findings = runNameRule(instrument, ceersName({ instrument: 'wfc3', optElem: 'f775w' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/instrument', severity: 'warning' });
    expect(findings[0]!.message).toBe("'wfc3' is an instrument of hst, not of jwst");
    expect(findings[0]!.hint).toContain('known jwst instruments: nircam, miri, nirspec, niriss, fgs');
  });

  it('reports an unknown instrument with a did-you-mean', () => {
    const [finding] = runNameRule(instrument, ceersName({ instrument: 'nircma' }));
    expect(finding!.message).toBe("the instrument 'nircma' is not one MAST knows");
    expect(finding!.hint).toBe("did you mean 'nircam'?");
  });

  it('reports each unknown element of a compound field', () => {
    const findings = runNameRule(instrument, ceersName({ instrument: 'nircam-zzzzzz' }));
    expect(findings.map((f) => f.message)).toEqual(["the instrument 'zzzzzz' is not one MAST knows"]);
  });

  it.each([
    ['jwst', 'nircam'],
    ['hst', 'acs-wfc'],
    ['hst', 'wfc3-uvis'],
    ['hst-jwst', 'acs-nircam'],
    ['jwst', 'multi'],
  ])('passes %s %s', (observatory, inst) => {
    expect(runNameRule(instrument, ceersName({ observatory, instrument: inst }))).toEqual([]);
  });

  it('does not judge the combination when the observatory is unknown', () => {
    expect(runNameRule(instrument, ceersName({ observatory: 'jswt', instrument: 'wfc3' }))).toEqual([]);
  });

  it('checks only full 8-part names', () => {
    expect(runNameRule(instrument, 'hlsp_ceers_jwst_nircma_v1_img.fits')).toEqual([]);
  });
});
