/**
 * A library user's own rules run on every thread: the workers build the caller's rule set from the
 * plugin modules, so `jobs: 2` finds what `jobs: 1` finds, and a plugin that cannot be loaded
 * stops the run before any file is checked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Api from '../../src/index.js';
import { REPO } from '../support/cli.js';
import { demoFiles, mosaicPath } from '../support/demo.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The compiled package: worker threads run compiled code only.
let api: typeof Api;
beforeAll(async () => {
  api = await import(join(REPO, 'dist/index.js'));
});

const PLUGIN = `
import { threadId } from 'node:worker_threads';
export const rules = [
  {
    meta: { id: 'acme/thread', description: 'Says which thread checked the file.', severity: 'info', scope: 'fits' },
    check(context, report) {
      report({ message: 'checked on thread ' + threadId, hdu: 0 });
    },
  },
];
`;

const THROWING_PLUGIN = `
export const rules = [
  {
    meta: { id: 'acme/throws', description: 'Throws on every file.', severity: 'info', scope: 'fits' },
    check() {
      throw new RangeError('no such column');
    },
  },
];
`;

describe('custom rules in worker threads', () => {
  const dir = join(work, 'collection');
  const plugin = join(work, 'acme-rules.mjs');

  beforeAll(() => {
    writeFileSync(plugin, PLUGIN);
    mkdirSync(dir);
    const bytes = demoFiles().get(mosaicPath('f150w'))!;
    // An explicit jobs count starts workers from 2,000 files.
    for (let i = 0; i < 2100; i++)
      writeFileSync(join(dir, `hlsp_nirdemo_jwst_nircam_smacs0723-${i}_f150w_v1.0_i2d.fits`), bytes);
  });

  it('runs a plugin rule on the files checked in workers', async () => {
    const options = {
      plugins: [plugin],
      mast: { mode: 'offline' as const },
      hash: false,
      project: 'nirdemo',
    };
    const two = await api.check([dir], { ...options, jobs: 2 });
    const custom = two.findings.filter((finding) => finding.ruleId === 'acme/thread');
    expect(custom).toHaveLength(2100);
    const threads = new Set(custom.map((finding) => finding.message));
    // Thread 0 is the main thread; a worker's threadId is 1 or more.
    expect(threads.has('checked on thread 0')).toBe(true);
    expect([...threads].some((message) => message !== 'checked on thread 0')).toBe(true);
    const one = await api.check([dir], { ...options, jobs: 1 });
    const withoutThread = (report: Api.Report) =>
      report.findings.map((finding) => ({
        ...finding,
        message: finding.ruleId === 'acme/thread' ? '' : finding.message,
      }));
    expect(withoutThread(two)).toEqual(withoutThread(one));
  }, 120_000);

  it('reports a plugin rule that throws as internal/rule-crashed, on every thread', async () => {
    const throwing = join(work, 'throwing.mjs');
    writeFileSync(throwing, THROWING_PLUGIN);
    const options = {
      plugins: [throwing],
      mast: { mode: 'offline' as const },
      hash: false,
      project: 'nirdemo',
    };
    const report = await api.check([dir], { ...options, jobs: 2, rethrowRuleErrors: false });
    const crashes = report.findings.filter((finding) => finding.ruleId === 'internal/rule-crashed');
    expect(crashes).toHaveLength(2100);
    expect(new Set(crashes.map((finding) => finding.message))).toEqual(
      new Set(['rule acme/throws crashed (RangeError: no such column): what it checks was not checked here']),
    );
    expect(report.files.every((file) => file.verdict === 'FAIL')).toBe(true);
    // The suite's default (HLSP_RETHROW_RULE_ERRORS=1) stops the run, from a worker too.
    await expect(api.check([dir], { ...options, jobs: 2 })).rejects.toThrow(/no such column/);
  }, 120_000);

  it('stops before checking anything when a plugin cannot be loaded', async () => {
    const checked: number[] = [];
    const run = api.check([dir], {
      plugins: [join(work, 'missing.mjs')],
      jobs: 2,
      onProgress: (done) => checked.push(done),
    });
    await expect(run).rejects.toThrow(/cannot load the rule plugin .*missing\.mjs/);
    expect(checked).toEqual([]);
  });

  it('refuses a plugin rule whose id is already taken', async () => {
    const clash = join(work, 'clash.mjs');
    writeFileSync(clash, PLUGIN.replace('acme/thread', 'fits/checksum'));
    await expect(api.check([dir], { plugins: [clash] })).rejects.toThrow(/fits\/checksum .*already loaded/);
  });
});
