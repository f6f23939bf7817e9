import { describe, expect, it } from 'vitest';
import { runAsdfRules } from '../../support/asdf-content.js';
import { ARRAY_DATA, ASDF_RULES } from '../../support/asdf-rules.js';
import { asdfFile, ndarrayLines } from '../../support/asdf-writer.js';

const TREE = ndarrayLines('data', 0, 'float64', [12]);

describe('asdf/checksum', () => {
  it('passes blocks whose data has its MD5, and blocks without a checksum', async () => {
    const bytes = asdfFile({
      tree: TREE,
      blocks: [
        { data: ARRAY_DATA, compression: 'zlib' },
        { data: ARRAY_DATA, checksum: false },
      ],
    });
    expect(await runAsdfRules(ASDF_RULES, bytes)).toEqual([]);
  });

  it('reports a data byte changed after the checksum was written', async () => {
    const bytes = asdfFile({ tree: TREE, blocks: [{ data: ARRAY_DATA }] });
    bytes[bytes.indexOf('\xd3BLK', 0, 'latin1') + 54 + 20]! ^= 0x01;
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings).toMatchObject([{ ruleId: 'asdf/checksum', severity: 'error' }]);
    expect(findings[0]!.message).toMatch(
      /^block 0 \(offset \d+\) fails its MD5 checksum: the header says [0-9a-f]{32}, the data gives [0-9a-f]{32}; the data is corrupt$/,
    );
  });

  it('checks the MD5 of the decompressed data of a zlib block', async () => {
    const bytes = asdfFile({
      tree: TREE,
      blocks: [{ data: ARRAY_DATA, compression: 'zlib', checksum: Buffer.alloc(16, 1) }],
    });
    expect((await runAsdfRules(ASDF_RULES, bytes)).map((f) => f.ruleId)).toEqual(['asdf/checksum']);
  });
});
