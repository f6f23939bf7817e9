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

  it('hashes a large file (64 MiB and more) on a second thread, with the same digest and checksum verdict', () => {
    const dir = join(work, 'large');
    mkdirSync(dir);
    const side = 4200; // 4200 × 4200 float32 pixels: 70.56 MB of data
    const data = new Uint8Array(side * side * 4);
    for (let i = 0; i < data.length; i += 997) data[i] = i & 0xff;
    const bytes = fitsFile([
      { cards: primaryCards({ bitpix: -32, axes: [side, side] }), data, checksum: true },
    ]);
    const good = join(dir, 'large.fits');
    writeFileSync(good, bytes);
    bytes[bytes.length - 4096] = 0x7f; // a flipped data byte: DATASUM no longer matches
    writeFileSync(join(dir, 'damaged.fits'), bytes);
    const result = cli(['check', dir, '--mast', 'offline', '--format', 'json']);
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    const byPath = new Map(report.files.map((f: { path: string }) => [f.path, f]));
    expect((byPath.get('large.fits') as { sha256: string }).sha256).toBe(
      createHash('sha256')
        .update(
          fitsFile([{ cards: primaryCards({ bitpix: -32, axes: [side, side] }), data, checksum: true }]),
        )
        .digest('hex'),
    );
    expect((byPath.get('damaged.fits') as { sha256: string }).sha256).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
    const checksumFindings = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'fits/checksum');
    expect(new Set(checksumFindings.map((f: { path: string }) => f.path))).toEqual(new Set(['damaged.fits']));
  }, 60_000);
});
