import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  findConfig,
  projectSettings,
  readConfigFile,
  validateConfig,
} from '../../src/config/config.js';
import { configSchema } from '../../src/config/schema.js';
import { allRuleMeta } from '../../src/rules/index.js';

const dir = mkdtempSync(join(tmpdir(), 'hlsp-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ids = allRuleMeta.map((r) => r.id);

describe('config', () => {
  it('schemas/config.schema.json is what the rule metadata generates (run `npm run generate` after adding a rule)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(configSchema(allRuleMeta))));
  });

  it('schemas/config.schema.json is a valid JSON Schema (the tool compiles it without the meta-schema check)', async () => {
    const { default: Ajv } = await import('ajv');
    const ajv = new Ajv.default({ strict: false });
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8'),
    );
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validateSchema({ type: 'object', properties: { a: { minimum: 'low' } } })).toBe(false);
  });

  it('every rule id is unique, namespaced, and documented', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const meta of allRuleMeta) {
      expect(meta.id).toMatch(
        /^(name|format|fits|hlsp|collection|mast|internal|file|image|ecsv|csv|parquet|archive|votable|asdf)\/[a-z0-9-]+$/,
      );
      expect(meta.description.length).toBeGreaterThan(20);
    }
  });

  it('accepts a full valid config', () => {
    expect(
      validateConfig(
        {
          project: 'ceers',
          doi: '10.17909/abc',
          rules: { fits: 'warning', 'name/*': 'off', 'fits/checksum': 'error' },
          profiles: [{ files: 'cat/**', profiles: ['catalog'] }],
          ignore: ['x/**'],
          mast: { mode: 'cache', cacheDir: 'c', url: 'https://mast.stsci.edu' },
        },
        ids,
      ),
    ).toEqual([]);
  });

  it('requires mast.url to be an absolute URL', () => {
    for (const url of ['mast.stsci.edu', 'not a url', '/api/v0']) {
      expect(validateConfig({ mast: { url } }, ids), url).toEqual(['/mast/url: must match format "uri"']);
    }
    expect(validateConfig({ mast: { url: 'http://127.0.0.1:8080/base' } }, ids)).toEqual([]);
  });

  it('says where each problem is, and suggests the rule id that was meant', () => {
    const problems = validateConfig(
      {
        project: 'ceers',
        rules: { 'fits/checksun': 'off', 'name/version': 'loud' },
        colour: true,
        profiles: [{ files: 'x' }],
      },
      ids,
    );
    expect(problems).toContain(
      "/rules/fits/checksun: unknown rule id 'fits/checksun'; did you mean 'fits/checksum'?",
    );
    expect(problems).toContain("/: unknown setting 'colour'");
    expect(
      problems.some((p) =>
        p.startsWith('/rules/name/version: must be one of "off", "info", "warning", "error"'),
      ),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('/profiles/0'))).toBe(true);
  });

  it('names the new id of a renamed rule', () => {
    expect(validateConfig({ rules: { 'mast/target-position': 'off' } }, ids)).toEqual([
      "/rules/mast/target-position: the rule 'mast/target-position' is now 'mast/footprint-overlap'; use the new id",
    ]);
  });

  it('reports broken JSON with a line and column', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{\n  "project": "x",\n  oops\n}');
    expect(() => readConfigFile(path, ids)).toThrow(ConfigError);
    expect(() => readConfigFile(path, ids)).toThrow(/line 3, column/);
  });

  it('is found by searching upward', () => {
    writeFileSync(join(dir, 'hlsp.config.json'), '{"project":"up"}');
    const deep = join(dir, 'a', 'b');
    expect(findConfig(deep)).toBe(join(dir, 'hlsp.config.json'));
  });

  it('lets --project win over the config', () => {
    expect(projectSettings({ project: 'ceers', doi: '10.17909/x' }, 'JADES')).toEqual({
      project: 'jades',
      doi: '10.17909/x',
    });
  });
});
