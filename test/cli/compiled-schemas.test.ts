/**
 * The build compiles the shipped schemas to standalone validators (scripts/compile-schemas.mjs); the
 * tests in-process compile them with ajv at run time. Both must give the same findings, and the
 * compiled tool must not load ajv at all.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, REPO } from '../support/cli.js';

interface PinnedFinding {
  ruleId: string;
  hdu: number | null;
  keyword: string | null;
  offset: number | null;
  message: string;
}

const PROFILE_RULES = /^hlsp\/keyword-/;
const pick = ({ ruleId, hdu, keyword, offset, message }: PinnedFinding) => ({
  ruleId,
  hdu,
  keyword,
  offset,
  message,
});

describe('precompiled schemas', () => {
  it('give the keyword corpus exactly its golden keyword-profile findings', () => {
    const corpus = join(REPO, 'fixtures/keywords');
    const result = cli(['check', corpus, '--mast', 'offline', '--format', 'json', '--project', 'nirdemo']);
    expect(result.status, result.stderr).not.toBe(2);
    const report = JSON.parse(result.stdout) as { findings: (PinnedFinding & { path: string })[] };
    let compared = 0;
    for (const name of readdirSync(corpus)) {
      const golden = readdirSync(join(corpus, name)).find((file) => file.endsWith('.expected.json'));
      if (!golden) continue;
      const expected = (JSON.parse(readFileSync(join(corpus, name, golden), 'utf8')) as PinnedFinding[])
        .filter((f) => PROFILE_RULES.test(f.ruleId))
        .map(pick);
      const actual = report.findings
        .filter((f) => f.path.startsWith(`${name}/`) && PROFILE_RULES.test(f.ruleId))
        .map(pick);
      expect(actual, name).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('are used by the built tool, which never loads ajv', () => {
    const probe = `
      import { createRequire } from 'node:module';
      const { defaultProfiles } = await import('./dist/rules/hlsp/support/profiles.js');
      const { validateConfig } = await import('./dist/config/config.js');
      defaultProfiles();
      const problems = validateConfig({ mast: { url: 'not a url' }, colour: 1 }, []);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((m) => /ajv.dist.(ajv|core)\\.js$/.test(m));
      console.log(JSON.stringify({ problems, loaded }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const { problems, loaded } = JSON.parse(run.stdout);
    expect(loaded).toEqual([]);
    expect(problems).toEqual(["/: unknown setting 'colour'", '/mast/url: must match format "uri"']);
  });
});
