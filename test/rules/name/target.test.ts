import { describe, expect, it } from 'vitest';
import { target } from '../../../src/rules/name/target.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/target', () => {
  it('reports a target with no letter, as an error', () => {
    const findings = runNameRule(target, ceersName({ target: '123-456' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/target', severity: 'error' });
    expect(findings[0]!.message).toBe("the target field '123-456' has no letter");
    expect(findings[0]!.hint).toContain('ngc1234 or field-01');
  });

  it("warns about '+' and suggests p", () => {
    const [finding] = runNameRule(target, ceersName({ target: '2m04215943+1932063' }));
    expect(finding).toMatchObject({ ruleId: 'name/target', severity: 'warning' });
    expect(finding!.message).toBe("the target field '2m04215943+1932063' contains '+'");
    expect(finding!.hint).toBe("write '2m04215943p1932063' (p for +, m for - in coordinates)");
  });

  it("warns about 'epoch<n>' and suggests 'ep<n>'", () => {
    const [finding] = runNameRule(target, ceersName({ target: 'm101-epoch2' }));
    expect(finding).toMatchObject({ ruleId: 'name/target', severity: 'warning' });
    expect(finding!.message).toBe("the target field 'm101-epoch2' writes an epoch as 'epoch2'");
    expect(finding!.hint).toBe("write 'ep2'");
  });

  it.each(['egs', 'm101-01', 'm101-ep1', '2mass-j0421', 'j152447.75-p041919.8', 'epochs'])(
    'passes %s',
    (value) => {
      expect(runNameRule(target, ceersName({ target: value }))).toEqual([]);
    },
  );

  it('checks only full 8-part names', () => {
    expect(runNameRule(target, 'hlsp_ceers_123_v1_img.fits')).toEqual([]);
  });
});
