/**
 * Threads are an implementation detail: a run on several threads must give the same report as a run
 * on one, byte for byte apart from the time fields; a large file hashed on a second thread must get
 * the same digest.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { cli, REPO } from '../support/cli.js';
import { demoFiles, mosaicPath } from '../support/demo.js';
import { fitsFile, primaryCards } from '../support/fits-builder.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const strip = (text: string) => text.replace(/"startedAt": "[^"]+"/, '').replace(/"durationMs": \d+/, '');

describe('the worker pool', () => {
  it('gives the same report on 1 and on 3 threads (2,400 files, clean and broken)', () => {
    const dir = join(work, 'collection');
    const bytes = demoFiles().get(mosaicPath('f150w'))!;
    // Enough files for an explicit --jobs to start workers (from 2,000 files), in several directories.
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
    // By default the workers start late, once the main thread has measured the work left; started
    // at the first look (a threshold of 1 ms), they take over a queue already half done.
    const late = cli(['check', dir, '--mast', 'offline', '--format', 'json', '--project', 'nirdemo'], {
      env: { HLSP_PARALLEL_WORK_MS: '1' },
    });
    expect(late.status, late.stderr).toBe(1);
    expect(strip(late.stdout)).toBe(strip(one.stdout));
  }, 120_000);

  it('checks a large file with helper threads: same digest, same checksum verdicts', () => {
    const dir = join(work, 'large');
    mkdirSync(dir);
    const side = 4200; // 4200 × 4200 float32 pixels: 70.56 MB of data
    const data = new Uint8Array(side * side * 4);
    for (let i = 0; i < data.length; i += 997) data[i] = i & 0xff;
    const good = fitsFile([
      { cards: primaryCards({ bitpix: -32, axes: [side, side] }), data, checksum: true },
    ]);
    writeFileSync(join(dir, 'large.fits'), good);
    // A flipped byte three quarters in: in the part a helper thread sums when the data is split.
    const damaged = Buffer.from(good);
    damaged[Math.floor(damaged.length * 0.75)] ^= 0x40;
    writeFileSync(join(dir, 'damaged.fits'), damaged);
    const checkWith = (env: Record<string, string>, ...options: string[]) => {
      const result = cli(['check', dir, '--mast', 'offline', '--format', 'json', ...options], { env });
      expect(result.status, result.stderr).toBe(1);
      return JSON.parse(result.stdout) as Report;
    };
    // The SHA-256 gets a helper from 512 MiB; a 70 MB file gets one when the threshold is lowered.
    const run = (...options: string[]) =>
      checkWith({ HLSP_LARGE_FILE_BYTES: String(32 * 1024 * 1024) }, ...options);
    // SHA-256 on a helper; data sums split in three (this thread and two helpers); no helpers at all.
    const hashed = run('--jobs', '2');
    const split = run('--no-hash', '--jobs', '3');
    const alone = run('--no-hash', '--jobs', '1');
    // Without a SHA-256, data units from 64 MiB are summed in parts by default.
    const splitByDefault = checkWith({}, '--no-hash', '--jobs', '2');
    const digest = (path: string) => hashed.files.find((f) => f.path === path)!.sha256;
    expect(digest('large.fits')).toBe(createHash('sha256').update(good).digest('hex'));
    expect(digest('damaged.fits')).toBe(createHash('sha256').update(damaged).digest('hex'));
    const checksums = (report: Report) => report.findings.filter((f) => f.ruleId === 'fits/checksum');
    expect(new Set(checksums(hashed).map((f) => f.path))).toEqual(new Set(['damaged.fits']));
    expect(checksums(split)).toEqual(checksums(hashed));
    expect(checksums(alone)).toEqual(checksums(hashed));
    expect(split.findings).toEqual(alone.findings);
    expect(splitByDefault.findings).toEqual(alone.findings);
  }, 120_000);
});
