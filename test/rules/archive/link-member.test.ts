import { describe, expect, it } from 'vitest';
import { tarArchive, zipArchive } from '../../support/archive-builder.js';
import { checkArchiveBytes } from '../../support/check-archive.js';

describe('archive/link-member', () => {
  it('reports symbolic links and devices in a tar', async () => {
    const { found } = await checkArchiveBytes(
      'links.tar',
      await tarArchive([
        { name: 'x.fits', type: 'symlink', linkname: '../../../etc/passwd' },
        { name: 'fifo', type: 'fifo' },
      ]),
    );
    expect(found).toEqual([
      'archive/link-member bundle/links.tar!x.fits',
      'archive/link-member bundle/links.tar!fifo',
    ]);
  });

  it('reports a symbolic link stored in a zip', async () => {
    const { found } = await checkArchiveBytes(
      'links.zip',
      zipArchive([{ name: 'x.fits', data: Buffer.from('/etc/passwd'), mode: 0o120777, method: 'store' }]),
    );
    expect(found).toEqual(['archive/link-member bundle/links.zip!x.fits']);
  });

  it('passes regular files and directories', async () => {
    const { found } = await checkArchiveBytes(
      'ok.tar',
      await tarArchive([
        { name: 'd', type: 'directory' },
        { name: 'd/x.txt', data: Buffer.from('text\n') },
      ]),
    );
    expect(found.filter((line) => line.startsWith('archive/'))).toEqual([]);
  });
});
