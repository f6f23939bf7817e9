import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skyFootprint } from '../../src/fits/footprint.js';
import { parseFitsBytes } from '../../src/fits/parser.js';
import { type CardSpec, card, fitsFile, primaryCards } from '../support/fits-builder.js';

function footprintOf(
  width: number,
  height: number,
  wcs: [string, string | number][],
  axes = [width, height],
) {
  const cards: CardSpec[] = [...primaryCards({ axes }), ...wcs.map(([k, v]) => card(k, v))];
  const bytes = axes.reduce((a, b) => a * b, 1);
  return skyFootprint(parseFitsBytes(fitsFile([{ cards, data: Buffer.alloc(bytes) }])).hdus);
}

const TAN: [string, string][] = [
  ['CTYPE1', 'RA---TAN'],
  ['CTYPE2', 'DEC--TAN'],
];

/** Corners from astropy 5.2 (WCS.all_pix2world at the outer pixel edges, origin 1). */
function expectCorners(actual: ReturnType<typeof skyFootprint>, expected: number[][]): void {
  expect(actual && 'corners' in actual).toBe(true);
  const corners = (actual as { corners: [number, number][] }).corners;
  corners.forEach(([ra, dec], i) => {
    expect(ra).toBeCloseTo(expected[i]![0]!, 8);
    expect(dec).toBeCloseTo(expected[i]![1]!, 8);
  });
}

describe('skyFootprint', () => {
  it('evaluates a TAN image with a CD matrix at its four outer corners, as astropy does', () => {
    const footprint = footprintOf(48, 48, [
      ...TAN,
      ['CRPIX1', 24.5],
      ['CRPIX2', 24.5],
      ['CRVAL1', 110.8375],
      ['CRVAL2', -73.4391],
      ['CD1_1', -8.3333e-6],
      ['CD1_2', 0],
      ['CD2_1', 0],
      ['CD2_2', 8.3333e-6],
    ]);
    expect(footprint?.hdu).toBe(0);
    expectCorners(footprint, [
      [110.83820167532278, -73.43929999802616],
      [110.83679832467723, -73.43929999802616],
      [110.83679834115011, -73.43889999962617],
      [110.8382016588499, -73.43889999962617],
    ]);
  });

  it('evaluates PC × CDELT, a rotation, a reference pixel off the image and RA across 0 near the pole', () => {
    const footprint = footprintOf(2048, 1024, [
      ...TAN,
      ['CRPIX1', 1000.3],
      ['CRPIX2', -20.7],
      ['CRVAL1', 0.5],
      ['CRVAL2', 84.2],
      ['CDELT1', -0.0003],
      ['CDELT2', 0.0003],
      ['PC1_1', 0.866],
      ['PC1_2', -0.5],
      ['PC2_1', 0.5],
      ['PC2_2', 0.866],
    ]);
    expectCorners(footprint, [
      [3.037120144486732, 84.04974713075165],
      [357.7621802018584, 84.35633695461016],
      [359.2659104260898, 84.62752607997537],
      [4.702128898231687, 84.30636706096142],
    ]);
  });

  it('names what it does not evaluate instead of guessing', () => {
    const sin = footprintOf(10, 10, [
      ['CTYPE1', 'RA---SIN'],
      ['CTYPE2', 'DEC--SIN'],
      ['CDELT1', 0.001],
      ['CDELT2', 0.001],
    ]);
    expect(sin).toEqual({ hdu: 0, unsupported: 'the SIN projection is not evaluated (only TAN)' });
    const galactic = footprintOf(10, 10, [
      ['CTYPE1', 'GLON-TAN'],
      ['CTYPE2', 'GLAT-TAN'],
    ]);
    expect(galactic).toMatchObject({
      unsupported: 'the image is in GLON-TAN/GLAT-TAN coordinates, not RA/Dec',
    });
    const singular = footprintOf(10, 10, [...TAN, ['CD1_1', 0.001]]);
    expect(singular).toMatchObject({ unsupported: 'the WCS matrix (CD or PC × CDELT) is singular' });
    const fk4 = footprintOf(10, 10, [...TAN, ['RADESYS', 'FK4']]);
    expect(fk4).toMatchObject({ unsupported: "RADESYS = 'FK4' is not ICRS or FK5" });
  });

  it('finds the celestial axes of a cube and skips HDUs without a celestial WCS', () => {
    const cube = footprintOf(
      4,
      6,
      [
        ['CTYPE1', 'RA---TAN'],
        ['CTYPE2', 'DEC--TAN'],
        ['CTYPE3', 'WAVE'],
        ['CDELT1', -0.0001],
        ['CDELT2', 0.0001],
        ['CRVAL1', 10],
        ['CRVAL2', 20],
        ['CRPIX1', 2.5],
        ['CRPIX2', 3.5],
      ],
      [4, 6, 3],
    );
    expect(cube && 'corners' in cube && cube.corners).toHaveLength(4);
    expect(footprintOf(5, 5, [['CTYPE1', 'WAVE']])).toBeUndefined();
  });
});

describe('skyFootprint on any WCS values', () => {
  const value = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1e-300, 1e300, 90, -90, 180, 360),
  );
  it('gives finite corners or says why not, never throws', () => {
    fc.assert(
      fc.property(
        fc.record({
          CRPIX1: value,
          CRPIX2: value,
          CRVAL1: value,
          CRVAL2: value,
          CD1_1: value,
          CD1_2: value,
          CD2_1: value,
          CD2_2: value,
        }),
        (wcs) => {
          const footprint = footprintOf(3, 2, [...TAN, ...Object.entries(wcs)]);
          if (footprint && 'corners' in footprint)
            for (const [ra, dec] of footprint.corners)
              expect(Number.isFinite(ra) && Number.isFinite(dec)).toBe(true);
          else expect(footprint).toHaveProperty('unsupported');
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
