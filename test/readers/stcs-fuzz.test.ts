/**
 * Hostile `s_region` text from MAST (or a proxy): random tokens, mutated real regions and huge
 * inputs give a region or an error, never a throw, a hang or an unbounded walk. Fixed seed and
 * budget in CI; FUZZ_SEED and FUZZ_RUNS change them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shapesOverlap } from '../../src/rules/mast/support/sphere.js';
import { MAX_STCS_CHARS, parseStcs } from '../../src/rules/mast/support/stcs.js';
import { fuzzBudget } from '../support/fuzz.js';

const BUDGET = fuzzBudget(300, 20261202);

const REAL = [
  'POLYGON GSC1  23.17474785  60.66012593  23.15424076  60.61702967  23.06645518  60.62703769  23.08684334  60.67014825  23.17474785  60.66012593',
  'CIRCLE ICRS 210.90789448  54.57587474 0.625',
  'POLYGON ICRS 82.95 -68.99 82.96 -68.99 82.96 -68.98 UNION ICRS ( CIRCLE 1 2 0.1 BOX 3 4 0.1 0.1 )',
];
const TOKENS = [
  'POLYGON',
  'CIRCLE',
  'BOX',
  'UNION',
  'ICRS',
  'GALACTIC',
  '(',
  ')',
  '1e308',
  '-0',
  'NaN',
  '.5',
  '90',
  '-90.0001',
  '360',
  '1',
];

function expectHandled(text: string): void {
  const region = parseStcs(text);
  if ('error' in region) {
    expect(typeof region.error).toBe('string');
    return;
  }
  for (const shape of region.shapes) {
    const points = shape.kind === 'polygon' ? shape.vertices : [shape.center];
    for (const [ra, dec] of points) {
      expect(Number.isFinite(ra) && Number.isFinite(dec)).toBe(true);
      expect(dec >= -90 && dec <= 90).toBe(true);
    }
    expect(typeof shapesOverlap(shape, { kind: 'circle', center: [23.1, 60.6], radius: 0.1 })).toBe(
      'boolean',
    );
  }
}

describe('STC-S regions under fuzzing', () => {
  it('handles token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (list) =>
        expectHandled(list.join(' ')),
      ),
      BUDGET,
    );
  });

  it('handles real regions with characters changed, cut or repeated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REAL),
        fc.nat(),
        fc.string({ maxLength: 4 }),
        fc.nat({ max: 3 }),
        (text, at, insert, repeat) => {
          const cut = at % (text.length + 1);
          expectHandled(`${text.slice(0, cut)}${insert}${text.slice(cut + 1)}`.repeat(repeat + 1));
        },
      ),
      BUDGET,
    );
  });

  it('handles any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), expectHandled), BUDGET);
  });

  it('refuses an oversized region without reading it', () => {
    const region = parseStcs(`POLYGON ${'1 '.repeat(MAX_STCS_CHARS)}`);
    expect(region).toEqual({ error: `the region is longer than ${MAX_STCS_CHARS} characters` });
  });
});
