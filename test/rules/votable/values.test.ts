import { describe, expect, it } from 'vitest';
import { votableValues } from '../../../src/rules/votable/values.js';
import { runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.vot';

const check = (field: string, cells: string[]) =>
  runContentRules(
    [votableValues],
    NAME,
    votable(
      [field],
      cells.map((cell) => [cell]),
    ),
  );

describe('votable/values', () => {
  it('passes values of every datatype, arrays and nulls', async () => {
    const good: [string, string[]][] = [
      ['<FIELD name="f" datatype="boolean"/>', ['T', 'false', '1', '?', '']],
      ['<FIELD name="f" datatype="bit" arraysize="4"/>', ['0110', '0 1 1 0']],
      ['<FIELD name="f" datatype="unsignedByte"/>', ['0', '255', '0xFF']],
      ['<FIELD name="f" datatype="short"/>', ['-32768', '32767', '0xFFFF']],
      ['<FIELD name="f" datatype="int"><VALUES null="-999"/></FIELD>', ['2147483647', '-999', '']],
      ['<FIELD name="f" datatype="long"/>', ['-9223372036854775808', '9223372036854775807']],
      ['<FIELD name="f" datatype="char" arraysize="*"/>', ['any text', '']],
      ['<FIELD name="f" datatype="unicodeChar" arraysize="3"/>', ['வணக்']],
      ['<FIELD name="f" datatype="float"/>', ['1.5e-3', 'NaN', '+Inf', '-inf', '.5']],
      ['<FIELD name="f" datatype="double" arraysize="2x*"/>', ['1 2 3 4', '']],
      ['<FIELD name="f" datatype="double" arraysize="3*"/>', ['1 2', '1 2 3']],
      ['<FIELD name="f" datatype="floatComplex"/>', ['1.0 -2.0']],
      ['<FIELD name="f" datatype="doubleComplex" arraysize="2"/>', ['1 2 3 4']],
    ];
    for (const [field, cells] of good) expect(await check(field, cells), field).toEqual([]);
  });

  it('reports each column once, with the count and the first bad cell', async () => {
    const findings = await check('<FIELD name="n" datatype="short"/>', ['1', '40000', 'x', '2']);
    expect(findings.map((f) => f.message)).toEqual([
      "table 'cat': FIELD 'n' (short): 2 cells cannot be read as declared, first at line 9: '40000' is outside the range of short (-32768 to 32767)",
    ]);
  });

  it('reports bad values of each kind', async () => {
    const bad: [string, string, RegExp][] = [
      ['<FIELD name="f" datatype="boolean"/>', 'yes', /is not a boolean/],
      ['<FIELD name="f" datatype="bit"/>', '2', /is not a bit/],
      ['<FIELD name="f" datatype="unsignedByte"/>', '-1', /outside the range/],
      ['<FIELD name="f" datatype="long"/>', '9223372036854775808', /outside the range of long/],
      ['<FIELD name="f" datatype="int"/>', '1.5', /is not an integer/],
      ['<FIELD name="f" datatype="double"/>', 'null', /is not a number/],
      [
        '<FIELD name="f" datatype="double" arraysize="3"/>',
        '1 2',
        /holds 2 values where the arraysize asks for 3/,
      ],
      ['<FIELD name="f" datatype="double" arraysize="2*"/>', '1 2 3', /allows at most 2/],
      ['<FIELD name="f" datatype="int" arraysize="2x*"/>', '1 2 3', /not a multiple of 2/],
      ['<FIELD name="f" datatype="floatComplex"/>', '1', /complex value is a pair/],
      ['<FIELD name="f" datatype="float"/>', '1 2', /where the field is a scalar/],
    ];
    for (const [field, cell, message] of bad) {
      const findings = await check(field, [cell]);
      expect(findings, field).toHaveLength(1);
      expect(findings[0]!.message, field).toMatch(message);
    }
  });

  it('checks PARAM values', async () => {
    const extra = '<PARAM name="EPOCH" datatype="double" value="soon"/>';
    const findings = await runContentRules([votableValues], NAME, votable([], [], extra));
    expect(findings.map((f) => f.message)).toEqual([
      "PARAM 'EPOCH' (double) at line 4: value 'soon' is not a number",
    ]);
  });
});
