import { describe, expect, it } from 'vitest';
import { votableSerialization } from '../../../src/rules/votable/serialization.js';
import { runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.vot';
const FIELDS = ['<FIELD name="id" datatype="int"/>'];

describe('votable/serialization', () => {
  it('says nothing of TABLEDATA, whose cells are checked', async () => {
    expect(await runContentRules([votableSerialization], NAME, votable(FIELDS, [['1']]))).toEqual([]);
  });

  it('notes a BINARY2 table whose values were not checked', async () => {
    const text = votable(FIELDS, []).replace(
      '<DATA><TABLEDATA>\n</TABLEDATA></DATA>',
      '<DATA><BINARY2><STREAM encoding="base64">AAAAAQ==</STREAM></BINARY2></DATA>',
    );
    expect(await runContentRules([votableSerialization], NAME, text)).toMatchObject([
      {
        severity: 'info',
        message:
          "table 'cat': the data are serialized as BINARY2, whose cells this tool does not decode: the values were not checked",
      },
    ]);
  });
});
