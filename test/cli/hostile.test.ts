/**
 * The whole tool on hostile input: mutated files never crash it (exit 2) or hang it, every file
 * gets a verdict, and an interrupted run leaves no partial report. Fixed seed; FUZZ_RUNS for more.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * Waits until the process has used `ms` of CPU time (Linux /proc; elsewhere, of wall time): past
 * its start-up, whatever the load of the machine running the tests, and into the run.
 */
async function runningFor(pid: number, ms: number): Promise<void> {
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  if (!existsSync(`/proc/${pid}/stat`)) return new Promise((resolve) => setTimeout(resolve, ms));
  while (cpuMs() < ms) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('interrupting a run', () => {
  const dir = join(work, 'many');
  const interrupted = async (signal: 'SIGINT' | 'SIGTERM', jobs: string, out: string) => {
    if (!existsSync(dir)) {
      mkdirSync(dir);
      const bytes = demoFiles().get(mosaicPath('f150w'))!;
      for (let i = 0; i < 3000; i++)
        writeFileSync(join(dir, `hlsp_nirdemo_jwst_nircam_t${i}_f150w_v1.0_i2d.fits`), bytes);
    }
    const outDir = join(work, out);
    mkdirSync(outDir);
    const args = [
      'check',
      dir,
      '--mast',
      'offline',
      '--jobs',
      jobs,
      '--format',
      `json:${join(outDir, 'report.json')}`,
    ];
    const child = spawn(process.execPath, [BIN, ...args, '--html', join(outDir, 'report.html')], {
      cwd: REPO,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    await runningFor(child.pid!, 300);
    const started = Date.now();
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    return { code, stderr, files: readdirSync(outDir), ms: Date.now() - started };
  };

  it.each([
    ['SIGINT', '1', 130],
    ['SIGTERM', '1', 143],
    ['SIGINT', '2', 130],
  ] as const)(
    '%s on %s thread(s): exit %i, one line, no partial report, no temporary file',
    async (signal, jobs, exit) => {
      const { code, stderr, files, ms } = await interrupted(signal, jobs, `out-${signal}-${jobs}`);
      expect(code).toBe(exit);
      expect(stderr).toBe(`hlsp-validate: interrupted (${signal}); no report written\n`);
      expect(files).toEqual([]);
      // Heard within a turn of the event loop, not at the end of the run.
      expect(ms).toBeLessThan(3000);
    },
  );
});
