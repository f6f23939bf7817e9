import { describe, expect, it } from 'vitest';
import { projectId } from '../../../src/rules/name/project-id.js';
import { runNameRule } from './run-name-rule.js';

describe('name/project-id', () => {
  it("reports a proj-id that is not the collection's", () => {
    const findings = runNameRule(projectId, 'hlsp_other_jwst_nircam_egs_f200w_v1_i2d.fits');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'name/project-id', severity: 'error' });
    expect(findings[0]!.message).toBe(
      "the proj-id field is 'other', but this collection's HLSP id is 'ceers'",
    );
    expect(findings[0]!.hint).toBe("rename it to 'hlsp_ceers_jwst_nircam_egs_f200w_v1_i2d.fits'");
  });

  it('reports a proj-id that starts with a digit, even without a configured project', () => {
    const [finding] = runNameRule(projectId, 'hlsp_9ceers_jwst_nircam_egs_f200w_v1_i2d.fits', {});
    expect(finding!.ruleId).toBe('name/project-id');
    expect(finding!.message).toBe("the proj-id '9ceers' must start with a letter");
  });

  it("passes the collection's proj-id, compared without case", () => {
    expect(runNameRule(projectId, 'hlsp_ceers_jwst_nircam_egs_f200w_v1_i2d.fits')).toEqual([]);
    expect(runNameRule(projectId, 'hlsp_ceers_readme.md')).toEqual([]);
    expect(runNameRule(projectId, 'hlsp_CEERS_readme.md')).toEqual([]);
  });

  it('passes any proj-id that starts with a letter when no project is configured', () => {
    expect(runNameRule(projectId, 'hlsp_other_readme.md', {})).toEqual([]);
  });

  it('leaves names too short to hold a proj-id to name/field-count', () => {
    expect(runNameRule(projectId, 'hlsp_other.fits')).toEqual([]);
  });
});
