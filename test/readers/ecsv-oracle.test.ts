/**
 * astropy's ECSV reader as the oracle: on generated tables (fixed seed) the tool and astropy agree
 * on valid or invalid, and on the real ECSV files Debian's python3-astropy ships, we give no format
 * error where astropy reads the file. Runs when /usr/bin/python3 can import astropy; with
 * HLSP_ORACLES=1 a missing astropy fails the suite instead of skipping it. Every deliberate
 * difference is listed in docs/formats.md.
 */
import { readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEcsv } from '../../src/readers/ecsv.js';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import { scratchFile } from '../support/content.js';
import {
  disagreements,
  expectSameVerdicts,
  filesUnder,
  itHasTheOracle,
  pythonJsonLines,
  pythonOracle,
  verdictOf,
} from '../support/oracle.js';

const ASTROPY = pythonOracle('astropy', 'import astropy.io.ascii', 'ECSV oracle');

/** Reads each path with astropy; 'ok' or 'error: <message>' per path. */
const READ_ECSV = `
import sys, json, warnings
warnings.simplefilter('ignore')
from astropy.table import Table
for path in sys.argv[1:]:
    try:
        Table.read(path, format='ascii.ecsv')
        print(json.dumps('ok'))
    except Exception as e:
        print(json.dumps('error: %s: %s' % (type(e).__name__, str(e).splitlines()[0] if str(e) else '')))
`;

const astropyVerdicts = (paths: string[]) => pythonJsonLines<string>(READ_ECSV, paths, { timeout: 120_000 });

/** Problem codes that make the file unreadable (our "invalid"); warnings and units are not. */
const FORMAT_ERRORS = new Set([
  'signature',
  'yaml',
  'header-structure',
  'delimiter',
  'header-row',
  'datatype',
  'value',
  'row-length',
  'csv-syntax',
  'not-utf8',
  'line-too-long',
  'read-error',
  'gzip-error',
]);

async function ourVerdict(path: string): Promise<string> {
  const content = await readEcsv({ path, size: statSync(path).size, gzip: false }, DEFAULT_CONTENT_LIMITS);
  const errors = content.problems.filter((problem) => FORMAT_ERRORS.has(problem.code));
  return verdictOf(errors.map((e) => e.message));
}

// Generated tables: columns of every kind, then at most one defect.
const SCALARS = [
  'bool',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'float16',
  'float32',
  'float64',
  'string',
] as const;
type Kind = (typeof SCALARS)[number] | 'multidim' | 'varlen' | 'json';
const KINDS: Kind[] = [...SCALARS, 'multidim', 'varlen', 'json'];
const LIMIT: Partial<Record<Kind, [bigint, bigint]>> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};
const UNICODE = ['Ångström', 'naïve café', '東京', 'emoji 🔭', 'a "quoted" word', 'x,y'];

function value(kind: Kind, r: () => number, row: number): string {
  const limit = LIMIT[kind];
  if (limit) {
    // The limits themselves, exactly, on the first rows; then values inside.
    if (row === 0) return String(limit[0]);
    if (row === 1) return String(limit[1]);
    return String(
      limit[0] + BigInt(Math.floor(r() * Number(limit[1] - limit[0] > 1000n ? 1000n : limit[1] - limit[0]))),
    );
  }
  switch (kind) {
    case 'bool':
      return r() < 0.5 ? 'True' : 'False';
    case 'float16':
      return (r() * 100).toFixed(2);
    case 'float32':
    case 'float64':
      return [String(r() * 1e10), 'nan', 'inf', '-inf', '1e-30'][Math.floor(r() * 5)]!;
    case 'string':
      return `"${UNICODE[Math.floor(r() * UNICODE.length)]!.replaceAll('"', '""')}"`;
    case 'multidim':
      return r() < 0.2 ? '"[[1,null],[3,4]]"' : '"[[1,2],[3,4]]"';
    case 'varlen':
      return `"[${Array.from({ length: Math.floor(r() * 4) }, () => (r() * 10).toFixed(1)).join(', ')}]"`;
    case 'json':
      return '"{""a"": [1, 2.5, null]}"';
    default:
      return '""';
  }
}

function declaration(kind: Kind, name: string): string {
  if (kind === 'multidim') return `- {name: ${name}, datatype: string, subtype: 'int32[2,2]'}`;
  if (kind === 'varlen') return `- {name: ${name}, datatype: string, subtype: 'float64[null]'}`;
  if (kind === 'json') return `- {name: ${name}, datatype: string, subtype: json}`;
  return `- {name: ${name}, datatype: ${kind}}`;
}

const DEFECTS = [
  'none',
  'masked',
  'int-text',
  'int64-over',
  'int64-under',
  'uint64-over',
  'float-text',
  'bool-text',
  'short-row',
  'names-order',
  'delimiter',
  'signature',
  'shape',
  'json-text',
  'yaml',
] as const;

function table(
  kinds: Kind[],
  rows: number,
  defect: (typeof DEFECTS)[number],
  seed: number,
  comma: boolean,
): string {
  let state = seed;
  const r = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const names = kinds.map((_, i) => `c${i}`);
  const d = comma ? ',' : ' ';
  const header = [
    '# %ECSV 1.0',
    '# ---',
    ...(comma ? ["# delimiter: ','"] : []),
    '# datatype:',
    ...kinds.map((k, i) => `# ${declaration(k, names[i]!)}`),
  ];
  const body = [names.join(d)];
  for (let row = 0; row < rows; row++) body.push(kinds.map((k) => value(k, r, row)).join(d));
  const at = 1 + Math.floor(r() * rows);
  const cells = () => body[at]!.split(d);
  const firstOf = (wanted: Kind[]) => kinds.findIndex((k) => wanted.includes(k));
  const setCell = (column: number, text: string) => {
    if (column < 0) return;
    // Values hold no delimiter except quoted strings; rebuild the row from fresh values instead.
    const fresh = kinds.map((k) => value(k, r, 5));
    fresh[column] = text;
    body[at] = fresh.join(d);
  };
  switch (defect) {
    case 'masked':
      setCell(Math.floor(r() * kinds.length), '""');
      break;
    case 'int-text':
      setCell(firstOf(['int8', 'int16', 'int32', 'int64', 'uint8', 'uint64']), 'abc');
      break;
    case 'int64-over':
      setCell(firstOf(['int64']), '9223372036854775808');
      break;
    case 'int64-under':
      setCell(firstOf(['int64']), '-9223372036854775809');
      break;
    case 'uint64-over':
      setCell(firstOf(['uint64']), '18446744073709551616');
      break;
    case 'float-text':
      setCell(firstOf(['float32', 'float64']), 'x1.5');
      break;
    case 'bool-text':
      setCell(firstOf(['bool']), 'yes');
      break;
    case 'short-row':
      if (kinds.length > 1) body[at] = cells().slice(0, -1).join(d);
      break;
    case 'names-order':
      if (kinds.length > 1) body[0] = [...names].reverse().join(d);
      break;
    case 'delimiter':
      header.splice(2, 0, "# delimiter: '|'");
      if (comma) header.splice(4, 1);
      break;
    case 'signature':
      header[0] = '# ECSV 1.0';
      break;
    case 'shape':
      setCell(firstOf(['multidim']), '"[1,2,3]"');
      break;
    case 'json-text':
      setCell(firstOf(['json', 'varlen', 'multidim']), '"{not json"');
      break;
    case 'yaml':
      header.push('# datatype: [unclosed');
      break;
  }
  return `${[...header, ...body].join('\n')}\n`;
}

describe.runIf(ASTROPY.runs)('astropy ECSV oracle', () => {
  itHasTheOracle(ASTROPY);

  it('agrees with astropy on valid or invalid for generated tables', async () => {
    const cases = fc.sample(
      fc.record({
        kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 }),
        rows: fc.integer({ min: 3, max: 8 }),
        defect: fc.constantFrom(...DEFECTS),
        seed: fc.nat(),
        comma: fc.boolean(),
      }),
      { numRuns: 300, seed: 20261124 },
    );
    const written = cases.map((c, i) => ({
      ...c,
      path: scratchFile(`case${i}.ecsv`, table(c.kinds, c.rows, c.defect, c.seed, c.comma)),
    }));
    const theirs = astropyVerdicts(written.map((c) => c.path));
    const differ = await disagreements(
      written,
      theirs,
      (c) => ourVerdict(c.path),
      (c, ours, astropy) =>
        `${c.defect} ${c.kinds.join(',')}\n  ours: ${ours}\n  astropy: ${astropy}\n${readFileSync(c.path, 'utf8')}`,
    );
    expect(differ.slice(0, 3).join('\n')).toBe('');
    const invalid = theirs.filter((verdict) => verdict !== 'ok').length;
    // Both verdicts occur: the comparison is not one-sided.
    expect(invalid).toBeGreaterThan(50);
    expect(invalid).toBeLessThan(written.length - 50);
  }, 120_000);

  it('gives no format error on the ECSV files python3-astropy ships, as astropy reads them', async () => {
    const found = filesUnder(['/usr/lib/python3/dist-packages/astropy'], '.ecsv');
    expect(found.length).toBeGreaterThan(0);
    await expectSameVerdicts(found, astropyVerdicts(found), ourVerdict);
  }, 60_000);
});
