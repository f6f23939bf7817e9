import { describe, expect, it } from 'vitest';
import { dateCoverage } from '../../../src/rules/mast/date-coverage.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

/** Four exposures observed from MJD 59737.2508 to 59737.6008. */
const EXPOSURES = [1, 2, 3, 4].map((n) => `jw02736001001_02105_0000${n}_nrcb1`);
const MINUTE = 1 / 1440;
const check = (beg: number, end: number) =>
  runMastRule(dateCoverage, {
    header: { 'MJD-BEG': beg, 'MJD-END': end },
    provenance: EXPOSURES.map((id) => `${id}_cal.fits`),
    rows: EXPOSURES.map((id) => caomRow(id)),
  });

describe('mast/date-coverage', () => {
  it('reports sources observed before MJD-BEG', () => {
    const findings = check(59737.3, 59737.9);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'mast/date-coverage',
      severity: 'warning',
      keyword: 'MJD-BEG',
    });
    expect(findings[0]!.message).toBe(
      "the sources were observed from MJD 59737.25080 to 59737.60080, outside the product's MJD-BEG..MJD-END (59737.3..59737.9)",
    );
    expect(findings[0]!.hint).toContain('first start and last end of the sources');
  });

  it('reports sources observed after MJD-END', () => {
    const findings = check(59737.2, 59737.5);
    expect(findings.map((f) => f.keyword)).toEqual(['MJD-END']);
  });

  it('passes a range that covers every source', () => {
    expect(check(59737.2, 59737.9)).toEqual([]);
  });

  it('passes differences up to a minute, and reports beyond', () => {
    expect(check(59737.2508 + 0.9 * MINUTE, 59737.6008 - 0.9 * MINUTE)).toEqual([]);
    expect(check(59737.2508 + 1.1 * MINUTE, 59737.9)).toHaveLength(1);
  });

  it('passes when the product has no MJD range or MAST knows no source', () => {
    expect(
      runMastRule(dateCoverage, { provenance: [EXPOSURES[0]!], rows: [caomRow(EXPOSURES[0]!)] }),
    ).toEqual([]);
    expect(
      runMastRule(dateCoverage, { header: { 'MJD-BEG': 1, 'MJD-END': 2 }, provenance: EXPOSURES }),
    ).toEqual([]);
  });
});
