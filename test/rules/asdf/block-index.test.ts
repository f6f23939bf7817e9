import { describe, expect, it } from 'vitest';
import { runAsdfRules } from '../../support/asdf-content.js';
import { ARRAY_DATA, ASDF_RULES } from '../../support/asdf-rules.js';
import { asdfFile, ndarrayLines } from '../../support/asdf-writer.js';

const TREE = ndarrayLines('data', 0, 'float64', [12]);
const BLOCKS = [{ data: ARRAY_DATA }, { data: ARRAY_DATA, compression: 'zlib' }];

describe('asdf/block-index', () => {
  it('passes an index that lists every block, and a file without one', async () => {
    expect(await runAsdfRules(ASDF_RULES, asdfFile({ tree: TREE, blocks: BLOCKS }))).toEqual([]);
    expect(await runAsdfRules(ASDF_RULES, asdfFile({ tree: TREE, blocks: BLOCKS, index: false }))).toEqual(
      [],
    );
  });

  it('warns about an index whose offsets disagree with the blocks', async () => {
    const good = asdfFile({ tree: TREE, blocks: BLOCKS });
    const first = good.indexOf('\xd3BLK', 0, 'latin1');
    const findings = await runAsdfRules(
      ASDF_RULES,
      asdfFile({ tree: TREE, blocks: BLOCKS, index: [first, first + 10] }),
    );
    expect(findings).toMatchObject([{ ruleId: 'asdf/block-index', severity: 'warning' }]);
    expect(findings[0]!.message).toMatch(
      /^the block index at offset \d+ gives offset \d+ for block 1, which starts at \d+; readers ignore it/,
    );
  });

  it('warns about an index with a wrong count or no list', async () => {
    const short = await runAsdfRules(ASDF_RULES, asdfFile({ tree: TREE, blocks: BLOCKS, index: [5] }));
    expect(short.map((f) => f.message)).toEqual([
      expect.stringMatching(/lists 1 blocks, but the file has 2;/),
    ]);
    const text = asdfFile({ tree: TREE, blocks: BLOCKS })
      .toString('latin1')
      .replace(/---\n- \d+\n- \d+\n/, '---\nx: 1\n');
    const notList = await runAsdfRules(ASDF_RULES, Buffer.from(text, 'latin1'));
    expect(notList.map((f) => f.message)).toEqual([expect.stringMatching(/is not a YAML list of offsets;/)]);
  });
});
