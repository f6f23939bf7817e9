/**
 * The package's own files (schemas, package.json), found from the package root: the compiled
 * modules and the bundled build sit at different depths below it.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('hlsp-validate cannot find its package.json');
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot();

/** A path inside the package, e.g. `packagePath('schemas', 'keywords')`. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
