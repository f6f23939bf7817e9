import { describe, expect, it } from 'vitest';
import { instrumentMatch } from '../../../src/rules/mast/instrument-match.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

const NIRCAM = 'jw02736-o001_t001_nircam_clear-f200w';
const NIRSPEC = 'jw02736-o007_s000006355_nirspec_f170lp-g235m';
const check = (header: Record<string, string>) =>
  runMastRule(instrumentMatch, {
    header,
    provenance: [NIRCAM, NIRSPEC],
    rows: [caomRow(NIRCAM), caomRow(NIRSPEC)],
  });

describe('mast/instrument-match', () => {
  it('reports a source taken with another instrument', () => {
    const findings = check({ INSTRUME: 'NIRCAM' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'mast/instrument-match',
      severity: 'error',
      keyword: 'INSTRUME',
    });
    expect(findings[0]!.message).toBe(
      "INSTRUME is NIRCAM, but the source 'jw02736-o007_s000006355_nirspec_f170lp-g235m' was taken with NIRSPEC/MSA",
    );
    expect(findings[0]!.hint).toBe('check INSTRUME and the source ids');
  });

  it('passes when INSTRUME = MULTI lists every instrument in INSTRUnn', () => {
    expect(check({ INSTRUME: 'MULTI', INSTRU01: 'NIRCam', INSTRU02: 'NIRSpec' })).toEqual([]);
  });

  it('passes when INSTRUME is missing', () => {
    expect(check({})).toEqual([]);
  });
});
