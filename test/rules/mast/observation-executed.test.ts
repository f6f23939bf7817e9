import { describe, expect, it } from 'vitest';
import { observationExecuted } from '../../../src/rules/mast/observation-executed.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

const PLANNED = 'jw02736-o009_t001_nircam_clear-f277w';
const DONE = 'jw02736-o001_t001_nircam_clear-f200w';

describe('mast/observation-executed', () => {
  it('reports a source that is planned but not executed (calib_level -1)', () => {
    const findings = runMastRule(observationExecuted, {
      provenance: [DONE, PLANNED],
      rows: [caomRow(DONE), caomRow(PLANNED)],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'mast/observation-executed', severity: 'error' });
    expect(findings[0]!.message).toBe(
      "the source 'jw02736-o009_t001_nircam_clear-f277w' is a planned JWST observation that has not been executed",
    );
    expect(findings[0]!.hint).toBe('check the observation number in the id');
  });

  it('reports calib_level given as text', () => {
    const row = caomRow(PLANNED, { calib_level: '-1' });
    expect(runMastRule(observationExecuted, { provenance: [PLANNED], rows: [row] })).toHaveLength(1);
  });

  it('passes executed sources at any calibration level', () => {
    const rows = [caomRow(DONE), caomRow(PLANNED, { calib_level: 0 })];
    expect(runMastRule(observationExecuted, { provenance: [DONE, PLANNED], rows })).toEqual([]);
  });
});
