import { accessSync, constants, type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileKind } from '../report/types.js';
import { globMatcher } from '../util/glob.js';

export interface DiscoveredEntry {
  /** Absolute path on disk (bytes when the name is not valid UTF-8). */
  absolute: string | Buffer;
  /** Relative to the collection root, `/` separated. */
  path: string;
  kind: FileKind;
  /** Bytes, when discovery already knows them; otherwise the file's size is measured when it is read. */
  size?: number;
  isDirectory: boolean;
  /** Why the entry was not read (symlink, unreadable); it becomes a finding. */
  skipped?: 'symlink' | 'symlink-outside' | 'symlink-loop' | 'unreadable' | 'special';
}

export interface DiscoverResult {
  root: string;
  entries: DiscoveredEntry[];
}

export class InputError extends Error {}

const README = /^hlsp_[^_]+_readme\.[a-z0-9.]+$/i;
const MANIFEST = /^hlsp_[^_]+_manifest\.csv$/i;
const PREVIEW = /\.(png|jpe?g|gif|tiff?|pdf)$/i;
const TABLE = /\.(csv|ecsv|txt|dat|tsv|parquet|h5|hdf5|db|sqlite|votable|xml|asdf)$/i;

/** Classifies a file by its name; FITS files are confirmed by their first bytes when read. */
export function classify(name: string): FileKind {
  const lower = name.toLowerCase();
  if (README.test(lower)) return 'readme';
  if (MANIFEST.test(lower)) return 'manifest';
  // 'fits.gz' is the kind of compressed FITS, read through a decompressing stream: bzip2 too, so
  // the collection and MAST passes, which take both FITS kinds, take these products as well.
  if (/\.(fits|fit|fts)\.(gz|bz2)$/.test(lower)) return 'fits.gz';
  // fpack's tile-compressed FITS is FITS on disk: read as any .fits file.
  if (/\.(fits|fit|fts)(\.fz)?$/.test(lower)) return 'fits';
  if (PREVIEW.test(lower)) return 'preview';
  if (TABLE.test(lower)) return 'table';
  return 'other';
}

/** The deepest directory that holds every input. */
function commonRoot(paths: string[]): string {
  const dirs = paths.map((path) => {
    try {
      return statSync(path).isDirectory() ? path : dirname(path);
    } catch {
      return dirname(path);
    }
  });
  let root = dirs[0]!;
  for (const dir of dirs.slice(1)) {
    while (!(dir === root || dir.startsWith(root.endsWith(sep) ? root : root + sep))) root = dirname(root);
  }
  return root;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** A file name that is not valid UTF-8 cannot be shown as it is; its bytes still open the file. */
function decodeName(name: Buffer): string {
  return name.toString('utf8');
}

/** The path of a directory's child: a string when its name and the directory's are valid UTF-8, else the bytes. */
function childPath(dir: string | Buffer, name: string | Buffer, decoded: string): string | Buffer {
  const valid = typeof name === 'string' || !decoded.includes('\uFFFD');
  if (valid && typeof dir === 'string') return dir + sep + decoded;
  return Buffer.concat([Buffer.from(dir), SEPARATOR, typeof name === 'string' ? Buffer.from(name) : name]);
}

/**
 * A directory's entries with their types. Names are read as text, which is cheaper; a directory
 * holding a name that is not valid UTF-8 (it decodes with U+FFFD) is read again as bytes, so that
 * the file can still be opened by its real name.
 */
function listDirectory(dir: string | Buffer): Dirent<string>[] | Dirent<Buffer>[] {
  const children = readdirSync(dir, { withFileTypes: true });
  if (!children.some((child) => child.name.includes('\uFFFD'))) return children;
  return readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
}

const SEPARATOR = Buffer.from(sep);

/**
 * Walks the inputs. Symbolic links are never followed: each becomes an entry marked `skipped`, so
 * the report says what was passed over (a link can loop or lead outside the collection). A file whose
 * name is not valid UTF-8 is still found and read by its bytes, never dropped.
 * Directory entries carry their type, so files are not stat'ed here: their size is measured when
 * they are read, on the checking threads.
 */
export function discover(inputs: string[], options: { ignore?: string[] } = {}): DiscoverResult {
  if (inputs.length === 0) throw new InputError('no input path given');
  const absolute = inputs.map((input) => resolve(input));
  for (const [i, path] of absolute.entries()) {
    try {
      lstatSync(path);
    } catch {
      throw new InputError(`path not found: ${inputs[i]}`);
    }
  }
  const root = commonRoot(absolute);
  const ignored = globMatcher(options.ignore ?? []);
  const seen = new Set<string>();
  const entries: DiscoveredEntry[] = [];
  const add = (
    abs: string | Buffer,
    path: string,
    name: string,
    isDirectory: boolean,
    size: number | undefined,
    skipped?: DiscoveredEntry['skipped'],
  ) => {
    if (seen.has(path)) return;
    seen.add(path);
    // One shape for every entry (absent fields undefined): the checking code reads them monomorphically.
    entries.push({
      absolute: abs,
      path,
      kind: isDirectory ? 'other' : classify(name),
      size,
      isDirectory,
      skipped,
    });
  };
  const walk = (dir: string | Buffer, relativeDir: string) => {
    let children: Dirent<string>[] | Dirent<Buffer>[];
    try {
      children = listDirectory(dir);
    } catch {
      const name = basename(dir.toString());
      add(dir, relativeDir || name, name, true, 0, 'unreadable');
      return;
    }
    for (const child of children) {
      const name = typeof child.name === 'string' ? child.name : decodeName(child.name);
      const abs = childPath(dir, child.name, name);
      const path = relativeDir === '' ? name : `${relativeDir}/${name}`;
      if (ignored(path)) continue;
      if (child.isSymbolicLink()) add(abs, path, name, false, 0, symlinkKind(abs.toString('utf8'), root));
      else if (child.isDirectory()) {
        const readable = isReadableDirectory(abs);
        add(abs, path, name, true, 0, readable ? undefined : 'unreadable');
        if (readable) walk(abs, path);
      } else if (child.isFile()) add(abs, path, name, false, undefined);
      else add(abs, path, name, false, 0, 'special');
    }
  };
  for (const input of absolute) {
    const stat = lstatSync(input);
    const path = toPosix(relative(root, input));
    const name = basename(input);
    if (stat.isDirectory()) walk(input, path);
    else if (ignored(path || name)) continue;
    else if (stat.isSymbolicLink()) add(input, path || name, name, false, 0, symlinkKind(input, root));
    else if (stat.isFile()) add(input, path || name, name, false, stat.size);
    else add(input, path || name, name, false, 0, 'special');
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, entries };
}

function symlinkKind(path: string, root: string): DiscoveredEntry['skipped'] {
  try {
    const target = realpathSync(path);
    const rel = relative(root, target);
    return rel.startsWith('..') || isAbsolute(rel) ? 'symlink-outside' : 'symlink';
  } catch (error) {
    return (error as { code?: string }).code === 'ELOOP' ? 'symlink-loop' : 'symlink';
  }
}

/** A directory we cannot list is reported, not silently skipped. */
function isReadableDirectory(path: string | Buffer): boolean {
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
