import { describe, expect, it } from 'vitest';
import { hlspPrefix } from '../../../src/rules/name/hlsp-prefix.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/hlsp-prefix', () => {
  it.each(['notes.txt', 'ceers_jwst_nircam_egs_f200w_v1_i2d.fits', 'hlsp-ceers-jwst-nircam.fits'])(
    'reports %s',
    (name) => {
      const findings = runNameRule(hlspPrefix, name);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ ruleId: 'name/hlsp-prefix', severity: 'error' });
      expect(findings[0]!.message).toBe(
        `'${name}' does not follow the HLSP template: it must start with 'hlsp_'`,
      );
      expect(findings[0]!.hint).toContain('or move it out of the collection');
    },
  );

  it('passes a name that starts with hlsp_', () => {
    expect(runNameRule(hlspPrefix, ceersName())).toEqual([]);
    expect(runNameRule(hlspPrefix, 'hlsp_ceers_readme.md')).toEqual([]);
  });

  it('leaves an upper-case HLSP_ to name/characters', () => {
    expect(runNameRule(hlspPrefix, 'HLSP_ceers_readme.md')).toEqual([]);
  });
});
