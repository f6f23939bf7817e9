import { describe, expect, it } from 'vitest';
import { votableRowLength } from '../../../src/rules/votable/row-length.js';
import { runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.vot';
const FIELDS = ['<FIELD name="id" datatype="int"/>', '<FIELD name="ra" datatype="double"/>'];

describe('votable/row-length', () => {
  it('passes rows with one TD per FIELD, empty cells included', async () => {
    expect(
      await runContentRules(
        [votableRowLength],
        NAME,
        votable(FIELDS, [
          ['1', '2.5'],
          ['2', ''],
        ]),
      ),
    ).toEqual([]);
  });

  it('reports every table once, with the count and the first row', async () => {
    const rows = [['1', '2.5'], ['2'], ['3', '1', '4'], ['4', '0']];
    const findings = await runContentRules([votableRowLength], NAME, votable(FIELDS, rows));
    expect(findings.map((f) => f.message)).toEqual([
      "table 'cat': 2 rows have a number of TD other than the 2 FIELDs, first the row ending at line 10 (1 TD)",
    ]);
  });

  it('takes the FIELDs of the table a TABLE ref= names', async () => {
    const text = votable(FIELDS, [['1', '2']])
      .replace(
        '</RESOURCE>',
        '<TABLE ref="main"><DATA><TABLEDATA><TR><TD>1</TD><TD>2</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE>',
      )
      .replace('<TABLE name="cat">', '<TABLE name="cat" ID="main">');
    expect(await runContentRules([votableRowLength], NAME, text)).toEqual([]);
  });
});
