import { describe, expect, it } from 'vitest';
import { tarArchive, zipArchive } from '../../support/archive-builder.js';
import { checkArchiveBytes } from '../../support/check-archive.js';

describe('archive/nested', () => {
  it('reports an archive inside an archive as info, without opening it', async () => {
    const inner = await tarArchive([{ name: '../evil.txt', data: Buffer.from('x') }]);
    const { findings, members } = await checkArchiveBytes(
      'outer.zip',
      zipArchive([{ name: 'inner.tar', data: inner }]),
    );
    expect(findings.map((finding) => [finding.ruleId, finding.path, finding.severity])).toEqual([
      ['archive/nested', 'bundle/outer.zip!inner.tar', 'info'],
    ]);
    expect(members.map((member) => [member.path, member.format, member.checked])).toEqual([
      ['bundle/outer.zip!inner.tar', 'tar', false],
    ]);
  });

  it('passes members that are not archives', async () => {
    const { found } = await checkArchiveBytes(
      'outer.zip',
      zipArchive([{ name: 'x.txt', data: Buffer.from('text\n') }]),
    );
    expect(found.filter((line) => line.startsWith('archive/'))).toEqual([]);
  });
});
