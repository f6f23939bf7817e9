import { describe, expect, it } from 'vitest';
import { MAX_STCS_VERTICES, parseStcs } from '../../../../src/rules/mast/support/stcs.js';

describe('parseStcs', () => {
  it("reads MAST's POLYGON with its frame, double spaces and the first vertex repeated", () => {
    // From astroquery's recorded caom.json (HST, frame GSC1).
    const region = parseStcs(
      'POLYGON GSC1  23.17474785  60.66012593  23.15424076  60.61702967  23.06645518  60.62703769  23.08684334  60.67014825  23.17474785  60.66012593',
    );
    expect(region).toEqual({
      shapes: [
        {
          kind: 'polygon',
          vertices: [
            [23.17474785, 60.66012593],
            [23.15424076, 60.61702967],
            [23.06645518, 60.62703769],
            [23.08684334, 60.67014825],
          ],
        },
      ],
    });
  });

  it('reads CIRCLE, BOX, several shapes in a row and UNION, in any case', () => {
    expect(parseStcs('CIRCLE ICRS 210.90789448  54.57587474 0.625')).toEqual({
      shapes: [{ kind: 'circle', center: [210.90789448, 54.57587474], radius: 0.625 }],
    });
    const shapes = (text: string) => {
      const region = parseStcs(text);
      return 'shapes' in region ? region.shapes.map((s) => s.kind) : region.error;
    };
    expect(shapes('box icrs 10 20 0.1 0.2')).toEqual(['polygon']);
    expect(shapes('POLYGON ICRS 1 1 2 1 2 2 POLYGON J2000 5 5 6 5 6 6')).toEqual(['polygon', 'polygon']);
    expect(shapes('UNION ICRS ( POLYGON 1 1 2 1 2 2 CIRCLE 5 5 0.1 )')).toEqual(['polygon', 'circle']);
    expect(shapes('Polygon ICRS TOPOCENTER SPHERICAL2 1 1 2 1 2 2')).toEqual(['polygon']);
    expect(shapes('POLYGON -1 1 -2 1 -2 2')).toEqual(['polygon']);
  });

  it('names what it cannot read instead of throwing', () => {
    const error = (text: unknown) => {
      const region = parseStcs(text);
      return 'error' in region ? region.error : 'read';
    };
    expect(error(null)).toBe('the region is not text');
    expect(error('   ')).toBe('the region is empty');
    expect(error('POLYGON ICRS 1 2 3 4')).toBe('a POLYGON needs 3 vertices, this one has 2');
    expect(error('POLYGON ICRS 1 2 3 4 5')).toBe('the region ends where vertex 3 Dec was expected');
    expect(error('CIRCLE ICRS 1 95 1')).toBe('Dec 95 of the centre is outside -90..90');
    expect(error('CIRCLE GALACTIC 1 2 1')).toBe('the region is in the GALACTIC frame, not ICRS');
    expect(error('POLYGON ICRS 1 2 3 4 5 six')).toBe("'six' is not a number (vertex 3 Dec)");
    expect(error('INTERSECTION ICRS ( CIRCLE 1 2 3 CIRCLE 1 2 1 )')).toBe(
      'INTERSECTION regions are not read',
    );
    expect(error('UNION ( CIRCLE 1 2 3')).toBe("UNION is missing its closing ')'");
    expect(error('RECTANGLE 1 2 3 4')).toBe("'RECTANGLE' is not a shape (POLYGON, CIRCLE, BOX or UNION)");
    expect(error('CIRCLE ICRS 1 2 Infinity')).toBe("'Infinity' is not a number (the radius)");
    expect(error(`${'UNION ( '.repeat(12)}CIRCLE 1 2 3${' )'.repeat(12)}`)).toBe(
      'the region nests UNION more than 8 deep',
    );
    expect(error(`POLYGON ${'1 2 '.repeat(MAX_STCS_VERTICES + 1)}`)).toBe(
      `the region has more than ${MAX_STCS_VERTICES} vertices`,
    );
  });
});
