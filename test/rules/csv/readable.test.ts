import { describe, expect, it } from 'vitest';
import { csvReadable } from '../../../src/rules/csv/readable.js';
import { runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_hst_wfc3_field_multi_v1_cat.csv';

describe('csv/readable', () => {
  it('passes UTF-8 text, plain or gzip', async () => {
    expect(await runContentRules([csvReadable], NAME, 'ra,dec\n1,2\n')).toEqual([]);
    expect(await runContentRules([csvReadable], `${NAME}.gz`, 'ra,dec\n1,2\n')).toEqual([]);
  });

  it('reports Latin-1 past the first bytes once, in any text file (the README too)', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`name\n${'x\n'.repeat(3000)}`),
      Buffer.from([0x4d, 0xfc, 0x6c, 0x0a]),
    ]);
    for (const name of [NAME, 'hlsp_test_readme.txt']) {
      const findings = await runContentRules([csvReadable], name, bytes);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.message).toMatch(/^the bytes at offset 6006 are not UTF-8 \(byte 0xfc\)/);
    }
  });

  it('reports an unclosed quote once', async () => {
    const findings = await runContentRules([csvReadable], NAME, 'a,b\n"x,1\n2,3\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the file cannot be split into values/);
  });

  it('stops at a line longer than the cap', async () => {
    const findings = await runContentRules([csvReadable], NAME, `a,b\n${'1'.repeat(3000)},2\n`, {
      limits: { maxLineBytes: 1000 },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/longer than 1000 characters/);
  });
});
