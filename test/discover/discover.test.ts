import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classify, discover, InputError } from '../../src/discover/discover.js';

const root = mkdtempSync(join(tmpdir(), 'hlsp-discover-'));
const outside = mkdtempSync(join(tmpdir(), 'hlsp-outside-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('classify', () => {
  it.each([
    ['hlsp_x_jwst_nircam_t_f200w_v1_i2d.fits', 'fits'],
    ['hlsp_x_jwst_nircam_t_f200w_v1_i2d.fits.gz', 'fits.gz'],
    ['hlsp_x_readme.md', 'readme'],
    ['hlsp_x_manifest.csv', 'manifest'],
    ['preview.png', 'preview'],
    ['table.ecsv', 'table'],
    ['notes', 'other'],
  ])('%s is %s', (name, kind) => {
    expect(classify(name)).toBe(kind);
  });
});

describe('discover', () => {
  mkdirSync(join(root, 'Images'));
  writeFileSync(join(root, 'Images', 'a.fits'), 'x');
  writeFileSync(join(root, 'hlsp_x_readme.md'), 'readme');
  writeFileSync(join(outside, 'secret.fits'), 'x');
  symlinkSync(join(outside, 'secret.fits'), join(root, 'link-out.fits'));
  symlinkSync(join(root, 'hlsp_x_readme.md'), join(root, 'link-in.md'));
  symlinkSync(join(root, 'loop'), join(root, 'loop'));

  it('lists files and directories with root-relative paths, sorted', () => {
    const { entries } = discover([root]);
    expect(entries.map((e) => e.path)).toEqual([
      'Images',
      'Images/a.fits',
      'hlsp_x_readme.md',
      'link-in.md',
      'link-out.fits',
      'loop',
    ]);
    expect(entries.find((e) => e.path === 'Images')!.isDirectory).toBe(true);
  });

  it('never follows symbolic links, and says why each was skipped', () => {
    const byPath = new Map(discover([root]).entries.map((e) => [e.path, e.skipped]));
    expect(byPath.get('link-out.fits')).toBe('symlink-outside');
    expect(byPath.get('link-in.md')).toBe('symlink');
    expect(byPath.get('loop')).toBe('symlink-loop');
  });

  it('uses the common directory of several inputs as the root', () => {
    const result = discover([join(root, 'Images', 'a.fits'), join(root, 'hlsp_x_readme.md')]);
    expect(result.root).toBe(root);
    expect(result.entries.map((e) => e.path)).toEqual(['Images/a.fits', 'hlsp_x_readme.md']);
  });

  it('applies ignore globs', () => {
    expect(discover([root], { ignore: ['Images/**'] }).entries.map((e) => e.path)).not.toContain(
      'Images/a.fits',
    );
  });

  it('finds files whose name, or whose directory name, is not valid UTF-8, and opens them by their bytes', () => {
    const base = mkdtempSync(join(tmpdir(), 'hlsp-bytes-'));
    try {
      const latin = (text: string) => Buffer.from(text, 'latin1'); // é is one byte, 0xe9: not UTF-8
      const inBytes = (...parts: Buffer[]) =>
        Buffer.concat(parts.flatMap((part) => [Buffer.from('/'), part]));
      const badDir = inBytes(Buffer.from(base), latin('donn\u00e9es'));
      mkdirSync(badDir);
      writeFileSync(inBytes(badDir, Buffer.from('good.fits')), 'in a badly named directory');
      mkdirSync(join(base, 'plain'));
      writeFileSync(join(base, 'plain', 'good.fits'), 'a plain file');
      writeFileSync(inBytes(Buffer.from(base), Buffer.from('plain'), latin('caf\u00e9.fits')), 'badly named');
      const files = discover([base]).entries.filter((entry) => !entry.isDirectory);
      expect(files.map((entry) => entry.path)).toEqual([
        'donn\uFFFDes/good.fits',
        'plain/caf\uFFFD.fits',
        'plain/good.fits',
      ]);
      expect(files.map((entry) => readFileSync(entry.absolute, 'utf8'))).toEqual([
        'in a badly named directory',
        'badly named',
        'a plain file',
      ]);
      expect(typeof files[2]!.absolute).toBe('string');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('throws an input error for a missing path', () => {
    expect(() => discover([join(root, 'nope')])).toThrow(InputError);
  });

  it('marks unreadable directories', () => {
    const locked = join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0);
    chmodSync(root, 0o755);
    try {
      expect(discoverAsUnprivileged(root).find((e) => e.path === 'locked')?.skipped).toBe('unreadable');
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

/** Root can read anything, so as root the check runs in a child process under the 'nobody' user. */
function discoverAsUnprivileged(dir: string): { path: string; skipped?: string }[] {
  if (process.getuid?.() !== 0) return discover([dir]).entries;
  const compiled = new URL('../../dist/discover/discover.js', import.meta.url).pathname;
  if (!existsSync(compiled))
    throw new Error('run `npm run build` first: this test runs the compiled discover module as another user');
  const script = `import(${JSON.stringify(compiled)}).then((m) => console.log(JSON.stringify(m.discover([${JSON.stringify(dir)}]).entries)))`;
  const result = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}
