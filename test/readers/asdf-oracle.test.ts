/**
 * The asdf library (Debian python3-asdf 2.14) as the oracle: on files it writes (fixed seed), valid
 * or broken afterwards (a flipped data byte, a truncation, a damaged block magic, a lost end of
 * tree, a shape or block number changed, a bad first line), the tool and asdf agree on valid or
 * invalid; asdf opens each with validate_checksums=True and reads every array. The real .asdf files
 * that python3-asdf and python3-astropy ship get no format error where asdf reads them. Runs when
 * /usr/bin/python3 can import asdf; with HLSP_ORACLES=1 a missing asdf fails the suite instead.
 * REAL_ASDF_ROOTS (colon-separated folders) adds more real files. Every deliberate difference is
 * listed in docs/formats.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAsdf } from '../../src/readers/asdf.js';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import { ASDF_RULES } from '../support/asdf-rules.js';
import { contentContext } from '../support/content.js';
import {
  disagreements,
  expectSameVerdicts,
  filesUnder,
  itHasTheOracle,
  pythonJsonLines,
  pythonOracle,
  runPython,
  verdictOf,
} from '../support/oracle.js';
import { scratchDir } from '../support/scratch.js';

const ASDF = pythonOracle('asdf', 'import asdf, numpy', 'ASDF oracle');
const TIMEOUT = 240_000;

/** Writes the cases with asdf, then breaks some of them; prints them as JSON. */
const GENERATE = `
import sys, os, re, json, random, warnings
warnings.simplefilter('ignore')
import numpy as np, asdf
out = sys.argv[1]
rng = random.Random(20261202)
DTYPES = ['<f8', '>f4', '<i2', '>i8', 'u1', '<u4', '?']
def tree(i):
    t = {'meta': {'hlspid': 'TEST', 'n': i}}
    for k in range(rng.randint(1, 3)):
        shape = tuple(rng.randint(1, 40) for _ in range(rng.randint(1, 3)))
        t['a%d' % k] = (np.arange(int(np.prod(shape))) % 7).astype(rng.choice(DTYPES)).reshape(shape)
    if rng.random() < 0.3:
        t['view'] = t['a0'][::2]
    if rng.random() < 0.3:
        t['small'] = np.arange(3)
    return t
cases = []
for i in range(int(sys.argv[2])):
    compression = rng.choice([None, 'zlib', 'bzp2'])
    path = os.path.join(out, 'case%03d.asdf' % i)
    af = asdf.AsdfFile(tree(i))
    if rng.random() < 0.3:
        af.set_array_storage(af.tree['a0'], 'inline')
    af.write_to(path, all_array_compression=compression)
    data = bytearray(open(path, 'rb').read())
    first = data.find(b'\\xd3BLK')
    kind = rng.choice(['valid', 'valid', 'flip', 'truncate', 'magic', 'tree-end', 'shape', 'source', 'header'])
    if first < 0 and kind in ('flip', 'magic', 'shape', 'source'):
        kind = 'valid'
    if kind == 'flip':
        data[first + 6 + 48 + rng.randint(0, 3)] ^= 0x01
    elif kind == 'truncate':
        data = data[: rng.randint(20, len(data) - 1)]
    elif kind == 'magic':
        data[first + 1] = ord('X')
    elif kind == 'tree-end':
        end = data.find(b'\\n...\\n')
        data[end:end + 5] = b'\\n'
    elif kind in ('shape', 'source'):
        text = bytes(data[:first]).decode()
        if kind == 'shape':
            m = re.search(r'shape: \\[(\\d+)', text)
            text = text[:m.start(1)] + str(int(m.group(1)) + 5) + text[m.end(1):]
        else:
            text = text.replace('source: 0', 'source: 7', 1)
        data = bytearray(text.encode()) + data[first:]
    elif kind == 'header':
        data[1:5] = b'ASDX'
    open(path, 'wb').write(bytes(data))
    cases.append({'path': path, 'kind': kind, 'compression': compression})
print(json.dumps(cases))
`;

/** Opens each path with asdf, checksums verified, and reads every array: 'ok' or 'error: …'. */
const VERDICT = `
import sys, json, warnings
import numpy as np, asdf
def arrays(node):
    if isinstance(node, dict):
        for v in node.values(): yield from arrays(v)
    elif isinstance(node, (list, tuple)):
        for v in node: yield from arrays(v)
    elif isinstance(node, np.ndarray) or type(node).__name__ == 'NDArrayType':
        yield node
for path in sys.argv[1:]:
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            with asdf.open(path, validate_checksums=True, lazy_load=False, copy_arrays=True) as f:
                for a in arrays(f.tree):
                    np.asarray(a).sum()
        # An array that does not fit its block becomes a plain dict, with only a warning to say so;
        # tags of packages not installed here (gwcs, sunpy) warn the same way and are no defect.
        failed = [w for w in caught if 'core/ndarray' in str(w.message)]
        if failed:
            raise ValueError(str(failed[0].message))
        print(json.dumps('ok'))
    except Exception as e:
        print(json.dumps('error: %s: %s' % (type(e).__name__, (str(e).splitlines() or [''])[0][:200])))
`;

const asdfVerdicts = (paths: string[]) => pythonJsonLines<string>(VERDICT, paths, { timeout: TIMEOUT });

/** 'ok', or 'error: ' and our error findings. */
async function ourVerdict(path: string): Promise<string> {
  const content = await readAsdf({ path, size: statSync(path).size, gzip: false }, DEFAULT_CONTENT_LIMITS);
  const context = contentContext('x.asdf', 'asdf', content);
  const errors: string[] = [];
  for (const rule of ASDF_RULES)
    rule.check(context, (finding) => {
      if ((finding.severity ?? rule.meta.severity) === 'error')
        errors.push(`${rule.meta.id}: ${finding.message}`);
    });
  return verdictOf(errors);
}

/** Where Debian's packages are unpacked when apt can fetch them (outside the repository). */
const DEB_CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'hlsp-validate', 'debs');
const PACKAGES = ['python3-asdf', 'python3-astropy'];

/** The .asdf files of the packages: unpacked from their .deb, else as installed. */
function realFiles(): { files: string[]; why?: string } {
  const unpacked = join(DEB_CACHE, 'x');
  if (!existsSync(unpacked)) {
    mkdirSync(DEB_CACHE, { recursive: true });
    const download = spawnSync('apt-get', ['download', ...PACKAGES], {
      cwd: DEB_CACHE,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const debs = existsSync(DEB_CACHE) ? readdirSync(DEB_CACHE).filter((name) => name.endsWith('.deb')) : [];
    for (const deb of debs) spawnSync('dpkg', ['-x', join(DEB_CACHE, deb), unpacked], { timeout: 120_000 });
    if (debs.length === 0 && download.status !== 0)
      return {
        files: [],
        why: `apt-get download ${PACKAGES.join(' ')} failed: ${download.stderr.trim().split('\n')[0]}`,
      };
  }
  const roots = [
    unpacked,
    '/usr/lib/python3/dist-packages/asdf',
    '/usr/lib/python3/dist-packages/astropy',
    ...(process.env.REAL_ASDF_ROOTS?.split(':').filter(Boolean) ?? []),
  ];
  return { files: [...new Set(filesUnder(roots, '.asdf'))].sort() };
}

describe.runIf(ASDF.runs)('asdf oracle', () => {
  const scratch = scratchDir('hlsp-asdf-oracle-');
  let real: ReturnType<typeof realFiles> = { files: [] };
  beforeAll(() => {
    if (ASDF.present) real = realFiles();
  }, 240_000);

  itHasTheOracle(ASDF);

  it('agrees with asdf on valid or invalid for files asdf wrote, then broke', async () => {
    const cases = JSON.parse(runPython(GENERATE, [scratch, '90'], { timeout: TIMEOUT })) as {
      path: string;
      kind: string;
      compression: string | null;
    }[];
    const theirs = asdfVerdicts(cases.map((c) => c.path));
    const differ = await disagreements(
      cases,
      theirs,
      (c) => ourVerdict(c.path),
      (c, ours, asdf) => `${c.path} ${c.kind} ${c.compression}\n  ours: ${ours}\n  asdf: ${asdf}`,
    );
    expect(differ.slice(0, 5).join('\n')).toBe('');
    const kinds = new Map<string, number>();
    for (const { kind } of cases) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    // Both verdicts occur, for every kind of damage: the comparison is not one-sided.
    expect(theirs.filter((verdict) => verdict === 'ok').length).toBeGreaterThan(20);
    expect(theirs.filter((verdict) => verdict !== 'ok').length).toBeGreaterThan(40);
    for (const kind of ['valid', 'flip', 'truncate', 'magic', 'tree-end', 'shape', 'source', 'header'])
      expect(kinds.get(kind), kind).toBeGreaterThan(2);
  }, 240_000);

  it('gives no format error on the .asdf files python3-asdf and python3-astropy ship, as asdf reads them', async (context) => {
    if (real.files.length === 0) {
      context.skip(
        `no .asdf files of ${PACKAGES.join(', ')} here: ${real.why ?? 'not installed and not unpacked'}`,
      );
      return;
    }
    await expectSameVerdicts(real.files, asdfVerdicts(real.files), ourVerdict);
  }, 120_000);
});
