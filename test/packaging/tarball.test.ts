/**
 * The package as a user installs it: `npm pack`, installed into an empty project, imported from ESM,
 * type-checked from TypeScript, and run on the demo collection.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-tarball-'));
const consumer = join(work, 'consumer');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CONSUMER_TS = `
import { check, checkNames, formatterContext, formatters, loadConfig, rules, type Finding, type Options, type Report, type Rule, type FitsContext } from 'hlsp-validate';

const options: Options = { mast: { mode: 'offline' }, jobs: 1 };
const report: Report = await check(['.'], options);
const first: Finding | undefined = report.findings[0];
const names: Report = await checkNames(['hlsp_x_jwst_nircam_f_f200w_v1_img.fits']);
const rule: Rule<FitsContext> = {
  meta: { id: 'acme/example', description: 'An example.', severity: 'info', scope: 'fits' },
  check(context, report) {
    if (context.fits.hdus.length === 0) report({ message: 'no HDUs' });
  },
};
const text: string = formatters.stylish(report, formatterContext());
console.log(first?.ruleId, names.summary.verdict, rule.meta.id, rules.length, text.length, loadConfig('.').path);
`;

beforeAll(() => {
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], {
    cwd: REPO,
    encoding: 'utf8',
  }).trim();
  const tarball = join(work, packed.split('\n').pop()!);
  cpSync(join(REPO, 'fixtures/demo'), join(consumer, 'demo'), { recursive: true });
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball],
    {
      cwd: consumer,
      stdio: 'pipe',
    },
  );
}, 240_000);

describe('the packed package', () => {
  it('ships the build, the schemas and the docs, not the sources or tests', () => {
    const root = join(consumer, 'node_modules/hlsp-validate');
    const top = readdirSync(root).sort();
    expect(top).toEqual(expect.arrayContaining(['bin', 'dist', 'docs', 'package.json', 'schemas']));
    expect(top).not.toContain('src');
    expect(top).not.toContain('test');
  });

  it('is imported from ESM and checks the demo', () => {
    const script = `
      import { check, rules } from 'hlsp-validate';
      const report = await check(['demo'], { mast: { mode: 'cache' } });
      console.log(JSON.stringify({ verdict: report.summary.verdict, files: report.files.length, rules: rules.length, mast: report.mast?.mode }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.verdict).toBe('PASS');
    expect(result.files).toBeGreaterThan(5);
    expect(result.rules).toBeGreaterThan(60);
    expect(result.mast).toBe('cache');
  });

  it('type-checks a TypeScript consumer', () => {
    writeFileSync(join(consumer, 'index.ts'), CONSUMER_TS);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          typeRoots: [join(REPO, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['index.ts'],
      }),
    );
    const run = spawnSync(join(REPO, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it('installs a command that runs', () => {
    const run = spawnSync(
      join(consumer, 'node_modules/.bin/hlsp-validate'),
      ['check', 'demo', '--format', 'json'],
      {
        cwd: consumer,
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).summary.verdict).toBe('PASS');
  });
});
