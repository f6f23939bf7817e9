import { describe, expect, it } from 'vitest';
import { tarArchive, zipArchive } from '../../support/archive-builder.js';
import { checkArchiveBytes } from '../../support/check-archive.js';

const TEXT = Buffer.from('text\n');

describe('archive/unsafe-member', () => {
  it('reports members that would be written outside the target directory', async () => {
    const { found } = await checkArchiveBytes(
      'slip.zip',
      zipArchive([
        { name: 'a/../../x.txt', data: TEXT },
        { name: '/etc/x.txt', data: TEXT },
        { name: 'D:x.txt', data: TEXT },
        { name: 'a\\x.txt', data: TEXT },
      ]),
    );
    expect(found).toEqual([
      'archive/unsafe-member bundle/slip.zip!a/../../x.txt',
      'archive/unsafe-member bundle/slip.zip!/etc/x.txt',
      'archive/unsafe-member bundle/slip.zip!D:x.txt',
      'archive/unsafe-member bundle/slip.zip!a\\x.txt',
    ]);
  });

  it('reports them in tar archives too', async () => {
    const { found } = await checkArchiveBytes(
      'slip.tar',
      await tarArchive([{ name: '../x.txt', data: TEXT }]),
    );
    expect(found).toEqual(['archive/unsafe-member bundle/slip.tar!../x.txt']);
  });

  it('passes relative paths, dots in names included', async () => {
    const { found } = await checkArchiveBytes(
      'ok.zip',
      zipArchive([{ name: './a/..b/x..y.txt', data: TEXT }]),
    );
    expect(found.filter((line) => line.startsWith('archive/'))).toEqual([]);
  });
});
