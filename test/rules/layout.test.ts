/**
 * A rule id leads to its file, its test and its docs page: `group/name` lives in
 * src/rules/group/name.ts (one rule per file), is tested in test/rules/group/name.test.ts and
 * documented in docs/rules/group/name.md. Helpers live in a group's support/ folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import { REPO } from '../support/cli.js';

const GROUPS = [
  'name',
  'format',
  'fits',
  'hlsp',
  'collection',
  'mast',
  'internal',
  'file',
  'image',
  'parquet',
  'ecsv',
  'csv',
  'archive',
  'votable',
  'asdf',
];
const all = [
  ...builtinRules.name,
  ...builtinRules.file,
  ...builtinRules.fits,
  ...builtinRules.content,
  ...builtinRules.collection,
  ...builtinRules.mast,
];

const isRule = (value: unknown): value is { meta: { id: string } } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { meta?: { id?: unknown } }).meta?.id === 'string' &&
  typeof (value as { check?: unknown }).check === 'function';

describe('the rule layout', () => {
  it('has only the id groups as folders under src/rules', () => {
    const folders = readdirSync(join(REPO, 'src/rules'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(
      [...GROUPS, 'support'].filter((g) => g !== 'support' || folders.includes(g)).sort(),
    );
  });

  it('keeps one rule per file, named after its id, and registers every one', async () => {
    const registered = new Set(all.map((rule) => rule.meta.id));
    const found: string[] = [];
    for (const group of GROUPS) {
      const dir = join(REPO, 'src/rules', group);
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
        const module: Record<string, unknown> = await import(join(dir, file));
        const rules = Object.values(module).filter(isRule);
        expect(
          rules.map((rule) => rule.meta.id),
          `src/rules/${group}/${file}`,
        ).toEqual([`${group}/${file.replace(/\.ts$/, '')}`]);
        found.push(rules[0]!.meta.id);
      }
    }
    expect(found.sort()).toEqual([...registered].sort());
  });

  it('has no rule objects in support folders', async () => {
    for (const group of GROUPS) {
      const dir = join(REPO, 'src/rules', group, 'support');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
        const module: Record<string, unknown> = await import(join(dir, file));
        expect(Object.values(module).filter(isRule), `${group}/support/${file}`).toEqual([]);
      }
    }
  });

  it.each(all.map((rule) => rule.meta.id))('%s has a test file and a docs page', (id) => {
    const test = join(REPO, 'test/rules', `${id}.test.ts`);
    expect(existsSync(test), `test/rules/${id}.test.ts`).toBe(true);
    expect(readFileSync(test, 'utf8'), `test/rules/${id}.test.ts names its rule`).toContain(id);
    expect(existsSync(join(REPO, 'docs/rules', `${id}.md`)), `docs/rules/${id}.md`).toBe(true);
  });
});
