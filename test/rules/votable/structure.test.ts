import { describe, expect, it } from 'vitest';
import { votableStructure } from '../../../src/rules/votable/structure.js';
import { runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.vot';

describe('votable/structure', () => {
  it('passes FIELDs with VOTable datatypes and arraysizes', async () => {
    const fields = [
      '<FIELD name="a" datatype="char" arraysize="*"/>',
      '<FIELD name="b" datatype="double" arraysize="3x2x*"/>',
      '<FIELD name="c" datatype="unicodeChar" arraysize="10*"/>',
    ];
    const extra = '<TIMESYS ID="t" timescale="TCB" refposition="BARYCENTER" timeorigin="MJD-origin"/>';
    expect(await runContentRules([votableStructure], NAME, votable(fields, [], extra))).toEqual([]);
  });

  it('reports an unknown datatype and a bad arraysize', async () => {
    const fields = ['<FIELD name="a" datatype="string"/>', '<FIELD name="b" datatype="int" arraysize="3x"/>'];
    const findings = await runContentRules([votableStructure], NAME, votable(fields, []));
    expect(findings.map((f) => f.message)).toEqual([
      "FIELD 'a' at line 6 has datatype 'string', which is not a VOTable datatype",
      "FIELD 'b' at line 7 has arraysize '3x', which is not sizes separated by 'x' (the last may be '*' or 'n*')",
    ]);
  });

  it('reports a root other than VOTABLE', async () => {
    const findings = await runContentRules(
      [votableStructure],
      NAME,
      '<?xml version="1.0"?>\n<catalog><a/></catalog>\n',
    );
    expect(findings).toMatchObject([
      { message: 'the root element is <catalog>, not <VOTABLE>: this is not a VOTable' },
    ]);
  });

  it('reports a TIMESYS without its required attributes', async () => {
    const extra = '<TIMESYS timescale="TCB" refposition="BARYCENTER" timeorigin="bad"/>';
    const findings = await runContentRules([votableStructure], NAME, votable([], [], extra));
    expect(findings.map((f) => f.message)).toEqual([
      'TIMESYS at line 4 has no ID attribute, which VOTable 1.4 requires',
      "TIMESYS at line 4 has timeorigin 'bad', which is neither a number (a Julian Date) nor MJD-origin or JD-origin",
    ]);
  });
});
