import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../support/archive-builder.js';
import { checkArchiveBytes } from '../../support/check-archive.js';
import { simpleImageFile } from '../../support/fits-builder.js';

const ZIP = zipArchive([{ name: 'image.fits', data: simpleImageFile() }]);

describe('archive/readable', () => {
  it('reports a truncated archive once, for the archive', async () => {
    const { findings } = await checkArchiveBytes('cut.zip', ZIP.subarray(0, ZIP.length - 10));
    expect(findings.map((finding) => [finding.ruleId, finding.path, finding.severity])).toEqual([
      ['archive/readable', 'bundle/cut.zip', 'error'],
    ]);
    expect(findings[0]!.message).toMatch(/cannot be read to its end/);
  });

  it('reports a member whose bytes do not match their CRC, and reads on', async () => {
    const damaged = zipArchive([
      { name: 'a.fits', data: simpleImageFile(), method: 'store' },
      { name: 'b.fits', data: simpleImageFile() },
    ]);
    damaged[30 + 'a.fits'.length + 100] ^= 0xff;
    const { found } = await checkArchiveBytes('crc.zip', damaged);
    expect(found).toEqual(['archive/readable bundle/crc.zip!a.fits']);
  });

  it('passes an archive read to its end', async () => {
    expect((await checkArchiveBytes('ok.zip', ZIP)).found).toEqual([]);
  });
});
