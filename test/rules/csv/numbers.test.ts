import { describe, expect, it } from 'vitest';
import { csvNumbers } from '../../../src/rules/csv/numbers.js';
import { runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_hst_wfc3_field_multi_v1_cat.csv';
const rows = (values: string[]) => `id,flux\n${values.map((v, i) => `s${i},${v}`).join('\n')}\n`;

describe('csv/numbers', () => {
  it('passes numeric columns with missing-value markers, and text columns', async () => {
    expect(await runContentRules([csvNumbers], NAME, rows(['1.5', '', 'NaN', '-2e-3', 'null', '7']))).toEqual(
      [],
    );
  });

  it('reports text in a numeric column once, with the count and first line', async () => {
    const values = [...Array(20).fill('1.5'), '12.3 mag', '3', '1,5'];
    const findings = await runContentRules([csvNumbers], NAME, rows(values).replace('"1,5"', '1,5'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      "column 'flux' holds numbers, but 1 of its 22 values is not, first at line 22: '12.3 mag'",
    );
  });
});
