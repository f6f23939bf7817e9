/** The command line as a newcomer meets it: pipes, empty folders, output paths, short flags. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, REPO } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-usage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the command line', () => {
  it('ends quietly with exit 0 when the reader of its output stops early', () => {
    const run = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" rules | head -1`], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('says "no files found" with exit 2 for an empty directory', () => {
    const empty = join(work, 'empty');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    const run = cli(['check', empty, '--mast', 'offline']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no files found in .*empty/);
  });

  it('refuses an --output in a directory that does not exist before checking anything', () => {
    const target = join(work, 'missing-dir', 'report.json');
    const run = cli(['check', 'fixtures/demo', '--format', 'json', '--output', target]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `cannot write ${target}: the directory ${join(work, 'missing-dir')} does not exist`,
    );
    expect(run.stdout).toBe('');
  });

  it('refuses two formats on standard output, and says how to send one to a file', () => {
    const run = cli(['check', 'fixtures/demo', '--format', 'stylish', '--format', 'sarif']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/only one format can go to standard output.*--format sarif:report\.sarif/);
  });

  it('takes short flags as ESLint does: -f -o -p -c -q -j', () => {
    const out = join(work, 'short.json');
    const run = cli([
      'check',
      'fixtures/demo',
      '-f',
      'json',
      '-o',
      out,
      '-p',
      'nirdemo',
      '-c',
      'fixtures/demo/hlsp.config.json',
      '-q',
      '-j',
      '1',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).project).toBe('nirdemo');
  });
});
