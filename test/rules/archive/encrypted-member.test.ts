import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../support/archive-builder.js';
import { checkArchiveBytes } from '../../support/check-archive.js';

describe('archive/encrypted-member', () => {
  it('reports an encrypted member, not read', async () => {
    const { found, members } = await checkArchiveBytes(
      'secret.zip',
      zipArchive([{ name: 'x.fits', data: Buffer.alloc(100, 7), encrypted: true, method: 'store' }]),
    );
    expect(found).toEqual(['archive/encrypted-member bundle/secret.zip!x.fits']);
    expect(members[0]!.checked).toBe(false);
  });

  it('passes members without encryption', async () => {
    const { found } = await checkArchiveBytes(
      'open.zip',
      zipArchive([{ name: 'x.txt', data: Buffer.from('text\n') }]),
    );
    expect(found.filter((line) => line.startsWith('archive/'))).toEqual([]);
  });
});
