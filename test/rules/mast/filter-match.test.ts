import { describe, expect, it } from 'vitest';
import { filterMatch } from '../../../src/rules/mast/filter-match.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

const F150W = 'jw02736-o001_t001_nircam_clear-f150w';
const F200W = 'jw02736-o001_t001_nircam_clear-f200w';
const check = (header: Record<string, string>) =>
  runMastRule(filterMatch, { header, provenance: [F150W, F200W], rows: [caomRow(F150W), caomRow(F200W)] });

describe('mast/filter-match', () => {
  it('reports a filter none of the sources used', () => {
    const findings = check({ FILTER: 'F444W', PUPIL: 'CLEAR' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'mast/filter-match', severity: 'error', keyword: 'FILTER' });
    expect(findings[0]!.message).toBe(
      'the product says F444W, but none of its 2 source observation(s) used it (they used CLEAR, F150W, F200W)',
    );
    expect(findings[0]!.hint).toBe('check FILTER/PUPIL and the source ids');
  });

  it('reports a numbered companion of FILTER = MULTI', () => {
    const findings = check({ FILTER: 'MULTI', FILTER01: 'F150W', FILTER02: 'F277W' });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('the product says F277W, but none of its 2 source'),
    ]);
  });

  it('passes filters the sources used, in any case', () => {
    expect(check({ FILTER: 'f200w', PUPIL: 'CLEAR' })).toEqual([]);
    expect(check({ FILTER: 'MULTI', FILTER01: 'F150W', FILTER02: 'F200W' })).toEqual([]);
  });

  it('passes when MAST knows none of the sources', () => {
    expect(runMastRule(filterMatch, { header: { FILTER: 'F444W' }, provenance: [F150W] })).toEqual([]);
  });

  it('says once, as an info, that MAST lists no optical element (filters: null, as for MIRI MRS)', () => {
    const findings = runMastRule(filterMatch, {
      header: { FILTER: 'F770W' },
      provenance: [F150W],
      rows: [caomRow(F150W, { filters: null })],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', keyword: 'FILTER' });
    expect(findings[0]!.message).toBe(
      'MAST lists no optical element for the 1 source observation(s), so F770W could not be compared',
    );
  });
});
