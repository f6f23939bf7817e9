import { describe, expect, it } from 'vitest';
import { extension } from '../../../src/rules/name/extension.js';
import { ceersName, runNameRule } from './run-name-rule.js';

describe('name/extension', () => {
  it('reports an extension MAST does not list', () => {
    const findings = runNameRule(extension, ceersName({}, 'docx'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/extension', severity: 'warning' });
    expect(findings[0]!.message).toBe("the extension '.docx' is not a file type MAST lists");
    expect(findings[0]!.hint).toBe('use a standard, non-proprietary format (fits, csv, ecsv, txt)');
  });

  it('suggests the nearest known extension for a typo', () => {
    const [finding] = runNameRule(extension, ceersName({}, 'fit'));
    expect(finding!.hint).toBe("did you mean 'fits'?");
  });

  it('reports a compression MAST does not list', () => {
    expect(runNameRule(extension, ceersName({}, 'fits.xz'))[0]!.message).toContain("'.fits.xz'");
  });

  it.each(['fits', 'fits.gz', 'csv', 'ecsv', 'txt', 'md', 'png'])('passes .%s', (ext) => {
    expect(runNameRule(extension, ceersName({}, ext))).toEqual([]);
  });

  it('leaves a missing extension to name/field-count', () => {
    expect(runNameRule(extension, 'hlsp_ceers_jwst_nircam_egs_f200w_v1_i2d')).toEqual([]);
  });
});
