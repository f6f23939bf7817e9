import { describe, expect, it } from 'vitest';
import { readAsdfBytes, runAsdfRules } from '../../support/asdf-content.js';
import { ARRAY_DATA, ASDF_RULES, validAsdf } from '../../support/asdf-rules.js';
import { asdfFile, ndarrayLines } from '../../support/asdf-writer.js';

describe('asdf/tree', () => {
  it('keeps unknown tags and reads the tree they are in', async () => {
    const bytes = asdfFile({
      tree: [
        'wcs: !<tag:stsci.edu:gwcs/wcs-1.0.0> {name: x, steps: [!custom/step-9.9 {a: 1}]}',
        'unit: !unit/unit-1.0.0 MJy / sr',
        'meta: {hlspid: TEST, date: 2022-07-12, n: 3}',
      ],
    });
    expect(await runAsdfRules(ASDF_RULES, bytes)).toEqual([]);
    const content = await readAsdfBytes(bytes);
    // YAML 1.1 as PyYAML reads it: a timestamp stays as written, `n` is not a boolean.
    expect(Object.fromEntries(content.metadata!)).toEqual({ HLSPID: 'TEST', DATE: '2022-07-12', N: 3 });
  });

  it('reads roman.meta when there is no top-level meta, and no metadata as an empty block', async () => {
    const roman = await readAsdfBytes(asdfFile({ tree: ['roman: {meta: {telescop: ROMAN}}'] }));
    expect(Object.fromEntries(roman.metadata!)).toEqual({ TELESCOP: 'ROMAN' });
    const none = await readAsdfBytes(asdfFile({ tree: ['data: 1'] }));
    expect(none.metadata).toEqual(new Map());
  });

  it('reports YAML that does not parse, once', async () => {
    const findings = await runAsdfRules(ASDF_RULES, asdfFile({ tree: ['a: [1, 2', 'b: {'] }));
    expect(findings).toMatchObject([{ ruleId: 'asdf/tree', severity: 'error' }]);
    expect(findings[0]!.message).toMatch(/^the YAML tree does not parse at its line \d+: /);
  });

  it('refuses a YAML alias bomb before expanding it', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const name = String.fromCharCode(98 + i);
      bomb.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    }
    const findings = await runAsdfRules(ASDF_RULES, asdfFile({ tree: bomb }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the YAML tree is refused: .*alias/);
  });

  it('reports a tree cut short once, not its blocks', async () => {
    const bytes = validAsdf();
    const cut = bytes.subarray(0, bytes.indexOf('data:'));
    const findings = await runAsdfRules(ASDF_RULES, cut);
    expect(findings).toMatchObject([{ ruleId: 'asdf/tree', severity: 'error' }]);
    expect(findings[0]!.message).toMatch(/has no end line '\.\.\.': the file is truncated$/);
  });

  it("reports a tree without its end line '...' before the first block, and still reads the blocks", async () => {
    const good = asdfFile({ tree: ndarrayLines('data', 0, 'float64', [12]), blocks: [{ data: ARRAY_DATA }] });
    const text = good.toString('latin1');
    const bytes = Buffer.from(text.replace('\n...\n', '\n'), 'latin1');
    const findings = await runAsdfRules(ASDF_RULES, bytes);
    expect(findings.map((f) => f.ruleId)).toEqual(['asdf/tree', 'asdf/block-index']);
    expect(findings[0]!.message).toMatch(/has no end line '\.\.\.' before the first block$/);
  });

  it('refuses a tree longer than the cap', async () => {
    const findings = await runAsdfRules(ASDF_RULES, asdfFile({ tree: [`a: '${'x'.repeat(5000)}'`] }), {
      caps: { maxTreeBytes: 1000 },
    });
    expect(findings.map((f) => f.message)).toEqual([
      'the YAML tree is longer than 1,000 bytes, the most read; the tree and the blocks after it were not checked',
    ]);
  });
});
