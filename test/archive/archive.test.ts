import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../rules/format/run-file-rule.js';
import { tarArchive, zipArchive } from '../support/archive-builder.js';
import { checkArchiveBytes } from '../support/check-archive.js';
import { simpleImageFile } from '../support/fits-builder.js';

const FITS = simpleImageFile([], { checksum: true });
const README = Buffer.from('# notes\nplain text\n');

describe('zip archives', () => {
  it('checks every member by its own format, each as its own report entry', async () => {
    const zip = zipArchive([
      { name: 'dir/' },
      { name: 'dir/image.fits', data: FITS },
      { name: 'dir/image2.fits.gz', data: gzipSync(FITS) },
      { name: 'notes.txt', data: README },
    ]);
    const { entry, members, found } = await checkArchiveBytes('bundle.zip', zip);
    expect(found).toEqual(['format/not-checked bundle/bundle.zip!notes.txt']);
    expect(entry).toMatchObject({ format: 'zip', checked: true });
    expect(members.map((member) => [member.path, member.format, member.checked])).toEqual([
      ['bundle/bundle.zip!dir/image.fits', 'fits', true],
      ['bundle/bundle.zip!dir/image2.fits.gz', 'fits', true],
      ['bundle/bundle.zip!notes.txt', 'text', false],
    ]);
    expect(members[0]!.size).toBe(FITS.length);
    expect(members[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('runs the FITS rules on FITS members, located at archive!member', async () => {
    const { found, findings } = await checkArchiveBytes(
      'bundle.zip',
      zipArchive([{ name: 'cut.fits', data: FITS.subarray(0, 4000) }]),
    );
    expect(found).toEqual(['fits/truncated bundle/bundle.zip!cut.fits']);
    expect(findings[0]!.severity).toBe('error');
  });

  it('judges member names as product names', async () => {
    const { found } = await checkArchiveBytes(
      'bundle.zip',
      zipArchive([
        { name: 'a/hlsp_demo_jwst_nircam_target_f200w_v1.0_img.fits', data: FITS },
        { name: 'b/BAD NAME.fits', data: FITS },
      ]),
      { nameRules: true },
    );
    expect(found.some((line) => line.endsWith('!a/hlsp_demo_jwst_nircam_target_f200w_v1.0_img.fits'))).toBe(
      false,
    );
    expect(found.some((line) => line.startsWith('name/') && line.endsWith('!b/BAD NAME.fits'))).toBe(true);
  });

  it('shows member names with control characters as escapes', async () => {
    const { found, members } = await checkArchiveBytes(
      'bundle.zip',
      zipArchive([{ name: 'evil\u001b[2J\r.txt', data: README }]),
    );
    expect(members[0]!.path).toBe('bundle/bundle.zip!evil\\x1b[2J\\x0d.txt');
    for (const line of found) expect(line).not.toMatch(/[\u0000-\u001f]/);
  });

  it('reports zip slip once per member and does not read it', async () => {
    const { found, members } = await checkArchiveBytes(
      'bundle.zip',
      zipArchive([
        { name: '../../etc/passwd', data: README },
        { name: '/abs.fits', data: FITS },
        { name: 'C:/x.fits', data: FITS },
        { name: 'dir\\..\\x.fits', data: FITS },
      ]),
    );
    expect(found).toEqual([
      'archive/unsafe-member bundle/bundle.zip!../../etc/passwd',
      'archive/unsafe-member bundle/bundle.zip!/abs.fits',
      'archive/unsafe-member bundle/bundle.zip!C:/x.fits',
      'archive/unsafe-member bundle/bundle.zip!dir\\..\\x.fits',
    ]);
    expect(members.every((member) => member.checked === false)).toBe(true);
  });

  it('stops a high-ratio member (zip bomb) with one finding', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const { found } = await checkArchiveBytes('bomb.zip', zipArchive([{ name: 'zeros.fits', data: zeros }]), {
      limits: { maxInflatedBytes: 8 * 1024 * 1024 },
    });
    expect(found).toEqual(['archive/bomb bundle/bomb.zip']);
  });

  it('reports an archive inside an archive without opening it', async () => {
    const inner = zipArchive([{ name: 'x.fits', data: FITS }]);
    const innerTar = gzipSync(await tarArchive([{ name: 'y.fits', data: FITS }]));
    const { found } = await checkArchiveBytes(
      'outer.zip',
      zipArchive([
        { name: 'inner.zip', data: inner },
        { name: 'inner.tgz', data: innerTar },
      ]),
    );
    expect(found).toEqual([
      'archive/nested bundle/outer.zip!inner.zip',
      'archive/nested bundle/outer.zip!inner.tgz',
    ]);
  });

  it('gives one finding for a truncated zip and for random bytes named .zip', async () => {
    const zip = zipArchive([{ name: 'image.fits', data: FITS }]);
    expect((await checkArchiveBytes('cut.zip', zip.subarray(0, zip.length - 30))).found).toEqual([
      'archive/readable bundle/cut.zip',
    ]);
    expect((await checkArchiveBytes('random.zip', randomBytes(5000))).found).toEqual([
      'format/extension-mismatch bundle/random.zip',
    ]);
  });
});

describe('tar archives', () => {
  it('checks members of a .tar and a .tar.gz', async () => {
    const tarBytes = await tarArchive([
      { name: 'dir', type: 'directory' },
      { name: 'dir/image.fits', data: FITS },
    ]);
    for (const [name, bytes] of [
      ['b.tar', tarBytes],
      ['b.tar.gz', gzipSync(tarBytes)],
      ['b.tgz', gzipSync(tarBytes)],
    ] as const) {
      const { found, members, entry } = await checkArchiveBytes(name, bytes);
      expect(found, name).toEqual([]);
      expect(entry.checked).toBe(true);
      expect(members.map((member) => [member.path, member.checked])).toEqual([
        [`bundle/${name}!dir/image.fits`, true],
      ]);
    }
  });

  it('reports symbolic links, hard links and devices', async () => {
    const tarBytes = await tarArchive([
      { name: 'link.fits', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'hard.fits', type: 'link', linkname: 'other.fits' },
      { name: 'dev', type: 'character-device' },
    ]);
    expect((await checkArchiveBytes('links.tar', tarBytes)).found).toEqual([
      'archive/link-member bundle/links.tar!link.fits',
      'archive/link-member bundle/links.tar!hard.fits',
      'archive/link-member bundle/links.tar!dev',
    ]);
  });

  it('gives one finding for a truncated tar, a truncated .tar.gz and random bytes named .tar.gz', async () => {
    const tarBytes = await tarArchive([{ name: 'image.fits', data: FITS }]);
    expect((await checkArchiveBytes('cut.tar', tarBytes.subarray(0, 3000))).found).toEqual([
      'archive/readable bundle/cut.tar',
    ]);
    const gz = gzipSync(tarBytes);
    expect((await checkArchiveBytes('cut.tar.gz', gz.subarray(0, gz.length - 40))).found).toEqual([
      'archive/readable bundle/cut.tar.gz',
    ]);
    expect((await checkArchiveBytes('random.tar.gz', randomBytes(5000))).found).toEqual([
      'format/extension-mismatch bundle/random.tar.gz',
    ]);
  });
});

describe('gzip-compressed members', () => {
  it('are judged by what they hold: an empty .txt.gz is empty, a cut .fits.gz one gzip error', async () => {
    const fitsGz = gzipSync(FITS);
    const { found, members } = await checkArchiveBytes(
      'gz.zip',
      zipArchive([
        { name: 'empty.txt.gz', data: gzipSync(Buffer.alloc(0)) },
        { name: 'cut.fits.gz', data: fitsGz.subarray(0, fitsGz.length - 30) },
      ]),
    );
    expect(found).toEqual([
      'format/empty-file bundle/gz.zip!empty.txt.gz',
      'fits/file-readable bundle/gz.zip!cut.fits.gz',
    ]);
    expect(members.map((member) => member.format)).toEqual(['empty', 'fits']);
  });
});
