import { describe, expect, it } from 'vitest';
import type { Footprint } from '../../../src/fits/footprint.js';
import { footprintOverlap } from '../../../src/rules/mast/footprint-overlap.js';
import { caomRow, type ProductSpec, runMastRule } from './run-mast-rule.js';

/** Observed about (110.8321, -73.4467); its s_region is a 0.105 × 0.052 deg field (fixtures/mast-recorded). */
const SOURCE = 'jw02736-o001_t001_nircam_clear-f200w';

/** The demo mosaic's corners (48 pixels of 0.03 arcsec about the SMACS 0723 target). */
const DEMO_FOOTPRINT: Footprint = {
  hdu: 1,
  corners: [
    [110.8382017, -73.4393],
    [110.8367983, -73.4393],
    [110.8367983, -73.4389],
    [110.8382017, -73.4389],
  ],
};

function moved(footprint: Footprint, dRa: number, dDec: number): Footprint {
  if (!('corners' in footprint)) return footprint;
  return { hdu: footprint.hdu, corners: footprint.corners.map(([ra, dec]) => [ra + dRa, dec + dDec]) };
}

const check = (footprint: Footprint | undefined, spec: ProductSpec = {}) =>
  runMastRule(footprintOverlap, {
    provenance: [SOURCE],
    rows: [caomRow(SOURCE)],
    ...spec,
    product: footprint ? { footprint } : {},
  });

describe('mast/footprint-overlap', () => {
  it('reports an image whose footprint lies outside the source observation', () => {
    const findings = check(moved(DEMO_FOOTPRINT, 0, 2));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', hdu: 1, keyword: 'CRVAL1' });
    expect(findings[0]!.message).toBe(
      "the image footprint (HDU 1) does not overlap the sky its source covers in MAST ('jw02736-o001_t001_nircam_clear-f200w'); the nearest is 2.01 deg from the product's centre (110.8375, -71.4391)",
    );
    expect(findings[0]!.hint).toBe(
      'check the WCS (CRVAL, CRPIX, CD/PC and CDELT, in degrees) and the source ids',
    );
  });

  it('reports a wrong WCS once per product, naming the sources it misses', () => {
    const ids = [
      'jw02736-o001_t001_nircam_clear-f150w',
      SOURCE,
      'jw02736-o001_t001_nircam_clear-f444w',
      'jw02736001001_02105_00001_nrcb1',
      'jw01345-o001_t021_nircam_clear-f200w',
    ];
    const findings = check(moved(DEMO_FOOTPRINT, 0, 2), {
      provenance: ids,
      rows: ids.map((id) => caomRow(id)),
    });
    expect(findings.map((f) => f.message)).toEqual([
      "the image footprint (HDU 1) does not overlap the sky any of its 5 sources cover in MAST ('jw02736-o001_t001_nircam_clear-f150w', 'jw02736-o001_t001_nircam_clear-f200w', 'jw02736-o001_t001_nircam_clear-f444w', and 2 more); the nearest is 2.01 deg from the product's centre (110.8375, -71.4391)",
    ]);
    const partly = check(DEMO_FOOTPRINT, { provenance: ids, rows: ids.map((id) => caomRow(id)) });
    expect(partly.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^the image footprint \(HDU 1\) does not overlap the sky 1 of its 5 sources covers in MAST \('jw01345-o001_t021_nircam_clear-f200w'\); the nearest is [0-9.]+ deg/,
      ),
    ]);
  });

  it('passes an image inside the field, and one overlapping only its edge', () => {
    expect(check(DEMO_FOOTPRINT)).toEqual([]);
    // Above the mosaic, the field's tilted northern edge (it is turned by 21.3 deg) runs at
    // Dec -73.418: moved 0.0205 deg north the mosaic straddles it, 0.025 deg north it is outside.
    expect(check(moved(DEMO_FOOTPRINT, 0, 0.0205))).toEqual([]);
    expect(check(moved(DEMO_FOOTPRINT, 0, 0.025))).toHaveLength(1);
  });

  it('places a product without an image by RA_TARG/DEC_TARG, with a margin of one arcminute', () => {
    const byTarget = (ra: number, dec: number) =>
      runMastRule(footprintOverlap, {
        header: { RA_TARG: ra, DEC_TARG: dec },
        provenance: [SOURCE],
        rows: [caomRow(SOURCE)],
      });
    expect(byTarget(110.8375, -73.4391)).toEqual([]);
    const far = byTarget(3.5886, -30.3975);
    expect(far).toHaveLength(1);
    expect(far[0]).toMatchObject({ keyword: 'RA_TARG', hdu: 0 });
    expect(far[0]!.message).toMatch(
      /^RA_TARG\/DEC_TARG \(3\.5886, -30\.3975\) does not overlap the sky its source covers in MAST/,
    );
  });

  it('reads a CIRCLE region and skips moving targets', () => {
    const circle = { s_region: 'CIRCLE ICRS 110.8375 -73.4391 0.001' };
    expect(check(DEMO_FOOTPRINT, { rows: [caomRow(SOURCE, circle)] })).toEqual([]);
    expect(check(moved(DEMO_FOOTPRINT, 0.1, 0), { rows: [caomRow(SOURCE, circle)] })).toHaveLength(1);
    expect(check(moved(DEMO_FOOTPRINT, 0, 2), { rows: [caomRow(SOURCE, { mtFlag: true })] })).toEqual([]);
  });

  it('gives an info, not a crash, for a region it cannot read or a row without one', () => {
    const bad = check(DEMO_FOOTPRINT, { rows: [caomRow(SOURCE, { s_region: 'POLYGON ICRS 1 2 3' })] });
    expect(bad).toEqual([
      expect.objectContaining({
        severity: 'info',
        message:
          "MAST's s_region of the source 'jw02736-o001_t001_nircam_clear-f200w' could not be read (the region ends where vertex 2 Dec was expected), so the footprint was not compared",
      }),
    ]);
    const none = check(DEMO_FOOTPRINT, { rows: [caomRow(SOURCE, { s_region: null })] });
    expect(none.map((f) => [f.severity, f.message])).toEqual([
      [
        'info',
        'MAST gives no s_region for 1 source observation (jw02736-o001_t001_nircam_clear-f200w), so their footprint was not compared',
      ],
    ]);
  });

  it('says when the image WCS is not evaluated, and falls back to RA_TARG/DEC_TARG', () => {
    const findings = check(
      { hdu: 1, unsupported: 'the SIN projection is not evaluated (only TAN)' },
      { header: { RA_TARG: 3.5886, DEC_TARG: -30.3975 } },
    );
    expect(findings.map((f) => [f.severity, f.keyword])).toEqual([
      ['info', 'CTYPE1'],
      ['warning', 'RA_TARG'],
    ]);
  });
});
