/**
 * `npm run new-rule` scaffolds a rule that the layout test accepts: the rule under its id, a test
 * whose failing case fails until the rule is written, a docs page, and the registry entry.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-new-rule-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TSX = join(REPO, 'node_modules/.bin/tsx');
const scaffold = (root: string, ...args: string[]) =>
  spawnSync(TSX, [join(REPO, 'scripts/new-rule.ts'), ...args, '--root', root], { encoding: 'utf8' });

describe('npm run new-rule', () => {
  const root = join(work, 'checkout');
  cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
  cpSync(join(REPO, 'test/support'), join(root, 'test/support'), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json', 'biome.json'])
    cpSync(join(REPO, file), join(root, file));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  cpSync(join(REPO, 'schemas'), join(root, 'schemas'), { recursive: true });

  it('writes the rule, its test, its page and its registry entry', () => {
    const run = scaffold(root, 'hlsp/bunit-present');
    expect(run.status, run.stderr).toBe(0);
    const rule = readFileSync(join(root, 'src/rules/hlsp/bunit-present.ts'), 'utf8');
    expect(rule).toContain("id: 'hlsp/bunit-present'");
    expect(rule).toContain("scope: 'fits'");
    expect(existsSync(join(root, 'docs/rules/hlsp/bunit-present.md'))).toBe(true);
    const registry = readFileSync(join(root, 'src/rules/index.ts'), 'utf8');
    expect(registry).toContain("import { bunitPresent } from './hlsp/bunit-present.js';");
    expect(registry.slice(registry.indexOf('fits: ['), registry.indexOf('collection: ['))).toContain(
      'bunitPresent',
    );
  });

  it('gives a test whose failing case fails until the rule is written', () => {
    const run = spawnSync(
      join(REPO, 'node_modules/.bin/vitest'),
      ['run', '--root', root, '--dir', root, 'test/rules/hlsp/bunit-present.test.ts', '--reporter', 'json'],
      { cwd: root, encoding: 'utf8' },
    );
    const results = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    const states = Object.fromEntries(
      results.testResults[0].assertionResults.map((test: { title: string; status: string }) => [
        test.title,
        test.status,
      ]),
    );
    expect(states).toEqual({ 'reports the defect': 'failed', 'passes a correct product': 'passed' });
  }, 60_000);

  it('refuses a malformed id, an unknown group and a rule that exists', () => {
    expect(scaffold(root, 'Fits/X').status).toBe(2);
    expect(scaffold(root, 'acme/thing').stderr).toMatch(/unknown group 'acme'/);
    expect(scaffold(root, 'hlsp/bunit-present').stderr).toMatch(/already exists/);
  });
});
