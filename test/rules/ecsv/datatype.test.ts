import { describe, expect, it } from 'vitest';
import { ecsvDatatype } from '../../../src/rules/ecsv/datatype.js';
import { ecsvValues } from '../../../src/rules/ecsv/values.js';
import { ecsv, runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.ecsv';
const run = (yaml: string[], body: string[]) =>
  runContentRules([ecsvDatatype, ecsvValues], NAME, ecsv(yaml, body));

describe('ecsv/datatype', () => {
  it('passes every ECSV 1.0 datatype and the subtypes of JSON cells', async () => {
    const types = ['bool', 'int8', 'uint64', 'float16', 'float64', 'float128', 'string'];
    const yaml = [
      'datatype:',
      ...types.map((t) => `- {name: ${t}, datatype: ${t}}`),
      "- {name: m, datatype: string, subtype: 'int64[2,2]'}",
      "- {name: v, datatype: string, subtype: 'float64[null]'}",
      '- {name: j, datatype: string, subtype: json}',
    ];
    const header = [...types, 'm', 'v', 'j'].join(' ');
    const row = 'True -128 18446744073709551615 1.5 nan 1e300 "a b" [[1,2],[3,4]] [1.5,NaN] "{""k"": [1]}"';
    expect(await run(yaml, [header, row])).toEqual([]);
  });

  it('reports a datatype outside ECSV 1.0, once per column', async () => {
    const findings = await run(
      ['datatype:', '- {name: a, datatype: complex64}', '- {name: b, datatype: object}'],
      ['a b', '1 2', '3 4'],
    );
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['ecsv/datatype', "column 'a' has datatype 'complex64', which is not an ECSV 1.0 datatype"],
      ['ecsv/datatype', "column 'b' has datatype 'object', which is not an ECSV 1.0 datatype"],
    ]);
  });

  it('wants a subtype with a shape on a string column, and a well-formed shape', async () => {
    const findings = await run(
      [
        'datatype:',
        "- {name: a, datatype: int64, subtype: 'int64[2]'}",
        "- {name: b, datatype: string, subtype: 'int64[null,2]'}",
        "- {name: c, datatype: string, subtype: 'text[2]'}",
      ],
      ['a b c', '[1,2] [1,2] x'],
    );
    expect(findings.map((f) => f.message)).toEqual([
      "column 'a' has subtype 'int64[2]', so its cells are JSON and its datatype must be 'string', not 'int64'",
      "column 'b' has subtype 'int64[null,2]': the shape must list sizes, with null (any length) only last",
      "column 'c' has subtype 'text[2]': 'text' is not an ECSV datatype",
    ]);
  });
});
