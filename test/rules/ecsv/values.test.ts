import { describe, expect, it } from 'vitest';
import { ecsvValues } from '../../../src/rules/ecsv/values.js';
import { ecsv, runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.ecsv';
const run = (yaml: string[], body: string[]) => runContentRules([ecsvValues], NAME, ecsv(yaml, body));
const one = (name: string, type: string, extra = '') => [
  'datatype:',
  `- {name: ${name}, datatype: ${type}${extra}}`,
];

describe('ecsv/values', () => {
  it('holds int64 to its exact limits', async () => {
    expect(await run(one('n', 'int64'), ['n', '9223372036854775807', '-9223372036854775808'])).toEqual([]);
    const findings = await run(one('n', 'int64'), ['n', '9223372036854775808', '-9223372036854775809']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      "column 'n' (int64): 2 values cannot be read as declared, first at line 6: '9223372036854775808' is outside the range of int64 (-9223372036854775808 to 9223372036854775807)",
    );
  });

  it('reports an int64 column holding text once, with the count', async () => {
    const findings = await run(one('n', 'int64'), ['n', '1', 'abc', '2', 'def']);
    expect(findings).toMatchObject([{ ruleId: 'ecsv/values', severity: 'error' }]);
    expect(findings[0]!.message).toContain(
      "2 values cannot be read as declared, first at line 7: 'abc' is not an integer",
    );
  });

  it('takes empty fields as missing values, in any column', async () => {
    const yaml = [
      'datatype:',
      '- {name: a, datatype: int8}',
      '- {name: b, datatype: bool}',
      '- {name: c, datatype: string}',
    ];
    expect(await run(yaml, ['a b c', '"" "" ""', '1 True x'])).toEqual([]);
    expect(await run(["delimiter: ','", ...yaml], ['a,b,c', ',,', '1,False,""'])).toEqual([]);
  });

  it('folds runs of spaces into one delimiter, as astropy does', async () => {
    const yaml = ['datatype:', '- {name: a, datatype: int8}', '- {name: b, datatype: float32}'];
    expect(await run(yaml, ['a   b', '  1    2.5  '])).toEqual([]);
  });

  it('reports rows of the wrong length once', async () => {
    const yaml = ['datatype:', '- {name: a, datatype: int8}', '- {name: b, datatype: int8}'];
    const findings = await run(yaml, ['a b', '1', '1 2 3', '1 2']);
    expect(findings.map((f) => f.message)).toEqual([
      'rows have a number of values other than the 2 columns, first at line 7 (1 values)'.replace(
        'rows have',
        '2 rows have',
      ),
    ]);
  });

  it('checks the shape and element type of JSON cells', async () => {
    const findings = await run(one('m', 'string', ", subtype: 'uint8[2]'"), [
      'm',
      '[1,2]',
      '[1,-2]',
      '[1,2,3]',
      'x',
    ]);
    expect(findings[0]!.message).toBe(
      "column 'm' (uint8[2]): 3 values cannot be read as declared, first at line 7: '[1,-2]' holds -2, outside the range of uint8",
    );
  });

  it('reads unicode strings', async () => {
    expect(await run(one('s', 'string'), ['s', '"Ångström ✓"', 'naïve'])).toEqual([]);
  });

  it('warns when a float32 value overflows to infinity', async () => {
    expect(await run(one('f', 'float32'), ['f', '1e39'])).toMatchObject([{ severity: 'warning' }]);
  });

  it('reports an unclosed quote once', async () => {
    const findings = await run(one('s', 'string'), ['s', '"open', 'x']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the body cannot be split into values/);
  });
});
