// `npm run oracle`: compares our FITS verdicts with fitsverify's over every FITS file in fixtures/.
// A difference must be fixed or explained in docs/fitsverify.md (a table row naming the file);
// the script exits 1 on any unexplained difference. Needs Debian's fitsverify; skips without it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contextFor } from '../dist/engine/check-file.js';
import { logicalFits } from '../dist/fits/logical.js';
import { readFits } from '../dist/fits/read.js';
import { builtinRules } from '../dist/rules/index.js';

/** fitsverify judges FITS structure: the fits/* rules, not the HLSP profile. */
const fitsRules = builtinRules.fits.filter((rule) => rule.meta.id.startsWith('fits/'));

const root = new URL('../', import.meta.url).pathname;
const probe = spawnSync('fitsverify', ['-h'], { stdio: 'ignore' });
if (probe.error) {
  console.log('fitsverify is not installed (apt-get install fitsverify): oracle skipped');
  process.exit(0);
}

function fitsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fitsFiles(path));
    else if (/\.(fits|fit|fts)(\.gz)?$/i.test(name)) out.push(path);
  }
  return out;
}

/** fitsverify's verdict: 'errors' when it counts errors (or aborts), 'clean' otherwise (warnings allowed). */
function fitsverifyVerdict(path) {
  const result = spawnSync('fitsverify', ['-q', path], { encoding: 'utf8' });
  const text = `${result.stdout}\n${result.stderr}`;
  if (/verification OK/.test(text)) return { verdict: 'clean', line: 'OK' };
  const counts = /(\d+) warnings? and (\d+) errors?/.exec(text);
  if (counts)
    return {
      verdict: Number(counts[2]) > 0 ? 'errors' : 'clean',
      line: `${counts[1]} warnings, ${counts[2]} errors`,
    };
  return { verdict: 'errors', line: text.trim().split('\n')[0] ?? 'aborted' };
}

async function ourVerdict(path) {
  const fits = await readFits(path, { hash: false });
  const context = {
    path,
    name: path,
    parsed: { name: path, parts: [], productType: '', extension: '', fields: {} },
    fits,
    settings: {},
    profiles: [],
  };
  const restored = { ...context, fits: logicalFits(fits) };
  const errors = [];
  for (const rule of fitsRules) {
    rule.check(contextFor(rule.meta.id, context, restored), (finding) => {
      if ((finding.severity ?? rule.meta.severity) === 'error') errors.push(rule.meta.id);
    });
  }
  return { verdict: errors.length > 0 ? 'errors' : 'clean', rules: [...new Set(errors)].sort() };
}

const explained = new Set(
  readFileSync(join(root, 'docs/fitsverify.md'), 'utf8')
    .split('\n')
    .map((line) => /^\|\s*`([^`]+)`/.exec(line)?.[1])
    .filter(Boolean),
);
const files = fitsFiles(join(root, 'fixtures'));
let unexplained = 0;
let differences = 0;
const rows = [];
for (const path of files) {
  const rel = relative(root, path);
  const theirs = fitsverifyVerdict(path);
  const ours = await ourVerdict(path);
  if (theirs.verdict === ours.verdict) continue;
  differences++;
  const known = explained.has(rel);
  if (!known) unexplained++;
  rows.push(
    `${known ? 'explained  ' : 'UNEXPLAINED'} ${rel}: fitsverify ${theirs.line}; we ${ours.verdict === 'errors' ? `report errors (${ours.rules.join(', ')})` : 'report no error'}`,
  );
}
console.log(
  `${files.length} FITS files compared with fitsverify: ${files.length - differences} agree, ${differences} differ (${unexplained} unexplained)`,
);
for (const row of rows) console.log(`  ${row}`);
process.exit(unexplained > 0 ? 1 : 0);
