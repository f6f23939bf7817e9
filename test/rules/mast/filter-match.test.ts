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
      'the product says F444W, but none of its 2 source observations used it (they used CLEAR, F150W, F200W)',
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
      'MAST lists no optical element for the 1 source observation, so F770W could not be compared',
    );
  });

  describe('a MIRI MRS observation, whose CAOM row says filters: null', () => {
    const MRS = 'jw01039-o004_t001_miri_ch3-long';
    const mrs = (header: Record<string, string>, opticalElements: Record<string, string[]> = {}) =>
      runMastRule(filterMatch, { header, provenance: [MRS], rows: [caomRow(MRS)], opticalElements });
    /** What the pass makes of the Mission Search record (channel '3', band 'LONG'). */
    const MISSION = { 'jw01039-o004_t001_miri': ['CH3-LONG'] };

    it('compares CHANNEL + BAND with the Mission Search record of the dataset', () => {
      expect(caomRow(MRS).filters).toBeNull();
      expect(mrs({ CHANNEL: '3', BAND: 'LONG' }, MISSION)).toEqual([]);
      expect(mrs({ CHANNEL: '34', BAND: 'long' }, MISSION).map((f) => [f.keyword, f.message])).toEqual([
        [
          'CHANNEL',
          'the product says CH4-LONG, but its source observation did not use it (they used CH3-LONG)',
        ],
      ]);
      expect(mrs({ CHANNEL: '3', BAND: 'SHORT' }, MISSION)[0]!.hint).toBe(
        'check CHANNEL/BAND and the source ids',
      );
    });

    it('reports a FILTER the Mission Search record does not list', () => {
      const findings = mrs({ FILTER: 'F770W' }, MISSION);
      expect(findings.map((f) => [f.severity, f.keyword])).toEqual([['error', 'FILTER']]);
    });

    it('keeps the info when neither CAOM nor the Mission Search names an element', () => {
      expect(mrs({ CHANNEL: '3', BAND: 'LONG' }).map((f) => [f.severity, f.message])).toEqual([
        [
          'info',
          'MAST lists no optical element for the 1 source observation, so CH3-LONG could not be compared',
        ],
      ]);
    });
  });
});
