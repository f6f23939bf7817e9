import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO } from '../support/cli.js';
import { FakeMast } from '../support/fake-mast.js';
import { fitsFile, primaryCards } from '../support/fits-builder.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'hlsp-outputs-'));
const TOKEN = 'mast-token-DO-NOT-LEAK-0123456789';
let server: FakeMast;
beforeAll(async () => {
  server = await new FakeMast().start();
});
afterAll(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const inherited = { ...process.env };
  delete inherited.GITHUB_STEP_SUMMARY;
  const base = { ...inherited, NO_COLOR: '1', CI: 'true', XDG_CACHE_HOME: join(work, 'xdg'), ...env };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: base,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('every format from the broken demo', () => {
  it('produces valid JSON, SARIF, JUnit, GitHub, Markdown and HTML', async () => {
    const out = (name: string) => join(work, name);
    const result = await cli([
      'check',
      'fixtures/demo-broken',
      '--format',
      `json:${out('r.json')}`,
      '--format',
      `sarif:${out('r.sarif')}`,
      '--format',
      `junit:${out('r.xml')}`,
      '--format',
      `github:${out('r.github')}`,
      '--format',
      `markdown:${out('r.md')}`,
      '--html',
      out('r.html'),
    ]);
    expect(result.status).toBe(1);
    const report = JSON.parse(readFileSync(out('r.json'), 'utf8'));
    const ajv = new AjvDraft04.default({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas/sarif-2.1.0.json'), 'utf8')));
    const sarif = JSON.parse(readFileSync(out('r.sarif'), 'utf8'));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(report.findings.length);
    expect(XMLValidator.validate(readFileSync(out('r.xml'), 'utf8'))).toBe(true);
    expect(readFileSync(out('r.github'), 'utf8')).toMatch(/^::error file=/m);
    expect(readFileSync(out('r.md'), 'utf8')).toMatch(/hlsp-validate: FAIL/);
    expect(readFileSync(out('r.html'), 'utf8')).toContain('"ruleId":"fits/checksum"');
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY', async () => {
    const summary = join(work, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    await cli(['check', 'fixtures/demo', '--quiet'], { GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n')).toBe(true);
    expect(text).toMatch(/hlsp-validate: PASS/);
    expect(text).toContain(
      'fixtures/demo: 9 products, 3 support files checked · 0 errors, 0 warnings, 0 info',
    );
  });
});

describe('MAST over the network, with a token', () => {
  it('reports MAST mistakes and never shows the token in any output or the cache', async () => {
    const cacheDir = join(work, 'cache');
    const html = join(work, 'mast.html');
    const result = await cli(
      [
        'check',
        'fixtures/demo-broken',
        '--mast',
        'online',
        '--mast-url',
        server.url,
        '--cache-dir',
        cacheDir,
        '--format',
        'json',
        '--html',
        html,
      ],
      {
        MAST_API_TOKEN: TOKEN,
      },
    );
    const report = JSON.parse(result.stdout);
    expect(report.mast.mode).toBe('online');
    expect(report.mast.requests).toBeGreaterThan(0);
    const rules = new Set(report.findings.map((f: { ruleId: string }) => f.ruleId));
    for (const id of ['mast/observation-exists', 'mast/exclusive-access', 'mast/instrument-match'])
      expect(rules).toContain(id);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`token ${TOKEN}`);
    const everything = [
      result.stdout,
      result.stderr,
      readFileSync(html, 'utf8'),
      ...readdirSync(cacheDir).map((f) => readFileSync(join(cacheDir, f), 'utf8')),
    ];
    for (const text of everything) expect(text).not.toContain(TOKEN);
  });

  it('says what was not checked when MAST is unreachable, without the token', async () => {
    const result = await cli(
      [
        'check',
        'fixtures/demo-broken',
        '--mast',
        'online',
        '--mast-url',
        'http://127.0.0.1:9',
        '--cache-dir',
        join(work, 'empty'),
        '--format',
        'json',
      ],
      {
        MAST_API_TOKEN: TOKEN,
      },
    );
    const report = JSON.parse(result.stdout);
    expect(report.notChecked.map((n: { ruleId: string }) => n.ruleId)).toContain('mast/observation-exists');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  }, 60_000);
});

describe('hostile file names reach every report escaped', () => {
  it('handles spaces, newlines, <script> and non-UTF-8 bytes in names', async () => {
    const dir = join(work, 'hostile');
    mkdirSync(dir);
    cpSync(join(REPO, 'fixtures/demo/hlsp_nirdemo_readme.md'), join(dir, 'hlsp_nirdemo_readme.md'));
    const bytes = fitsFile([{ cards: primaryCards() }]);
    const names = ['with space.fits', 'new\nline.fits', '<script>alert(1)<\\script>.fits'];
    for (const name of names) writeFileSync(join(dir, name), bytes);
    writeFileSync(
      Buffer.concat([
        Buffer.from(`${dir}/`),
        Buffer.from([0x6c, 0x61, 0x74, 0xe9, 0x2e, 0x66, 0x69, 0x74, 0x73]),
      ]),
      bytes,
    );
    const html = join(work, 'hostile.html');
    const json = await cli([
      'check',
      dir,
      '--mast',
      'offline',
      '--format',
      'json',
      '--html',
      html,
      '--project',
      'nirdemo',
    ]);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.files.length).toBe(5);
    expect(report.files.map((f: { path: string }) => f.path)).toContain('new\nline.fits');
    const page = readFileSync(html, 'utf8');
    expect(page).not.toContain('<script>alert(1)');
    const stylish = await cli(['check', dir, '--mast', 'offline', '--project', 'nirdemo']);
    expect(stylish.stdout).toContain('new\\x0aline.fits');
    const github = await cli([
      'check',
      dir,
      '--mast',
      'offline',
      '--format',
      'github',
      '--project',
      'nirdemo',
    ]);
    for (const line of github.stdout.trim().split('\n'))
      expect(line.startsWith('::') || line.startsWith('hlsp-validate:')).toBe(true);
  });
});

describe('the checked tree is never written to', () => {
  /** Every file below `dir` with its bytes' SHA-256, sorted: equal before and after means untouched. */
  function treeHash(dir: string): string {
    const lines: string[] = [];
    const walk = (at: string) => {
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        const path = join(at, entry.name);
        if (entry.isDirectory()) walk(path);
        else lines.push(`${path} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      }
    };
    walk(dir);
    return lines.sort().join('\n');
  }

  it('leaves the collection byte for byte as it was after an online run', async () => {
    const dir = join(work, 'untouched');
    cpSync(join(REPO, 'fixtures/demo-broken'), dir, { recursive: true });
    const before = treeHash(dir);
    const cacheDir = join(work, 'outside-cache');
    const result = await cli([
      'check',
      dir,
      '--mast',
      'online',
      '--mast-url',
      server.url,
      '--cache-dir',
      cacheDir,
    ]);
    expect(result.status, result.stderr).toBe(1);
    expect(readdirSync(cacheDir).length).toBeGreaterThan(0);
    expect(treeHash(dir)).toBe(before);
  });

  it('refuses an online run whose cache is inside the checked tree, naming both paths', async () => {
    const dir = join(work, 'cache-inside');
    cpSync(join(REPO, 'fixtures/demo-broken'), dir, { recursive: true });
    const before = treeHash(dir);
    const inside = join(dir, 'mast-cache');
    const result = await cli([
      'check',
      dir,
      '--mast',
      'online',
      '--mast-url',
      server.url,
      '--cache-dir',
      inside,
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(inside);
    expect(result.stderr).toContain(dir);
    expect(treeHash(dir)).toBe(before);
  });
});

describe('a MAST cross-reference that did not happen', () => {
  /** A clean collection (the demo) in a temporary directory, with a config of our own. */
  function cleanCopy(name: string, mast: Record<string, unknown> = {}): string {
    const dir = join(work, name);
    cpSync(join(REPO, 'fixtures/demo'), dir, { recursive: true });
    const configFile = join(dir, 'hlsp.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    writeFileSync(configFile, JSON.stringify({ ...config, mast: { ...config.mast, ...mast } }));
    return dir;
  }

  it('is a PASS with exit 0 by default, and exit 1 with --require-mast, said in every output', async () => {
    const dir = cleanCopy('unreachable');
    const unreachable = ['--mast', 'online', '--mast-url', 'http://127.0.0.1:9'];
    const out = (name: string) => join(work, `unreachable-${name}`);
    const [plain, required] = await Promise.all([
      cli(['check', dir, ...unreachable, '--cache-dir', join(work, 'cache-a'), '--format', 'json']),
      cli([
        'check',
        dir,
        ...unreachable,
        '--cache-dir',
        join(work, 'cache-b'),
        '--require-mast',
        '--format',
        'stylish',
        '--format',
        `json:${out('r.json')}`,
        '--format',
        `junit:${out('r.xml')}`,
        '--format',
        `github:${out('r.github')}`,
        '--format',
        `sarif:${out('r.sarif')}`,
        '--format',
        `markdown:${out('r.md')}`,
        '--html',
        out('r.html'),
      ]),
    ]);
    expect(plain.status, plain.stderr).toBe(0);
    const report = JSON.parse(plain.stdout);
    expect(report.summary.verdict).toBe('PASS');
    expect(report.mastRequired).toBeUndefined();
    expect(report.notChecked.length).toBeGreaterThan(0);

    expect(required.status, required.stderr).toBe(1);
    const stderr = required.stderr.trim().split('\n');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(
      /^hlsp-validate: the MAST cross-reference is required \(--require-mast or mast\.required\) but did not happen: MAST could not be queried: cannot reach MAST/,
    );
    const json = JSON.parse(readFileSync(out('r.json'), 'utf8'));
    expect(json.summary.verdict).toBe('PASS');
    expect(json.mastRequired).toEqual({
      met: false,
      reason: expect.stringMatching(/^MAST could not be queried/),
    });
    const mastRules = json.notChecked.map((entry: { ruleId: string }) => entry.ruleId);
    expect(mastRules).toContain('mast/observation-exists');
    expect(required.stdout).toMatch(/^not checked: mast\/observation-exists, .*: MAST could not be queried/m);
    const junit = readFileSync(out('r.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toMatch(
      /<testcase classname="\(collection\)" name="mast\/observation-exists"><skipped message="not checked: MAST could not be queried/,
    );
    expect(readFileSync(out('r.github'), 'utf8')).toMatch(
      /^::warning title=mast\/observation-exists not checked::not checked: MAST could not be queried/m,
    );
    const sarif = JSON.parse(readFileSync(out('r.sarif'), 'utf8'));
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes.map((n: { associatedRule: { id: string } }) => n.associatedRule.id)).toEqual(mastRules);
    const md = readFileSync(out('r.md'), 'utf8');
    expect(md).toMatch(/\*\*The MAST cross-reference is required but did not happen, so the run fails:\*\*/);
    expect(md).toMatch(/^- mast\/observation-exists, .*: MAST could not be queried/m);
    expect(readFileSync(out('r.html'), 'utf8')).toMatch(
      /<ul id="not-checked"><li><strong>mast\/observation-exists, [^<]*<\/strong>: MAST could not be queried/,
    );
  }, 60_000);

  it('fails offline mode when required, from the flag or the config, and --no-require-mast lifts it', async () => {
    const dir = cleanCopy('offline');
    const flag = await cli(['check', dir, '--mast', 'offline', '--require-mast']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toMatch(/required .* but did not happen: --mast offline: MAST was not asked\n$/);
    const fromConfig = cleanCopy('offline-required', { required: true });
    const config = await cli(['check', fromConfig, '--mast', 'offline']);
    expect(config.status).toBe(1);
    expect(config.stderr).toMatch(/but did not happen: --mast offline/);
    const lifted = await cli(['check', fromConfig, '--mast', 'offline', '--no-require-mast']);
    expect(lifted.status, lifted.stderr).toBe(0);
    expect(lifted.stderr).toBe('');
  });

  it('passes when the cross-reference happened (recorded answers)', async () => {
    const dir = cleanCopy('replayed', { required: true });
    const result = await cli(['check', dir, '--mast', 'cache', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).mastRequired).toEqual({ met: true });
  });
});
