import { describe, expect, it } from 'vitest';
import { runAsdfRules } from '../../support/asdf-content.js';
import { ARRAY_DATA, ASDF_RULES, validAsdf } from '../../support/asdf-rules.js';
import { asdfFile, ndarrayLines } from '../../support/asdf-writer.js';

const TREE = ndarrayLines('data', 0, 'float64', [12]);

describe('asdf/block', () => {
  it('passes zlib and uncompressed blocks, with spare allocated bytes', async () => {
    const bytes = asdfFile({
      tree: TREE,
      blocks: [{ data: ARRAY_DATA, compression: 'zlib', spare: 100 }, { data: ARRAY_DATA }],
    });
    expect(await runAsdfRules(ASDF_RULES, bytes)).toEqual([]);
  });

  it('reports a file truncated inside its blocks once, not once per block or array', async () => {
    const bytes = validAsdf();
    const findings = await runAsdfRules(ASDF_RULES, bytes.subarray(0, bytes.length - 120));
    expect(findings).toMatchObject([{ ruleId: 'asdf/block', severity: 'error' }]);
    expect(findings[0]!.message).toMatch(
      /^the file ends inside block 1 \(at offset \d+\): .*the file is truncated$/,
    );
  });

  it('reports a block whose sizes run past the end of the file', async () => {
    const bytes = asdfFile({ tree: TREE, blocks: [{ data: ARRAY_DATA, allocated: 2 ** 40 }], index: false });
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^the file ends inside block 0 .*its 1,099,511,627,776 allocated bytes are cut; the file is truncated$/,
      ),
    ]);
  });

  it('reports used bytes beyond the allocated ones', async () => {
    const bytes = asdfFile({ tree: TREE, blocks: [{ data: ARRAY_DATA, used: 200 }], index: false });
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^block 0 \(offset \d+\) uses 200 bytes of the 96 it allocates/),
    ]);
  });

  it('reports zlib data that does not inflate, once (no checksum finding beside it)', async () => {
    const bytes = asdfFile({ tree: TREE, blocks: [{ data: ARRAY_DATA, compression: 'zlib' }] });
    const at = bytes.indexOf('\xd3BLK', 0, 'latin1') + 54 + 2;
    bytes[at]! ^= 0xff;
    bytes[at + 1]! ^= 0xff;
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings).toMatchObject([{ ruleId: 'asdf/block', severity: 'error' }]);
    expect(findings[0]!.message).toMatch(/^the zlib data of block 0 \(offset \d+\) is corrupt after /);
  });

  it('reports zlib data that inflates to another size than the header claims', async () => {
    const bytes = asdfFile({ tree: TREE, blocks: [{ data: ARRAY_DATA, compression: 'zlib', dataSize: 50 }] });
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^block 0 \(offset \d+\) decompresses to more than 50 bytes, but its header claims 50$/,
      ),
    ]);
  });

  it('notes lz4 blocks as not decoded, and refuses an unknown compression', async () => {
    const lz4 = asdfFile({ tree: TREE, blocks: [{ data: ARRAY_DATA, compression: 'lz4' }] });
    expect(await runAsdfRules(ASDF_RULES, lz4)).toMatchObject([
      {
        ruleId: 'asdf/block',
        severity: 'info',
        message: expect.stringMatching(/is lz4-compressed: its data was not decoded here$/),
      },
      { ruleId: 'asdf/checksum', severity: 'info' },
    ]);
    const unknown = asdfFile({ tree: TREE, blocks: [{ data: ARRAY_DATA, compression: 'zstd' }] });
    expect(await runAsdfRules(ASDF_RULES, unknown)).toMatchObject([
      {
        ruleId: 'asdf/block',
        severity: 'error',
        message: expect.stringMatching(/has compression 'zstd', which is not one of ASDF's/),
      },
    ]);
  });

  it('reports bytes that are neither a block nor the index', async () => {
    const bytes = Buffer.concat([
      validAsdf().subarray(0, validAsdf().indexOf('#ASDF BLOCK')),
      Buffer.from('garbage'),
    ]);
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^bytes 'garbage' at offset \d+ are neither a block \(which starts with \\xd3BLK\) nor the block index$/,
      ),
    ]);
  });

  it('stops at the block cap', async () => {
    const bytes = asdfFile({
      tree: ['a: 1'],
      blocks: [{ data: ARRAY_DATA }, { data: ARRAY_DATA }, { data: ARRAY_DATA }],
    });
    const findings = await runAsdfRules(ASDF_RULES, bytes, { caps: { maxBlocks: 2 } });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^the file has more than 2 blocks, the most read/),
    ]);
  });
});
