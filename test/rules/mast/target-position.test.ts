import { describe, expect, it } from 'vitest';
import { targetPosition } from '../../../src/rules/mast/target-position.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

/** Observed at (110.8321, -73.4467). */
const SOURCE = 'jw02736-o001_t001_nircam_clear-f200w';
const check = (ra: number, dec: number, changes = {}) =>
  runMastRule(targetPosition, {
    header: { RA_TARG: ra, DEC_TARG: dec },
    provenance: [SOURCE],
    rows: [caomRow(SOURCE, changes)],
  });

describe('mast/target-position', () => {
  it('reports a target degrees away from the source', () => {
    const findings = check(3.5886, -30.3975);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'mast/target-position',
      severity: 'warning',
      keyword: 'RA_TARG',
    });
    expect(findings[0]!.message).toMatch(
      /^RA_TARG\/DEC_TARG \(3\.5886, -30\.3975\) is [0-9.]+ deg from the source 'jw02736-o001_t001_nircam_clear-f200w' at \(110\.8321, -73\.4467\)$/,
    );
    expect(findings[0]!.hint).toBe('check RA_TARG/DEC_TARG (degrees, ICRS) and the source ids');
  });

  it('passes a target within 0.25 deg, and reports one just beyond', () => {
    expect(check(110.8321, -73.4467 + 0.24)).toEqual([]);
    expect(check(110.8321, -73.4467 + 0.26)).toHaveLength(1);
  });

  it('measures across RA 0/360', () => {
    expect(check(359.95, 10, { s_ra: 0.05, s_dec: 10 })).toEqual([]);
  });

  it('passes moving targets, wherever they are', () => {
    expect(check(3.5886, -30.3975, { mtFlag: true })).toEqual([]);
  });
});
