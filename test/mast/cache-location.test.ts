/** The MAST cache directory must lie outside every checked tree, however the paths are spelled. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirProblem } from '../../src/mast/cache-location.js';

let base: string;
let checked: string;
let elsewhere: string;
beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'hlsp-cache-location-')));
  checked = join(base, 'collection');
  elsewhere = join(base, 'elsewhere');
  mkdirSync(join(checked, 'sub'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(join(checked, 'one.fits'), '');
  symlinkSync(checked, join(base, 'link-to-collection'));
  symlinkSync(join(checked, 'sub'), join(elsewhere, 'link-into-collection'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('cacheDirProblem', () => {
  it('names both paths when the cache is the checked directory', () => {
    expect(cacheDirProblem(checked, [checked])).toBe(
      `the MAST cache directory ${JSON.stringify(checked)} is the checked directory ${JSON.stringify(checked)}; hlsp-validate never writes into what it checks, so choose a cache directory outside it`,
    );
  });

  it('names both paths when the cache is inside a checked directory, even one that does not exist yet', () => {
    const cache = join(checked, 'sub', '.cache', 'mast');
    expect(cacheDirProblem(cache, [elsewhere, checked])).toBe(
      `the MAST cache directory ${JSON.stringify(cache)} is inside the checked directory ${JSON.stringify(checked)}; hlsp-validate never writes into what it checks, so choose a cache directory outside it`,
    );
  });

  it('accepts a cache beside the checked directory, including one whose name starts the same', () => {
    expect(cacheDirProblem(join(base, 'collection-cache'), [checked])).toBeNull();
    expect(cacheDirProblem(join(elsewhere, 'mast'), [checked])).toBeNull();
    expect(cacheDirProblem(join(checked, '..', 'elsewhere'), [checked])).toBeNull();
  });

  it('accepts a cache that contains the checked directory (the cache is written, not the tree)', () => {
    expect(cacheDirProblem(base, [checked])).toBeNull();
  });

  it('sees through a symlinked checked directory', () => {
    const problem = cacheDirProblem(join(checked, 'cache'), [join(base, 'link-to-collection')]);
    expect(problem).toContain(JSON.stringify(join(checked, 'cache')));
    expect(problem).toContain(JSON.stringify(join(base, 'link-to-collection')));
    expect(problem).toContain(`(really ${JSON.stringify(checked)})`);
  });

  it('sees through a symlink in the cache path that leads into the checked tree', () => {
    const cache = join(elsewhere, 'link-into-collection', 'not-yet', 'mast');
    const problem = cacheDirProblem(cache, [checked]);
    expect(problem).toContain(
      `the MAST cache directory ${JSON.stringify(cache)} (really ${JSON.stringify(join(checked, 'sub', 'not-yet', 'mast'))}) is inside`,
    );
  });

  it('resolves relative paths against the working directory', () => {
    const before = process.cwd();
    process.chdir(base);
    try {
      expect(cacheDirProblem('collection/sub/../cache', ['collection'])).toContain(
        'is inside the checked directory "collection"',
      );
      expect(cacheDirProblem('./elsewhere/cache', ['collection'])).toBeNull();
      expect(cacheDirProblem(relative(base, checked), ['./collection/'])).toContain(
        'is the checked directory',
      );
    } finally {
      process.chdir(before);
    }
  });

  it('accepts any cache when a checked path is a single file', () => {
    expect(cacheDirProblem(join(checked, 'cache'), [join(checked, 'one.fits')])).toBeNull();
  });

  it('shows control characters in a path as escapes, so the message stays on one line', () => {
    const cache = join(checked, 'odd\nname\u001b[2J');
    const problem = cacheDirProblem(cache, [checked]);
    expect(problem).not.toMatch(/[\u0000-\u001f]/);
    expect(problem).toContain('odd\\nname\\u001b[2J');
  });
});
