import { describe, expect, it } from 'vitest';
import { calibrationSource } from '../../../src/rules/mast/calibration-source.js';
import { caomRow, runMastRule } from './run-mast-rule.js';

const F200W = 'jw02736-o001_t001_nircam_clear-f200w';

describe('mast/calibration-source', () => {
  it('warns on a source that MAST lists as a calibration observation', () => {
    const findings = runMastRule(calibrationSource, {
      provenance: [F200W],
      rows: [caomRow(F200W, { intentType: 'calibration' })],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'mast/calibration-source', severity: 'warning' });
    expect(findings[0]!.message).toBe(
      `the source '${F200W}' is a calibration observation in MAST (intentType calibration)`,
    );
  });

  it('passes science observations', () => {
    expect(
      runMastRule(calibrationSource, {
        provenance: [F200W],
        rows: [caomRow(F200W, { intentType: 'science' })],
      }),
    ).toEqual([]);
  });
});
