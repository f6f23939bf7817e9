import { describe, expect, it } from 'vitest';
import { exclusiveAccess } from '../../../src/rules/mast/exclusive-access.js';
import { caomRow, NOW_MJD, runMastRule } from './run-mast-rule.js';

const MIRI = 'jw09999-o001_t001_miri_f770w';
const ERO = 'jw02736-o001_t001_nircam_clear-f200w';

describe('mast/exclusive-access', () => {
  it('reports a source still in exclusive access, with its release date', () => {
    const findings = runMastRule(exclusiveAccess, {
      provenance: [ERO, MIRI],
      rows: [caomRow(ERO), caomRow(MIRI)],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'mast/exclusive-access', severity: 'warning' });
    expect(findings[0]!.message).toBe(
      "the source 'jw09999-o001_t001_miri_f770w' is still in exclusive access until 2028-08-17 (dataRights EXCLUSIVE_ACCESS)",
    );
    expect(findings[0]!.hint).toContain('deliver after the release date');
  });

  it('reports a release date in the future even when dataRights says PUBLIC', () => {
    const row = caomRow(ERO, { t_obs_release: NOW_MJD + 1 });
    const findings = runMastRule(exclusiveAccess, { provenance: [ERO], rows: [row] });
    expect(findings.map((f) => f.message)).toEqual([
      "the source 'jw02736-o001_t001_nircam_clear-f200w' is still in exclusive access until 2026-11-02 (dataRights PUBLIC)",
    ]);
  });

  it('passes public sources released by now', () => {
    expect(runMastRule(exclusiveAccess, { provenance: [ERO], rows: [caomRow(ERO)] })).toEqual([]);
    const today = caomRow(ERO, { t_obs_release: NOW_MJD });
    expect(runMastRule(exclusiveAccess, { provenance: [ERO], rows: [today] })).toEqual([]);
  });

  it('reports dataRights other than PUBLIC even after the release date', () => {
    const findings = runMastRule(exclusiveAccess, {
      provenance: [MIRI],
      rows: [caomRow(MIRI)],
      nowMjd: 62001,
    });
    expect(findings.map((f) => f.message)).toEqual([
      "the source 'jw09999-o001_t001_miri_f770w' is still in exclusive access until 2028-08-17 (dataRights EXCLUSIVE_ACCESS)",
    ]);
  });

  it('passes the same source once released and PUBLIC', () => {
    const released = caomRow(MIRI, { dataRights: 'PUBLIC' });
    expect(runMastRule(exclusiveAccess, { provenance: [MIRI], rows: [released], nowMjd: 62001 })).toEqual([]);
  });

  it('warns when MAST does not say whether a source is public, never taking silence as public', () => {
    const id = 'jw02736-o001_t001_nircam_clear-f200w';
    const findings = runMastRule(exclusiveAccess, {
      provenance: [id],
      rows: [caomRow(id, { dataRights: undefined, t_obs_release: undefined })],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/MAST did not say whether the source .* is public/);
  });
});
