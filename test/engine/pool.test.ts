/**
 * The worker pool is an implementation detail: a run on several threads must give the same report
 * as a run on one, byte for byte apart from the time fields.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, REPO } from '../support/cli.js';
import { demoFiles, mosaicPath } from '../support/demo.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const strip = (text: string) => text.replace(/"startedAt": "[^"]+"/, '').replace(/"durationMs": \d+/, '');

describe('the worker pool', () => {
  it('gives the same report on 1 and on 3 threads (2,400 files, clean and broken)', () => {
    const dir = join(work, 'collection');
    const bytes = demoFiles().get(mosaicPath('f150w'))!;
    // Enough files to start workers (the pool starts them from 2,000 files), in several directories.
    for (let part = 0; part < 4; part++) {
      const sub = join(dir, `part${part}`);
      mkdirSync(sub, { recursive: true });
      for (let i = 0; i < 600; i++)
        writeFileSync(join(sub, `hlsp_nirdemo_jwst_nircam_smacs0723-${part}${i}_f150w_v1.0_i2d.fits`), bytes);
    }
    const broken = join(REPO, 'fixtures/broken');
    const brokenFiles = readdirSync(broken).filter((name) => name.endsWith('.fits'));
    for (const name of brokenFiles) copyFileSync(join(broken, name), join(dir, 'part1', name));
    const run = (jobs: string) =>
      cli(['check', dir, '--mast', 'offline', '--format', 'json', '--project', 'nirdemo', '--jobs', jobs]);
    const one = run('1');
    const three = run('3');
    expect(one.status, one.stderr).toBe(1);
    expect(three.status, three.stderr).toBe(1);
    const report = JSON.parse(one.stdout);
    expect(report.files.length).toBe(2400 + brokenFiles.length);
    expect(
      report.findings.filter((f: { path: string }) => f.path.startsWith('part1/')).length,
    ).toBeGreaterThan(brokenFiles.length);
    expect(strip(three.stdout)).toBe(strip(one.stdout));
  }, 120_000);
});
