import { describe, expect, it } from 'vitest';
import { observationExists } from '../../../src/rules/mast/observation-exists.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

const KNOWN = 'jw02736-o007_s000006355_nirspec_f170lp-g235m';

describe('mast/observation-exists', () => {
  it('reports a source id MAST does not know', () => {
    const findings = runMastRule(observationExists, {
      provenance: [KNOWN, 'jw02736-o008_s000006355_nirspec_f170lp-g235m_x1d.fits'],
      rows: [caomRow(KNOWN)],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'mast/observation-exists', severity: 'error' });
    expect(findings[0]!.message).toBe(
      "the source 'jw02736-o008_s000006355_nirspec_f170lp-g235m_x1d.fits' is not a JWST observation in MAST (looked up as obs_id 'jw02736-o008_s000006355_nirspec_f170lp-g235m')",
    );
    expect(findings[0]!.hint).toContain('stage-3 ids look like jw02736-o001_t001_nircam_clear-f200w');
  });

  it('passes sources MAST knows, written as file names or in upper case', () => {
    const exposure = 'jw02736001001_02105_00001_nrcb1';
    const findings = runMastRule(observationExists, {
      provenance: [`${KNOWN.toUpperCase()}_X1D.FITS`, `${exposure}_cal.fits`],
      rows: [caomRow(KNOWN), caomRow(exposure)],
    });
    expect(findings).toEqual([]);
  });

  it('passes a product that names no JWST source', () => {
    expect(runMastRule(observationExists, { provenance: ['ib2c01abq_flt.fits'] })).toEqual([]);
  });
});
