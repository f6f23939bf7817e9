/**
 * The per-file cost of the rules alone, without the file system, the reader or SHA-256: every name
 * and FITS rule on N parsed copies of the bench's 3-HDU product (as `npm run bench` case (a)), in
 * CPU time (process.cpuUsage, so a busy machine disturbs it less than wall time), median of 9 passes.
 *
 *   npm run build && npx tsx scripts/bench-rules.ts [--files 2000] [--dist path/to/dist]
 *
 * For instruction counts, which a shared machine does not disturb, run one group with one and with
 * two passes under callgrind: the difference is one warm pass over the files, without the set-up.
 *
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
 *     node --import tsx scripts/bench-rules.ts --files 1000 --passes 1 --group hlsp
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
const contexts = Array.from({ length: count }, (_, i) => {
  const field = `smacs0723-${String(i).padStart(6, '0')}`;
  const name = `hlsp_${DEMO_PROJECT}_jwst_nircam_${field}_f150w_v1.0_i2d.fits`;
  const fits = { ...parseFitsBytes(bytes), compressed: false };
  return { path: name, name, parsed: parseName(name), fits, settings, profiles: [] };
});

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
    // Fresh context objects each pass, as each file of a run has its own.
    const fresh = contexts.map((context) => ({ ...context }));
    const started = process.cpuUsage();
    for (const context of fresh) {
      const run = ruleRunner(push, true);
      const on =
        subject === 'name'
          ? { name: context.name, path: context.path, parsed: context.parsed, settings }
          : context;
      for (const rule of rules) run(rule, on);
    }
    const used = process.cpuUsage(started);
    passes.push((used.user + used.system) / 1000 / (count / 1000));
  }
  const median = passes.sort((a, b) => a - b)[Math.floor(passCount / 2)]!;
  total += median;
  rows.push(`${label} ${median.toFixed(1)}`);
}
console.log(
  `rules on ${count} files: ${rows.join(', ')}; all ${total.toFixed(1)} ms CPU per 1,000 files (${findings} findings)`,
);
