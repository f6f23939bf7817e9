import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tarArchive, zipArchive } from '../../support/archive-builder.js';
import { checkArchiveBytes } from '../../support/check-archive.js';

describe('archive/bomb', () => {
  it('stops a zip that expands past the cap, with one finding for the archive', async () => {
    const zip = zipArchive([{ name: 'a.txt', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    expect(zip.length).toBeLessThan(100_000);
    const { found } = await checkArchiveBytes('bomb.zip', zip, { limits: { maxInflatedBytes: 1024 * 1024 } });
    expect(found).toEqual(['archive/bomb bundle/bomb.zip']);
  });

  it('stops a .tar.gz that expands past the cap', async () => {
    const tgz = gzipSync(await tarArchive([{ name: 'a.txt', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]));
    const { found } = await checkArchiveBytes('bomb.tar.gz', tgz, {
      limits: { maxInflatedBytes: 1024 * 1024 },
    });
    expect(found).toEqual(['archive/bomb bundle/bomb.tar.gz']);
  });

  it('passes an archive within the caps', async () => {
    const zip = zipArchive([{ name: 'a.txt', data: Buffer.alloc(100_000, 0x20) }]);
    expect(
      (await checkArchiveBytes('ok.zip', zip, { limits: { maxInflatedBytes: 1024 * 1024 } })).found,
    ).toEqual(['format/not-checked bundle/ok.zip!a.txt']);
  });
});
