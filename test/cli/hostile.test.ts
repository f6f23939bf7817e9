/**
 * The whole tool on hostile input: mutated files never crash it (exit 2) or hang it, every file
 * gets a verdict, and an interrupted run leaves no partial report. Fixed seed; FUZZ_RUNS for more.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, REPO } from '../support/cli.js';
import { demoFiles, mosaicPath } from '../support/demo.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FILES = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

describe('the whole tool on mutated files', () => {
  it('gives every file a verdict and never fails to run', () => {
    const dir = join(work, 'mutants');
    mkdirSync(dir);
    const base = demoFiles().get(mosaicPath('f150w'))!;
    const mutation = fc.record({
      flips: fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 30 }),
      cut: fc.option(fc.nat(base.length), { nil: undefined }),
      gzip: fc.boolean(),
    });
    const samples = fc.sample(mutation, { numRuns: FILES, seed: SEED });
    samples.forEach((m, i) => {
      let bytes = Buffer.from(base);
      for (const [at, value] of m.flips) bytes[at] = value;
      if (m.cut !== undefined) bytes = bytes.subarray(0, m.cut);
      writeFileSync(
        join(dir, `hlsp_nirdemo_jwst_nircam_t${String(i).padStart(3, '0')}_f150w_v1.0_i2d.fits`),
        bytes,
      );
    });
    const started = Date.now();
    const result = cli(['check', dir, '--mast', 'offline', '--format', 'json', '--project', 'nirdemo']);
    expect(result.status, result.stderr).not.toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.files).toHaveLength(FILES);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe('a rule that throws', () => {
  it('gives the file an internal/rule-crashed error, and the report still comes out (exit 1)', () => {
    const dir = join(work, 'crash');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'hlsp_nirdemo_jwst_nircam_t1_f150w_v1.0_i2d.fits'),
      demoFiles().get(mosaicPath('f150w'))!,
    );
    const plugin = join(work, 'throws.mjs');
    writeFileSync(
      plugin,
      `export const rules = [{ meta: { id: 'acme/throws', description: 'Throws.', severity: 'info', scope: 'fits' },
        check() { throw new Error('boom\\n    at secret.js:1:1'); } }];`,
    );
    const args = [
      'check',
      dir,
      '--mast',
      'offline',
      '--format',
      'json',
      '--project',
      'nirdemo',
      '--plugin',
      plugin,
    ];
    const result = cli(args, { env: { HLSP_RETHROW_RULE_ERRORS: '' } });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    const crashes = report.findings.filter(
      (finding: { ruleId: string }) => finding.ruleId === 'internal/rule-crashed',
    );
    expect(crashes).toEqual([
      expect.objectContaining({
        path: 'hlsp_nirdemo_jwst_nircam_t1_f150w_v1.0_i2d.fits',
        severity: 'error',
        message: 'rule acme/throws crashed (Error: boom): what it checks was not checked here',
      }),
    ]);
    // The suite's default rethrows: the same run is an internal error (exit 2), never a quiet pass.
    expect(cli(args).status).toBe(2);
  });
});

describe('interrupting a run', () => {
  it('leaves no partial report and no temporary file (Ctrl-C)', async () => {
    const dir = join(work, 'many');
    mkdirSync(dir);
    const bytes = demoFiles().get(mosaicPath('f150w'))!;
    for (let i = 0; i < 3000; i++)
      writeFileSync(join(dir, `hlsp_nirdemo_jwst_nircam_t${i}_f150w_v1.0_i2d.fits`), bytes);
    const outDir = join(work, 'out');
    mkdirSync(outDir);
    const child = spawn(
      process.execPath,
      [
        BIN,
        'check',
        dir,
        '--mast',
        'offline',
        '--jobs',
        '1',
        '--format',
        `json:${join(outDir, 'report.json')}`,
        '--html',
        join(outDir, 'report.html'),
      ],
      {
        cwd: REPO,
        env: { ...process.env, CI: 'true' },
        stdio: 'ignore',
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) =>
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : null))),
    );
    expect(code).toBe(130);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
