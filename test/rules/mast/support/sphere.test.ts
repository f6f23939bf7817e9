import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type SkyPoint,
  type SkyShape,
  separation,
  shapesOverlap,
} from '../../../../src/rules/mast/support/sphere.js';

/** An axis-aligned square of `size` degrees on the sky about (ra, dec). */
function square(ra: number, dec: number, size: number): SkyShape {
  const half = size / 2;
  const halfRa = half / Math.cos((dec * Math.PI) / 180);
  const vertices: SkyPoint[] = [
    [ra - halfRa, dec - half],
    [ra + halfRa, dec - half],
    [ra + halfRa, dec + half],
    [ra - halfRa, dec + half],
  ];
  return { kind: 'polygon', vertices };
}

describe('shapesOverlap', () => {
  it('tells overlapping, nested, touching and separate polygons apart', () => {
    expect(shapesOverlap(square(10, 20, 1), square(10.5, 20.5, 1))).toBe(true);
    expect(shapesOverlap(square(10, 20, 1), square(10, 20, 0.01))).toBe(true);
    expect(shapesOverlap(square(10, 20, 0.01), square(10, 20, 1))).toBe(true);
    expect(shapesOverlap(square(10, 20, 1), square(10, 22, 1))).toBe(false);
    // Crossing edges with no vertex inside the other: a plus sign.
    const wide: SkyShape = {
      kind: 'polygon',
      vertices: [
        [9, 19.9],
        [11, 19.9],
        [11, 20.1],
        [9, 20.1],
      ],
    };
    const tall: SkyShape = {
      kind: 'polygon',
      vertices: [
        [9.9, 19],
        [10.1, 19],
        [10.1, 21],
        [9.9, 21],
      ],
    };
    expect(shapesOverlap(wide, tall)).toBe(true);
  });

  it('works across RA 0 and around the pole, where RA/Dec boxes mislead', () => {
    expect(shapesOverlap(square(359.8, 0, 0.5), square(0.1, 0, 0.5))).toBe(true);
    const aroundPole: SkyShape = {
      kind: 'polygon',
      vertices: [
        [0, 89.5],
        [90, 89.5],
        [180, 89.5],
        [270, 89.5],
      ],
    };
    expect(shapesOverlap(aroundPole, { kind: 'circle', center: [123, 89.9], radius: 0.01 })).toBe(true);
    expect(shapesOverlap(aroundPole, { kind: 'circle', center: [123, 88], radius: 0.1 })).toBe(false);
  });

  it('meets a circle with a polygon by its edges, its inside or its vertices', () => {
    const field = square(150, 2, 0.2);
    expect(shapesOverlap({ kind: 'circle', center: [150, 2], radius: 0.001 }, field)).toBe(true);
    expect(shapesOverlap({ kind: 'circle', center: [150, 2.15], radius: 0.06 }, field)).toBe(true);
    expect(shapesOverlap({ kind: 'circle', center: [150, 2.15], radius: 0.04 }, field)).toBe(false);
    expect(shapesOverlap(field, { kind: 'circle', center: [150, 2], radius: 5 })).toBe(true);
    expect(
      shapesOverlap(
        { kind: 'circle', center: [0, 0], radius: 1 },
        { kind: 'circle', center: [1.5, 0], radius: 0.6 },
      ),
    ).toBe(true);
    expect(
      shapesOverlap(
        { kind: 'circle', center: [0, 0], radius: 1 },
        { kind: 'circle', center: [1.7, 0], radius: 0.6 },
      ),
    ).toBe(false);
  });

  it('measures separations on the sphere', () => {
    expect(separation([10, 0], [11, 0])).toBeCloseTo(1, 12);
    expect(separation([0, 89], [180, 89])).toBeCloseTo(2, 12);
    expect(separation([1, 1], [1, 1])).toBe(0);
  });
});

describe('shapesOverlap on random regions', () => {
  const point = fc.tuple(
    fc.double({ min: 0, max: 360, noNaN: true }),
    fc.double({ min: -89, max: 89, noNaN: true }),
  );
  /** A small convex-ish polygon about a random centre, or a circle. */
  const shape: fc.Arbitrary<SkyShape> = fc.oneof(
    fc
      .tuple(point, fc.double({ min: 0.001, max: 5, noNaN: true }))
      .map(([[ra, dec], size]) => square(ra, Math.max(-85, Math.min(85, dec)), size)),
    fc
      .tuple(point, fc.double({ min: 0, max: 5, noNaN: true }))
      .map(([center, radius]): SkyShape => ({ kind: 'circle', center, radius })),
  );

  it('gives the same answer both ways round, and a shape always meets itself', () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        expect(shapesOverlap(a, b)).toBe(shapesOverlap(b, a));
        expect(shapesOverlap(a, a)).toBe(true);
      }),
      { numRuns: 500, seed: 20261202 },
    );
  });
});
