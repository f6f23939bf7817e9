/**
 * The per-file cost of the rules alone, without the file system, the reader or SHA-256: every name
 * and FITS rule on N parsed copies of the bench's 3-HDU product (as `npm run bench` case (a)), in
 * CPU time (process.cpuUsage, so a busy machine disturbs it less than wall time), median of 9 passes.
 * Each pass parses its files afresh, untimed, ten at a time just before the rules run on them (as a
 * run reads a file and checks it): nothing a rule keeps with an HDU carries over from an earlier
 * pass, and the rules find the parsed cards in the processor's caches, as in a run.
 *
 *   npm run build && npx tsx scripts/bench-rules.ts [--files 2000] [--dist path/to/dist]
 *
 * For instruction counts, which a shared machine does not disturb, run one group under callgrind
 * with 1 and 6 passes, and the same with --dry (the files parsed, no rule run): the rules' cost
 * of one file, warm, is ((6 passes − 1 pass) − (dry 6 − dry 1)) / (5 × files). Bundled first, so
 * that no TypeScript is compiled under callgrind; --predictable makes V8's garbage collection and
 * compilation repeatable (without it, runs differ by hundreds of millions of instructions).
 *
 *   npx esbuild scripts/bench-rules.ts --bundle --platform=node --format=esm --outfile=/tmp/bench-rules.mjs
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
 *     node --predictable /tmp/bench-rules.mjs --dist $PWD/dist --files 500 --passes 6 --group hlsp [--dry]
 *
 * Nothing here is a test: the figures go to docs/performance.md ("Per-file cost").
 */
import { parseArgs } from 'node:util';
import { DEMO_PROJECT, demoSpecs, mosaicPath } from '../test/support/demo.js';
import { fitsFile, type HduSpec } from '../test/support/fits-builder.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    dist: { type: 'string', default: new URL('../dist', import.meta.url).pathname },
    passes: { type: 'string', default: '9' },
    group: { type: 'string' },
    dry: { type: 'boolean', default: false },
  },
});
const count = Number(values.files);
const passCount = Number(values.passes);
const dist = values.dist;
const { parseFitsBytes } = await import(`${dist}/fits/parser.js`);
const { parseName } = await import(`${dist}/naming/parse.js`);
const { builtinRules } = await import(`${dist}/rules/index.js`);
const { ruleRunner } = await import(`${dist}/engine/rule-crash.js`);

const bytes = fitsFile(demoSpecs().fits.get(mosaicPath('f150w'))!.slice(0, 3) as HduSpec[]);
const settings = { project: DEMO_PROJECT };
const names = Array.from(
  { length: count },
  (_, i) => `hlsp_${DEMO_PROJECT}_jwst_nircam_smacs0723-${String(i).padStart(6, '0')}_f150w_v1.0_i2d.fits`,
);
/** Each file of a run is parsed on its own: new contexts, names and HDUs. */
const freshContext = (name: string) => {
  const fits = { ...parseFitsBytes(bytes), compressed: false };
  return { path: name, name, parsed: parseName(name), fits, settings, profiles: [] };
};
/** Files parsed between two timed runs of the rules: few enough to stay in the caches. */
const BATCH = 10;

type Rule = { meta: { id: string }; check(context: unknown, report: unknown): void };
const fitsRules = builtinRules.fits as Rule[];
const groups: [string, 'name' | 'fits', Rule[]][] = [
  ['name/*', 'name', builtinRules.name as Rule[]],
  ['fits/*', 'fits', fitsRules.filter((rule) => rule.meta.id.startsWith('fits/'))],
  ['hlsp/*', 'fits', fitsRules.filter((rule) => rule.meta.id.startsWith('hlsp/'))],
  ['other', 'fits', fitsRules.filter((rule) => !/^(fits|hlsp)\//.test(rule.meta.id))],
];
let findings = 0;
const push = () => {
  findings++;
};
const rows: string[] = [];
let total = 0;
for (const [label, subject, rules] of groups) {
  if (values.group !== undefined && !label.startsWith(values.group)) continue;
  const passes: number[] = [];
  for (let pass = 0; pass < passCount; pass++) {
    let microseconds = 0;
    for (let first = 0; first < count; first += BATCH) {
      const batch = names.slice(first, first + BATCH).map(freshContext);
      if (values.dry) continue;
      const started = process.cpuUsage();
      for (const context of batch) {
        const run = ruleRunner(push, true);
        const on =
          subject === 'name'
            ? { name: context.name, path: context.path, parsed: context.parsed, settings }
            : context;
        for (const rule of rules) run(rule, on);
      }
      const used = process.cpuUsage(started);
      microseconds += used.user + used.system;
    }
    passes.push(microseconds / 1000 / (count / 1000));
  }
  const median = passes.sort((a, b) => a - b)[Math.floor(passCount / 2)]!;
  total += median;
  rows.push(`${label} ${median.toFixed(1)}`);
}
console.log(
  `rules on ${count} files: ${rows.join(', ')}; all ${total.toFixed(1)} ms CPU per 1,000 files (${findings} findings)`,
);
