import { describe, expect, it } from 'vitest';
import { opticalElement } from '../../../src/rules/name/optical-element.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/optical-element', () => {
  it('reports a filter the instrument does not have', () => {
    const findings = runNameRule(opticalElement, ceersName({ optElem: 'f775w' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/optical-element', severity: 'warning' });
    expect(findings[0]!.message).toBe("'f775w' is not an optical element of jwst nircam");
    expect(findings[0]!.hint).toBe('check the filter against the instrument handbook');
  });

  it('suggests the nearest filter of the instrument', () => {
    const [finding] = runNameRule(opticalElement, ceersName({ optElem: 'f201w' }));
    expect(finding!.hint).toMatch(/^did you mean '(f200w|f210m)'\?$/);
  });

  it('reports only the odd element of a compound field', () => {
    const findings = runNameRule(opticalElement, ceersName({ optElem: 'f200w-f775w' }));
    expect(findings.map((f) => f.message)).toEqual(["'f775w' is not an optical element of jwst nircam"]);
  });

  it.each([
    ['jwst', 'constructor'],
    ['constructor', 'nircam'],
  ])('takes %s %s, names every object has, as unknown, without crashing', (observatory, instrument) => {
    const [finding] = runNameRule(opticalElement, ceersName({ observatory, instrument, optElem: 'xyzq' }));
    expect(finding!.message).toBe("the optical element 'xyzq' is not one MAST knows");
  });

  it('reports an element no instrument has when the instrument is unknown', () => {
    const [finding] = runNameRule(opticalElement, ceersName({ instrument: 'foo', optElem: 'xyzq' }));
    expect(finding!.message).toBe("the optical element 'xyzq' is not one MAST knows");
  });

  it.each([
    ['jwst', 'nircam', 'f200w'],
    ['jwst', 'nircam', 'clear-f200w'],
    ['jwst', 'nircam', 'f150w-f200w'],
    ['jwst', 'nircam', 'multi'],
    ['jwst', 'nirspec', 'f170lp-g235m'],
    ['hst', 'acs-wfc', 'f814w'],
    ['hst-jwst', 'acs-nircam', 'f814w-f200w'],
  ])('passes %s %s %s', (observatory, instrument, optElem) => {
    expect(runNameRule(opticalElement, ceersName({ observatory, instrument, optElem }))).toEqual([]);
  });

  it('checks only full 8-part names', () => {
    expect(runNameRule(opticalElement, 'hlsp_ceers_egs_f775w_v1_img.fits')).toEqual([]);
  });
});
