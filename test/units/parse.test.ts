import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_NESTING,
  parseUnit,
  type UnitParseResult,
  withStandardSpellings,
} from '../../src/units/index.js';
import { UNIT_CASES, type Verdict } from './cases.js';

function verdictOf(result: UnitParseResult): Verdict {
  if (!result.ok) return 'error';
  if (result.deprecated.length > 0) return 'deprecated';
  if (result.unknown.length > 0) return 'unknown';
  return 'ok';
}

describe('parseUnit: the case table', () => {
  it('has at least 80 cases', () => {
    expect(UNIT_CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(UNIT_CASES.map((c) => [`${c.dialect} ${JSON.stringify(c.text)}`, c] as const))('%s', (_, c) => {
    const result = parseUnit(c.text, { dialect: c.dialect });
    expect(verdictOf(result), `${c.why}: ${JSON.stringify(result)}`).toBe(c.verdict);
    if (c.detail === undefined) return;
    if (!result.ok) {
      expect(result.column, result.error).toBe(c.detail);
      expect(result.error).toContain(`at column ${c.detail}`);
    } else if (c.verdict === 'ok') expect(result.unit.canonical).toBe(c.detail);
    else if (c.verdict === 'unknown') expect(result.unknown).toEqual([c.detail]);
    else expect(result.deprecated.map((d) => `${d.written}→${d.standard}`)).toEqual([c.detail]);
  });
});

describe('parseUnit: results', () => {
  it('names what and where in an error', () => {
    expect(parseUnit('erg/s)')).toEqual({
      ok: false,
      error: "unexpected ')' without a matching '(' at column 6",
      column: 6,
    });
  });

  it('builds a tree with prefixes, powers and division', () => {
    const result = parseUnit('km s-1');
    expect(result.ok && result.unit.expression).toEqual({
      kind: 'product',
      factors: [
        {
          divide: false,
          node: {
            kind: 'symbol',
            written: 'km',
            symbol: 'km',
            prefix: 'k',
            status: 'known',
            quoted: false,
            column: 1,
          },
        },
        {
          divide: false,
          node: {
            kind: 'power',
            column: 4,
            exponent: { numerator: -1, denominator: 1 },
            base: {
              kind: 'symbol',
              written: 's',
              symbol: 's',
              prefix: '',
              status: 'known',
              quoted: false,
              column: 4,
            },
          },
        },
      ],
    });
  });

  it('reads products and quotients left to right, as §4.3.2 says normal precedence applies', () => {
    const result = parseUnit('W/m2 Hz');
    expect(result.ok && result.unit.canonical).toBe('W m-2 Hz');
  });

  it('lists an unknown symbol once, and every deprecated use with its column', () => {
    const result = parseUnit('DN DN/SEC/SEC');
    expect(result.ok && result.unknown).toEqual(['DN']);
    expect(result.ok && result.deprecated).toEqual([
      { written: 'SEC', standard: 's', column: 7 },
      { written: 'SEC', standard: 's', column: 11 },
    ]);
  });

  it('rewrites deprecated spellings in place for hints', () => {
    const text = 'ergs/s/cm2/ANGSTROM';
    const result = parseUnit(text);
    expect(result.ok && withStandardSpellings(text, result.deprecated)).toBe('erg/s/cm2/Angstrom');
    const one = parseUnit('1/SEC');
    expect(one.ok && withStandardSpellings('1/SEC', one.deprecated)).toBe('/s');
    const vo = parseUnit('erg', { dialect: 'vounit' });
    expect(vo.ok && withStandardSpellings('erg', vo.deprecated)).toBeUndefined();
  });

  it('keeps the scale factor apart from the units', () => {
    const result = parseUnit('10**(-20) erg/s');
    expect(result.ok && result.unit.scale).toEqual({ text: '10**(-20)', value: 1e-20, powerOfTen: -20 });
  });

  it('defaults to the FITS dialect', () => {
    expect(parseUnit('%').ok && parseUnit('%', { dialect: 'vounit' }).ok).toBe(true);
    expect(verdictOf(parseUnit('%'))).toBe('unknown');
  });
});

describe('parseUnit: hostile input', () => {
  it('refuses 10,000 nested parentheses with an error, not a stack overflow', () => {
    const text = `${'('.repeat(10_000)}m${')'.repeat(10_000)}`;
    const result = parseUnit(text);
    expect(result).toMatchObject({ ok: false, column: MAX_NESTING + 1 });
    expect(!result.ok && result.error).toMatch(/nested more than 20 deep at column 21/);
  });

  it('refuses 10,000 nested functions', () => {
    const result = parseUnit(`${'sqrt('.repeat(10_000)}m${')'.repeat(10_000)}`);
    expect(result.ok).toBe(false);
  });

  it('accepts nesting up to the limit', () => {
    const text = `${'('.repeat(MAX_NESTING)}m${')'.repeat(MAX_NESTING)}`;
    expect(parseUnit(text).ok).toBe(true);
  });

  it('parses long inputs in linear time', () => {
    const factors = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? 'm' : 's-1')).join(' ');
    const started = performance.now();
    const result = parseUnit(factors);
    expect(result.ok && result.unit.canonical).toBe('s-25000 m25000');
    expect(performance.now() - started).toBeLessThan(2000);
    const unknowns = parseUnit(Array.from({ length: 20_000 }, (_, i) => `x${'y'.repeat(i % 7)}`).join('.'));
    expect(unknowns.ok && unknowns.unknown.length).toBe(7);
  });

  it('keeps huge exponents from becoming inexact', () => {
    expect(parseUnit('m12345678901').ok).toBe(false);
    expect(parseUnit('m(1/0)').ok).toBe(false);
  });

  it('never throws, in either dialect (fast-check, fixed seed)', () => {
    const alphabet = fc.constantFrom(
      ..."mskgJyAngstromerg()/.*^+-0123456789 '%e".split(''),
      '**',
      '10**',
      'log(',
      'sqrt(',
      "'",
      '\u0000',
      'é',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.boolean(), (parts, vounit) => {
        const result = parseUnit(parts.join(''), { dialect: vounit ? 'vounit' : 'fits' });
        if (!result.ok) {
          expect(result.column).toBeGreaterThanOrEqual(1);
          expect(result.error).toMatch(/at column \d+$/);
        }
      }),
      { seed: 20_240_501, numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        parseUnit(text);
        parseUnit(text, { dialect: 'vounit' });
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('answers non-strings without throwing', () => {
    expect(parseUnit(undefined as unknown as string).ok).toBe(false);
  });
});
