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

describe('init', () => {
  const fresh = (name: string) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  it('writes only what it is given: no placeholder lead, title or DOI', () => {
    const dir = fresh('init-plain');
    const run = cli(['init', '--project', 'ceers', '--lead', 'Ada Example'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'hlsp.config.json'), 'utf8'));
    expect(config).toMatchObject({ project: 'ceers', lead: 'Ada Example' });
    expect(config.doi).toBeUndefined();
    expect(config.title).toBeUndefined();
    expect(run.stderr).toMatch(/add title, doi when you have them \(MAST assigns the DOI\)/);
  });

  it('refuses an invalid project id, and a placeholder DOI, with the reason', () => {
    const bad = cli(['init', '--project', 'my_hlsp!'], { cwd: fresh('init-bad') });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\/project: must match pattern/);
    const placeholder = cli(['init', '--project', 'ceers', '--doi', '10.17909/xxxx-xxxx'], {
      cwd: fresh('init-doi'),
    });
    expect(placeholder.status).toBe(2);
    expect(placeholder.stderr).toMatch(/is a placeholder; MAST assigns the DOI/);
  });

  it('asks for the project id when it is not given and there is no terminal to ask on', () => {
    const run = cli(['init'], { cwd: fresh('init-none') });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/init --project <id>/);
  });
});
