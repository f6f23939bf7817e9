import picomatch from 'picomatch';

/**
 * A matcher for picomatch globs (with `dot: true`), testing a path against their regular
 * expressions directly: picomatch's own matcher builds a result object on every call, and this one
 * runs once for every file of a collection. Same answers as `picomatch(globs, { dot: true })`.
 */
export function globMatcher(glob: string | string[]): (path: string) => boolean {
  const globs = typeof glob === 'string' ? [glob] : glob;
  const expressions = globs.map((glob) => picomatch.makeRe(glob, { dot: true }));
  return (path) => {
    if (path === '') return false;
    for (let i = 0; i < globs.length; i++) if (path === globs[i] || expressions[i]!.test(path)) return true;
    return false;
  };
}
