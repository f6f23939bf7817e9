// `npm run corpus:external`: judges FITS files that no one here wrote. It downloads Debian packages
// that carry FITS test data (`apt-get download`), unpacks them into a cache outside the repository
// (`dpkg -x`), runs our FITS structure rules and `fitsverify -q` side by side on every FITS file,
// and writes the table to docs/external-corpus.md. It exits 1 on a crash, an internal/* finding, or
// a file only fitsverify calls broken that scripts/corpus-known-differences.json does not explain.
// Without apt-get/dpkg/fitsverify it says so and exits 0, except in CI (CI=true), where it fails.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Config } from '../src/config/config.js';
import { check } from '../src/index.js';
import {
  classify,
  firstFitsverifyError,
  fitsverifyVerdict,
  type Kind,
  type OurVerdict,
  ourVerdict,
} from './corpus-classify.js';

const PACKAGES = [
  'python3-astropy',
  'python3-sunpy',
  'python3-reproject',
  'python3-photutils',
  'python3-ccdproc',
];
const root = new URL('../', import.meta.url).pathname;
const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hlsp-validate', 'corpus');
const inCi = process.env.CI === 'true';

/** Not possible here: say why; only CI, which must run the corpus, fails for it. */
function unavailable(reason: string): never {
  console.log(`corpus:external not run: ${reason}`);
  process.exit(inCi ? 1 : 0);
}

for (const [tool, args] of [
  ['apt-get', ['--version']],
  ['dpkg', ['--version']],
  ['fitsverify', ['-h']],
] as const) {
  if (spawnSync(tool, args, { stdio: 'ignore' }).error) unavailable(`${tool} is not installed`);
}

// Download what the cache lacks (apt-get download needs no root; it writes to the current directory).
const debs = join(cache, 'debs');
mkdirSync(debs, { recursive: true });
const have = () => readdirSync(debs).filter((name) => name.endsWith('.deb'));
const missing = PACKAGES.filter((pkg) => !have().some((name) => name.startsWith(`${pkg}_`)));
if (missing.length > 0) {
  const got = spawnSync('apt-get', ['download', ...missing], { cwd: debs, encoding: 'utf8' });
  const still = PACKAGES.filter((pkg) => !have().some((name) => name.startsWith(`${pkg}_`)));
  if (still.length > 0)
    unavailable(
      `apt-get download failed for ${still.join(', ')}: ${(got.stderr || got.error?.message || '').trim().split('\n').pop()}`,
    );
}

// Unpack each package once, into a folder named after its .deb (its version included).
const unpacked = join(cache, 'x');
const sources: { pkg: string; deb: string; dir: string }[] = [];
for (const deb of have().sort()) {
  const pkg = deb.split('_')[0]!;
  if (!PACKAGES.includes(pkg)) continue;
  const dir = join(unpacked, deb.replace(/\.deb$/, ''));
  if (!existsSync(join(dir, '.done'))) {
    mkdirSync(dir, { recursive: true });
    const x = spawnSync('dpkg', ['-x', join(debs, deb), dir], { encoding: 'utf8' });
    if (x.status !== 0) unavailable(`dpkg -x ${deb} failed: ${x.stderr.trim()}`);
    writeFileSync(join(dir, '.done'), '');
  }
  sources.push({ pkg, deb, dir });
}

const SIMPLE = Buffer.from('SIMPLE  =');
/** Header dumps (astropy's WCS test headers) start like FITS but are text, not FITS files. */
const HEADER_DUMP = /\.(hdr|header|txt)$/i;

/** FITS by its bytes: SIMPLE first, plain or inside gzip (.fits.gz); tile-compressed .fz is plain FITS. */
function isFits(path: string): boolean {
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  const n = readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  if (n >= 9 && head.subarray(0, 9).equals(SIMPLE)) return true;
  if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    try {
      return gunzipSync(readFileSync(path), { maxOutputLength: 1 << 28 })
        .subarray(0, 9)
        .equals(SIMPLE);
    } catch {
      return false;
    }
  }
  return false;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && !HEADER_DUMP.test(entry.name) && statSync(path).size > 0 && isFits(path))
      yield path;
  }
}

/**
 * Only the rules about the file as FITS: these are test files, not HLSP products, so the naming,
 * HLSP metadata, collection and MAST rules would only say so. The readability rules (format/, file/)
 * and internal/ stay on.
 */
const config: Config = { rules: { name: 'off', hlsp: 'off', collection: 'off', mast: 'off' } };

const known: Record<string, string> = JSON.parse(
  readFileSync(join(root, 'scripts/corpus-known-differences.json'), 'utf8'),
);
const rows: { id: string; kind: Kind; fitsverify: string; ours: string; why: string }[] = [];
const failures: string[] = [];
for (const { pkg, dir } of sources) {
  for (const path of walk(dir)) {
    const id = `${pkg}/${relative(dir, path).replace(/^usr\/lib\/python3\/dist-packages\//, '')}`;
    const fv = spawnSync('fitsverify', ['-q', path], { encoding: 'utf8' });
    const theirs = fitsverifyVerdict(`${fv.stdout}\n${fv.stderr}`);
    let ours: OurVerdict;
    try {
      const report = await check([path], { config, mast: { mode: 'offline' }, jobs: 1 });
      ours = ourVerdict(report.findings);
    } catch (error) {
      failures.push(`${id}: crashed: ${(error as Error)?.stack ?? error}`);
      continue;
    }
    const reason = known[id];
    const { kind, failure } = classify(ours, theirs, reason);
    if (failure) failures.push(`${id}: ${failure}`);
    const detailed =
      theirs.verdict === 'error' ? spawnSync('fitsverify', ['-e', path], { encoding: 'utf8' }) : undefined;
    const theirError = detailed ? firstFitsverifyError(`${detailed.stdout}\n${detailed.stderr}`) : undefined;
    const why =
      reason ??
      (kind === 'both clean'
        ? ''
        : kind === 'only fitsverify'
          ? `not explained; fitsverify: ${theirError ?? theirs.line}`
          : kind === 'both error'
            ? `fitsverify: ${theirError ?? theirs.line}`
            : 'not explained');
    rows.push({
      id,
      kind,
      fitsverify: theirs.line,
      ours: ours.verdict === 'error' ? ours.rules.join(', ') : 'no error',
      why,
    });
  }
}

const count = (kind: Kind) => rows.filter((row) => row.kind === kind).length;
const cell = (text: string) => String(text).replaceAll('|', '\\|');
const table = rows.map(
  (row) =>
    `| \`${cell(row.id)}\` | ${row.kind} | ${cell(row.fitsverify)} | ${cell(row.ours)} | ${cell(row.why)} |`,
);
const versions = sources.map(({ deb }) => `\`${deb}\``).join(', ');
writeFileSync(
  join(root, 'docs/external-corpus.md'),
  `# External FITS corpus

Written by \`npm run corpus:external\` (scripts/corpus-external.ts); do not edit by hand. The files
come from Debian packages that no one here wrote: ${versions}. Every file whose bytes start with
\`SIMPLE  =\` (plain, or inside gzip) is judged, except text header dumps (\`.hdr\`, \`.header\`,
\`.txt\`), which start like FITS but are inputs for header parsers, not files.

Both tools judge the file as FITS: fitsverify (\`fitsverify -q\`, an error count above zero or an
abort is "error") and hlsp-validate's library \`check\` with the \`name\`, \`hlsp\`, \`collection\` and
\`mast\` rule groups off (these are test files, not HLSP products), so the rules that judge are the
\`fits/\`, \`format/\` and \`file/\` ones; any error finding is "error". Differences are explained in
[fitsverify.md](fitsverify.md) and, per file, in \`scripts/corpus-known-differences.json\`.

**${rows.length} files: ${count('both clean')} both clean, ${count('both error')} both error, ${count('only ours')} only ours, ${count('only fitsverify')} only fitsverify.**

| file | class | fitsverify | hlsp-validate errors | reason |
| --- | --- | --- | --- | --- |
${table.join('\n')}
`,
);
console.log(
  `${rows.length} external FITS files: ${count('both clean')} both clean, ${count('both error')} both error, ${count('only ours')} only ours, ${count('only fitsverify')} only fitsverify; table in docs/external-corpus.md`,
);
for (const row of rows.filter((r) => r.kind === 'only ours' || r.kind === 'only fitsverify'))
  console.log(`  ${row.kind}: ${row.id}: fitsverify ${row.fitsverify}; we ${row.ours}; ${row.why}`);
for (const failure of failures) console.log(`FAIL ${failure}`);
process.exit(failures.length > 0 ? 1 : 0);
