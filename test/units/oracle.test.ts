/**
 * astropy as an oracle: its `fits` and `vounit` unit formats judge the case table and a few hundred
 * generated strings (fixed seed); every disagreement must fall in a category documented in
 * docs/rules/fits/units.md. Runs when astropy is importable; with HLSP_ORACLES=1 it must be.
 * Set HLSP_PYTHON to choose the interpreter.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseUnit, type UnitDialect, type UnitParseResult } from '../../src/units/index.js';
import { UNIT_CASES } from './cases.js';

type OracleVerdict = 'ok' | 'flagged' | 'error';

function findPython(): string | undefined {
  const candidates = [process.env.HLSP_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean) as string[];
  return candidates.find(
    (python) => spawnSync(python, ['-c', 'import astropy.units'], { stdio: 'ignore' }).status === 0,
  );
}

const python = findPython();
const required = process.env.HLSP_ORACLES === '1';
if (!python && !required)
  console.warn(
    'astropy is not importable: the units oracle is skipped (HLSP_ORACLES=1 makes this a failure)',
  );

/** Small deterministic generator (mulberry32), so the generated strings are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYMBOLS = [
  ...['m', 's', 'kg', 'Hz', 'J', 'W', 'K', 'sr', 'rad', 'Pa', 'Ohm', 'mol', 'cd', 'lx'],
  ...['km', 'cm', 'nm', 'um', 'GHz', 'MJy', 'mJy', 'Jy', 'keV', 'kpc', 'Myr', 'mmag', 'kbyte'],
  ...['deg', 'arcsec', 'mas', 'min', 'h', 'd', 'yr', 'erg', 'Angstrom', 'solMass', 'AU', 'lyr'],
  ...['count', 'ct', 'photon', 'ph', 'pix', 'pixel', 'adu', 'beam', 'chan', 'bin', 'mag', 'barn', 'G'],
  ...['DEG', 'ergs', 'ANGSTROM', 'JY', 'sec', 'counts', 'pixels', 'micron'],
  ...['electron', 'DN', 'furlong', 'kerg', 'uas', 'Sun', 'au', 'angstrom', 'B', 'Kibyte', 'dB'],
];
const POWERS: Record<UnitDialect, string[]> = {
  fits: ['', '', '', '2', '-1', '-2', '**2', '**-1', '^2', '^(-1)', '(1.5)', '(1/2)', '**(3/2)', '+2'],
  vounit: ['', '', '', '**2', '**-1', '**(-2)', '**(1.5)', '**(1/2)', '2', '^2'],
};
const JOINS: Record<UnitDialect, string[]> = {
  fits: [' ', '.', '*', '/', ' / ', '  ', '.'],
  vounit: ['.', '.', '/', ' ', '*'],
};
const SCALES: Record<UnitDialect, string[]> = {
  fits: ['10**-20 ', '10^3 ', '10-7 ', '10**(-3) ', '10+2 ', '100 '],
  vounit: ['10**-20', '1e-7', '0.1', '10**(3)', '1.5'],
};
const JUNK = [')', '(', '/', '.', '*', '^', '-', ' ', "'", '**', '1'];

function generated(dialect: UnitDialect, count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const factors = 1 + Math.floor(next() * 4);
    let text = '';
    for (let f = 0; f < factors; f++) {
      let factor = pick(SYMBOLS) + pick(POWERS[dialect]);
      if (next() < 0.08) factor = `${pick(['log', 'sqrt', 'ln'])}(${factor})`;
      if (next() < 0.08) factor = `(${factor})`;
      text += f === 0 ? factor : pick(JOINS[dialect]) + factor;
    }
    if (next() < 0.15) text = pick(SCALES[dialect]) + text;
    if (next() < 0.2) {
      const at = Math.floor(next() * (text.length + 1));
      text = text.slice(0, at) + pick(JUNK) + text.slice(at);
    }
    out.push(text);
  }
  return out;
}

function ourVerdict(result: UnitParseResult): OracleVerdict {
  if (!result.ok) return 'error';
  return result.unknown.length > 0 || result.deprecated.length > 0 ? 'flagged' : 'ok';
}

interface Comparison {
  text: string;
  dialect: UnitDialect;
  ours: OracleVerdict;
  astropy: OracleVerdict;
  detail: string;
  result: UnitParseResult;
}

/**
 * Why we may disagree with astropy; each entry is a section of docs/rules/fits/units.md. The first
 * whose test matches explains the disagreement.
 */
const DOCUMENTED: { name: string; explains: (c: Comparison) => boolean }[] = [
  {
    // We parse symbols outside the tables and report them as warnings; astropy's fits format raises.
    name: 'unknown symbols are warnings',
    explains: (c) => c.dialect === 'fits' && c.ours === 'flagged' && c.astropy === 'error',
  },
  {
    // FITS Table 6 and VOUnits Table 8 define log, ln, exp (and more); astropy supports only sqrt.
    name: 'functions',
    explains: (c) =>
      c.ours !== 'error' && c.astropy === 'error' && /\b(log|ln|exp|sin|cos|tan)\(/.test(c.text),
  },
  {
    // FITS Table 4 spells it Angstrom; astropy also accepts angstrom silently.
    name: 'lower-case angstrom',
    explains: (c) =>
      c.dialect === 'fits' &&
      c.ours === 'flagged' &&
      c.astropy === 'ok' &&
      c.result.ok &&
      c.result.deprecated.some((d) => d.written === 'angstrom') &&
      c.result.unknown.length === 0,
  },
  {
    // §4.3.2: "10±k ... with the sign character required ... in the absence of parentheses".
    name: 'unsigned 10(k)',
    explains: (c) => c.dialect === 'fits' && c.astropy === 'error' && /^ *10\([0-9]/.test(c.text),
  },
  {
    // astropy's grammar cannot continue after a parenthesised quotient: (erg/s)/(cm2 Angstrom).
    name: 'a parenthesised quotient followed by more',
    explains: (c) =>
      c.ours !== 'error' && c.astropy === 'error' && /\([^()]*\/[^()]*\) *[/.* (]/.test(c.text),
  },
  {
    // VOUnits §2.11 quoting marks a unit as deliberately unknown; we still list it in unknown.
    name: 'quoted units are listed as unknown',
    explains: (c) =>
      c.dialect === 'vounit' &&
      c.ours === 'flagged' &&
      c.astropy === 'ok' &&
      c.result.ok &&
      c.result.deprecated.length === 0 &&
      c.result.unknown.every((s) => s.endsWith("'")),
  },
  {
    // astropy's vounit format parses with its generic grammar: spaces, *, ^, m2, 1/s, several solidi.
    name: 'VOUnits grammar is strict',
    explains: (c) => c.dialect === 'vounit' && c.ours === 'error' && c.astropy !== 'error',
  },
  {
    // astropy counts every solidus in the string, also inside parentheses: m/(s/kg).
    name: 'solidi inside parentheses',
    explains: (c) =>
      c.dialect === 'vounit' && c.ours !== 'error' && c.astropy === 'error' && /\(.*\/.*\)/.test(c.text),
  },
  {
    // VOUnits §2.8 lists %; astropy's vounit lexer has no token for it.
    name: 'percent',
    explains: (c) =>
      c.dialect === 'vounit' && c.ours !== 'error' && c.astropy === 'error' && c.text.includes('%'),
  },
  {
    // astropy reads Pa as peta-annum and ua as micro-annum (a is deprecated); the whole symbol wins here.
    name: 'annum readings',
    explains: (c) =>
      c.dialect === 'vounit' && c.astropy === 'flagged' && /unit '(a|Pa)' has been deprecated/.test(c.detail),
  },
  {
    // VOUnits deprecates ct, ph, pix; astropy's deprecation of a base unit does not always reach the
    // generic-grammar path (e.g. a power of it), and its list of units without warnings differs.
    name: 'vounit unknown units are warnings',
    explains: (c) => c.dialect === 'vounit' && c.ours === 'flagged' && c.astropy === 'error',
  },
];

function runAstropy(
  cases: { text: string; dialect: UnitDialect }[],
): { verdict: OracleVerdict; detail: string }[] {
  const script = new URL('./astropy-oracle.py', import.meta.url).pathname;
  const input = cases.map((c) => JSON.stringify(c)).join('\n');
  const run = spawnSync(python!, [script], { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe.skipIf(!python && !required)('astropy oracle for unit strings', () => {
  it('is available when HLSP_ORACLES=1', () => {
    expect(python, 'HLSP_ORACLES=1 but no python3 can import astropy (set HLSP_PYTHON)').toBeDefined();
  });

  it('agrees with astropy, or the difference is documented', () => {
    const inputs = [
      ...UNIT_CASES.map(({ text, dialect }) => ({ text, dialect })),
      ...generated('fits', 300, 1).map((text) => ({ text, dialect: 'fits' as const })),
      ...generated('vounit', 300, 2).map((text) => ({ text, dialect: 'vounit' as const })),
    ];
    const oracle = runAstropy(inputs);
    expect(oracle).toHaveLength(inputs.length);
    const comparisons: Comparison[] = inputs.map((input, i) => {
      const result = parseUnit(input.text, { dialect: input.dialect });
      return { ...input, result, ours: ourVerdict(result), ...oracle[i]!, astropy: oracle[i]!.verdict };
    });
    const unexplained: Comparison[] = [];
    const byCategory = new Map<string, number>();
    const summary: string[] = [];
    const tableSize = UNIT_CASES.length;
    for (const [source, from, to] of [
      ['case table', 0, tableSize],
      ['generated', tableSize, comparisons.length],
    ] as const)
      for (const dialect of ['fits', 'vounit'] as const) {
        const mine = comparisons.slice(from, to).filter((c) => c.dialect === dialect);
        const same = mine.filter((c) => c.ours === c.astropy).length;
        const parsable = mine.filter((c) => (c.ours === 'error') === (c.astropy === 'error')).length;
        summary.push(
          `${source}, ${dialect}: ${same}/${mine.length} same verdict, ${parsable}/${mine.length} same parsable/unparsable`,
        );
      }
    for (const c of comparisons) {
      if (c.ours === c.astropy) continue;
      const category = DOCUMENTED.find((d) => d.explains(c));
      if (!category) unexplained.push(c);
      else
        byCategory.set(
          `${c.dialect}: ${category.name}`,
          (byCategory.get(`${c.dialect}: ${category.name}`) ?? 0) + 1,
        );
    }
    console.info(
      `units oracle (${comparisons.length} strings)\n  ${summary.join('\n  ')}\n  documented differences: ${JSON.stringify(Object.fromEntries(byCategory))}`,
    );
    expect(
      unexplained.map(
        (c) => `${c.dialect} ${JSON.stringify(c.text)}: ours ${c.ours}, astropy ${c.astropy} (${c.detail})`,
      ),
    ).toEqual([]);
  });
});
