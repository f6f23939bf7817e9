import { describe, expect, it } from 'vitest';
import { csvColumns } from '../../../src/rules/csv/columns.js';
import { runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_hst_wfc3_field_multi_v1_cat.csv';
const run = (text: string, name = NAME) => runContentRules([csvColumns], name, text);

describe('csv/columns', () => {
  it('passes a table with a header row and full rows (CSV, TSV, a .dat with spaces)', async () => {
    expect(await run('ra,dec,name\n1,2,"a, b"\n3,4,\n')).toEqual([]);
    expect(await run('ra\tdec\n1\t2\n', 'hlsp_t_cat.tsv')).toEqual([]);
    expect(await run('# comment\nra   dec  mag\n1.0  2.0  20\n3 4 21\n', 'hlsp_t_cat.dat')).toEqual([]);
  });

  it('asks for a header row', async () => {
    const findings = await run('1,2\n3,4\n');
    expect(findings.map((f) => f.message)).toEqual(['the first row (line 1) holds values, not column names']);
  });

  it('reports unnamed and repeated column names', async () => {
    expect((await run('ra,,dec\n1,2,3\n')).map((f) => f.message)).toEqual([
      'column 2 has no name in the header row (line 1)',
    ]);
    expect((await run('ra,ra\n1,2\n')).map((f) => f.message)).toEqual([
      "column name 'ra' appears twice in the header row (line 1)",
    ]);
  });

  it('reports rows of another length once, with their count', async () => {
    const findings = await run('a,b\n1,2\n1,2,3\n4\n5,6\n');
    expect(findings.map((f) => f.message)).toEqual([
      '2 rows have a number of values other than the 2 columns of the header, first at line 3 (3 values)',
    ]);
  });

  it('leaves the manifest to collection/manifest, and prose .txt alone', async () => {
    expect(await run('path,size\n1,2,3\n', 'hlsp_test_manifest.csv')).toEqual([]);
    expect(await run('This is a note.\nIt has two lines of words, not a table.\n', 'notes.txt')).toEqual([]);
  });
});
