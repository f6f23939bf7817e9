/**
 * Report paths are relative to the collection root; GitHub annotations and GitLab Code Quality
 * want them relative to the repository, where the job runs.
 */
import { isAbsolute, relative } from 'node:path';
import type { Report } from './types.js';

const toPosix = (path: string) => path.replace(/\\/g, '/');

/**
 * Where the check started, relative to the directory the job runs in (the repository checkout):
 * `data` for `check ./data/`. An absolute root is made relative.
 */
function rootInRepository(root: string, cwd: string): string {
  const fromCwd = isAbsolute(root) ? relative(cwd, root) : root;
  const posix = toPosix(fromCwd)
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  return posix === '.' ? '' : posix;
}

/**
 * A report path (relative to the collection root) as a path in the repository. A check of one file
 * has that file as its root and the file's name as its only path.
 */
export function repositoryPath(report: Report, path: string, cwd = process.cwd()): string {
  if (!report.root) return path || '.';
  const root = rootInRepository(report.root, cwd);
  const singleFile = report.files.length === 1 && report.files[0]!.path === path && !path.includes('/');
  if (singleFile && (root === path || root.endsWith(`/${path}`))) return root;
  if (!path) return root || '.';
  return root ? `${root}/${path}` : path;
}
