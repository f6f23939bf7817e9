import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../support/archive-builder.js';
import { checkArchiveBytes } from '../../support/check-archive.js';

const TEXT = Buffer.from('text\n');

describe('archive/duplicate-member', () => {
  it('reports a second member at the same path, with one report entry for the path', async () => {
    const { found, members } = await checkArchiveBytes(
      'dup.zip',
      zipArchive([
        { name: 'a/x.txt', data: TEXT },
        { name: './a//x.txt', data: TEXT },
      ]),
    );
    expect(found.filter((line) => line.startsWith('archive/'))).toEqual([
      'archive/duplicate-member bundle/dup.zip!./a//x.txt',
    ]);
    expect(members.map((member) => member.path)).toEqual([
      'bundle/dup.zip!a/x.txt',
      'bundle/dup.zip!./a//x.txt',
    ]);
  });

  it('passes distinct paths', async () => {
    const { found } = await checkArchiveBytes(
      'ok.zip',
      zipArchive([
        { name: 'a/x.txt', data: TEXT },
        { name: 'b/x.txt', data: TEXT },
      ]),
    );
    expect(found.filter((line) => line.startsWith('archive/'))).toEqual([]);
  });
});
