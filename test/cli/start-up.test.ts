/**
 * A run loads only what it uses: the formatters it writes and, for a MAST pass, the client only
 * when MAST is asked. The modules a run loads are recorded with a module loader hook; a bundle
 * chunk stands for the modules esbuild names in its `// path` comments.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { card, fitsFile, primaryCards } from '../support/fits-builder.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-start-up-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hooks = join(work, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.LOADED_LOG, url + '\\n');
  return next(url, context);
}
`,
);
const register = join(work, 'register.mjs');
writeFileSync(
  register,
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
);

/** The source modules a run of the command line loaded, as paths ending in dist/… or node_modules/…. */
function modulesLoadedBy(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { modules: string[]; status: number | null } {
  const log = join(work, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const result = cli(args, { env: { ...env, LOADED_LOG: log, NODE_OPTIONS: `--import=${register}` } });
  const modules: string[] = [];
  for (const url of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const path = fileURLToPath(url);
    if (!/[/\\]dist[/\\]bundle[/\\]/.test(path)) {
      modules.push(path);
      continue;
    }
    for (const match of readFileSync(path, 'utf8').matchAll(/^\/\/ (\S+\.[cm]?js)$/gm))
      modules.push(match[1]);
  }
  return { modules, status: result.status };
}

const loaded = (modules: string[], module: string): boolean =>
  modules.some((path) => path.replaceAll('\\', '/').endsWith(module));

const tiny = join(work, 'tiny.fits');
writeFileSync(tiny, fitsFile([{ cards: primaryCards() }]));

const FORMATTERS = ['stylish', 'json', 'sarif', 'junit', 'github', 'html', 'markdown', 'codeclimate'];

describe('start-up: a run loads only what it uses', () => {
  it('has a bundle whose chunks name their modules', () => {
    expect(existsSync(new URL('../../dist/bundle/cli.js', import.meta.url))).toBe(true);
  });

  it('a JSON report of an offline run loads the JSON formatter alone, and no MAST client', () => {
    const { modules, status } = modulesLoadedBy(['check', tiny, '--mast', 'offline', '--format', 'json']);
    expect(status).toBe(1);
    expect(loaded(modules, 'dist/report/json.js')).toBe(true);
    for (const other of FORMATTERS.filter((name) => name !== 'json'))
      expect(loaded(modules, `dist/report/${other}.js`), other).toBe(false);
    expect(modules.some((path) => /node_modules[/\\]chalk[/\\]/.test(path))).toBe(false);
    expect(loaded(modules, 'dist/mast/offline.js')).toBe(true);
    for (const lookup of ['pass', 'client', 'cache'])
      expect(loaded(modules, `dist/mast/${lookup}.js`), lookup).toBe(false);
    expect(modules.some((path) => /node_modules[/\\]undici[/\\]/.test(path))).toBe(false);
    for (const reader of ['png', 'gif', 'jpeg', 'parquet', 'csv', 'ecsv', 'votable', 'asdf'])
      expect(loaded(modules, `dist/readers/${reader}.js`), reader).toBe(false);
  });

  it('SARIF and the terminal summary load their own two formatters', () => {
    const sarif = join(work, 'report.sarif');
    const { modules } = modulesLoadedBy(['check', tiny, '--mast', 'offline', '--format', `sarif:${sarif}`]);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(loaded(modules, 'dist/report/sarif.js')).toBe(true);
    expect(loaded(modules, 'dist/report/stylish.js')).toBe(true);
    for (const other of ['json', 'junit', 'github', 'html', 'markdown', 'codeclimate'])
      expect(loaded(modules, `dist/report/${other}.js`), other).toBe(false);
  });

  it('a step summary loads the Markdown formatter', () => {
    const summary = join(work, 'summary.md');
    const { modules } = modulesLoadedBy(['check', tiny, '--mast', 'offline', '--format', 'json'], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(loaded(modules, 'dist/report/markdown.js')).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('tiny.fits');
  });

  it('replaying a cache loads the MAST client but not the network library', () => {
    const dir = join(work, 'jwst');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'claims.fits');
    writeFileSync(
      file,
      fitsFile([
        {
          cards: [
            ...primaryCards(),
            card('TELESCOP', 'JWST'),
            card('FILEID01', 'jw02736-o001_t001_nircam_clear-f200w'),
          ],
        },
      ]),
    );
    const { modules } = modulesLoadedBy([
      'check',
      file,
      '--mast',
      'cache',
      '--cache-dir',
      join(work, 'empty-cache'),
      '--format',
      'json',
    ]);
    expect(loaded(modules, 'dist/mast/pass.js')).toBe(true);
    expect(loaded(modules, 'dist/mast/client.js')).toBe(true);
    expect(modules.some((path) => /node_modules[/\\]undici[/\\]/.test(path))).toBe(false);
  });
});
