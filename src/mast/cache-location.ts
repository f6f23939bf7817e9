import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Where online answers are kept unless --cache-dir or the config says otherwise. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hlsp-validate', 'mast');
}

/**
 * A path made absolute with its symlinks resolved. The cache directory may not exist yet, so the
 * deepest part that exists is resolved and the rest appended as written (already normalised).
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  for (let existing = absolute; ; existing = dirname(existing)) {
    try {
      return join(realpathSync.native(existing), ...missing.reverse());
    } catch {
      if (dirname(existing) === existing) return absolute;
      missing.push(basename(existing));
    }
  }
}

/** True when `inner` is `outer` or lies below it (both absolute and resolved). */
function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`));
}

/** A path for a one-line message: quoted, with control characters as escapes (JSON string syntax). */
function shown(given: string, real: string): string {
  return resolve(given) === real
    ? JSON.stringify(given)
    : `${JSON.stringify(given)} (really ${JSON.stringify(real)})`;
}

/**
 * Why the MAST cache directory may not be used with these checked paths, or null when it may:
 * hlsp-validate never writes into the tree it checks, and a cache inside it would (and its files
 * would then be checked as part of the collection). Paths are compared after resolving relative
 * parts against the working directory and following symlinks, so no spelling slips past.
 */
export function cacheDirProblem(cacheDir: string, checkedRoots: string[]): string | null {
  const cache = realPath(cacheDir);
  for (const root of checkedRoots) {
    const checked = realPath(root);
    if (!isWithin(cache, checked)) continue;
    const where = cache === checked ? 'is the checked directory' : 'is inside the checked directory';
    return `the MAST cache directory ${shown(cacheDir, cache)} ${where} ${shown(root, checked)}; hlsp-validate never writes into what it checks, so choose a cache directory outside it`;
  }
  return null;
}
