import { describe, expect, it } from 'vitest';
import { calibrationVersion } from '../../../src/rules/mast/calibration-version.js';
import { runMastRule } from './run-mast-rule.js';

const MOSAIC = 'jw02736-o001_t001_nircam_clear-f200w';
const EXPOSURE = 'jw02736001001_02105_00001_nrcb1_cal.fits';
const check = (calVer: string | number | undefined, calibrations: Record<string, string[]>) =>
  runMastRule(calibrationVersion, {
    header: calVer === undefined ? {} : { CAL_VER: calVer },
    provenance: [MOSAIC, EXPOSURE],
    calibrations,
  });

describe('mast/calibration-version', () => {
  it('reports CAL_VER older than the version MAST lists, as info', () => {
    const findings = check('1.8.2', { 'jw02736-o001_t001_nircam': ['1.14.0'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'mast/calibration-version',
      severity: 'info',
      keyword: 'CAL_VER',
    });
    expect(findings[0]!.message).toBe(
      "CAL_VER = '1.8.2' is older than the pipeline version MAST lists for the source data (1.14.0, for jw02736-o001_t001_nircam)",
    );
    expect(findings[0]!.hint).toContain('rebuild the product from the current data');
  });

  it('compares with the newest version of all sources, numerically', () => {
    const findings = check('1.13.4', {
      'jw02736-o001_t001_nircam': ['1.9.0'],
      jw02736001001_02105_00001: ['1.13.10', '1.13.2'],
    });
    expect(findings.map((f) => f.message)).toEqual([
      "CAL_VER = '1.13.4' is older than the pipeline version MAST lists for the source data (1.13.10, for jw02736001001_02105_00001)",
    ]);
  });

  it('passes the same or a newer version, with or without a v', () => {
    expect(check('1.14.0', { 'jw02736-o001_t001_nircam': ['1.14.0'] })).toEqual([]);
    expect(check('v1.14', { 'jw02736-o001_t001_nircam': ['1.14.0'] })).toEqual([]);
    expect(check('1.15.1', { 'jw02736-o001_t001_nircam': ['1.14.0'] })).toEqual([]);
  });

  it('passes when CAL_VER is missing or not a version, or MAST lists no version', () => {
    expect(check(undefined, { 'jw02736-o001_t001_nircam': ['1.14.0'] })).toEqual([]);
    expect(check('unknown', { 'jw02736-o001_t001_nircam': ['1.14.0'] })).toEqual([]);
    expect(check('1.8.2', {})).toEqual([]);
  });
});
