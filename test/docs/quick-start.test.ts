/**
 * The README's quick start as a newcomer runs it: its commands are read from the README (so an
 * edit there is tested), run verbatim in a temporary directory against the packed package, and
 * held to what the README says they do. `npm ci` / `npm install` fetch from the registry, which a
 * test cannot: the packed tarball is installed in their place, once, before the commands run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The fenced blocks of a `## ` section, in order, as [language, text]. */
function blocks(heading: string): { lang: string; text: string }[] {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));
}

/** The commands of a shell block: comments cut, blank lines dropped. */
const commands = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);

/** A command with its installing step left out: the packed tarball stands in for the registry. */
const withoutInstall = (command: string) =>
  command
    .split('&&')
    .map((step) => step.trim())
    .filter((step) => !/^npm (ci|install)\b/.test(step))
    .join(' && ');

const work = mkdtempSync(join(tmpdir(), 'hlsp-quick-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], {
    cwd: REPO,
    encoding: 'utf8',
  }).trim();
  const tarball = join(work, packed.split('\n').pop()!);
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'newcomer', private: true, type: 'module' }),
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball],
    {
      cwd: project,
      stdio: 'pipe',
    },
  );
  // What a clone holds that the quick start uses: the demo contribution.
  cpSync(join(REPO, 'fixtures/demo'), join(project, 'fixtures/demo'), { recursive: true });
}, 240_000);

function run(command: string, cwd = join(work, 'project')) {
  return spawnSync('sh', ['-c', command], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', npm_config_offline: 'true' },
  });
}

describe('the README quick start', () => {
  const [setup, output] = blocks('Quick start');

  it('has the two set-up commands: the demo, and the test suite', () => {
    expect(setup?.lang).toBe('sh');
    const lines = commands(setup!.text);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^npm ci && npx hlsp-validate fixtures\/demo$/);
    // Not run here (it would run this test again): the script it names must exist.
    expect(lines[1]).toBe('npm ci && npm test');
    const scripts = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts;
    expect(scripts.test).toBeTypeOf('string');
  });

  it('checks the demo, exits 0 and prints what the README shows', () => {
    const result = run(withoutInstall(commands(setup!.text)[0]!));
    expect(result.status, result.stderr).toBe(0);
    // Every line the README shows, apart from its "…", is in the output as written.
    const shown = output!.text.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '…');
    expect(shown.length).toBeGreaterThan(3);
    const printed = result.stdout.split('\n');
    for (const line of shown) expect(printed, line).toContain(line);
    expect(result.stdout).toMatch(/^fixtures\/demo: .* · PASS · 0 errors/m);
  });
});

describe('the README install, in a project of ones own', () => {
  const [install] = blocks('Install');

  it('checks a collection with the installed tool', () => {
    expect(install?.lang).toBe('sh');
    const lines = commands(install!.text);
    expect(lines[0]).toMatch(/^npm install --save-dev hlsp-validate$/);
    const check = lines.find((line) => line.startsWith('npx hlsp-validate check '));
    expect(check).toBeDefined();
    // The collection the README names, made from the demo.
    const target = check!.split(' ').pop()!;
    cpSync(join(REPO, 'fixtures/demo'), join(work, 'project', target), { recursive: true });
    const result = run(check!);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/· PASS · 0 errors, 0 warnings/);
  });
});
