import { describe, expect, it } from 'vitest';
import { votableSerialization } from '../../../src/rules/votable/serialization.js';
import { votableWellFormed } from '../../../src/rules/votable/well-formed.js';
import { runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.vot';
const FIELDS = ['<FIELD name="id" datatype="int"/>'];

describe('votable/serialization', () => {
  it('says nothing of TABLEDATA, whose cells are checked', async () => {
    expect(await runContentRules([votableSerialization], NAME, votable(FIELDS, [['1']]))).toEqual([]);
  });

  it('passes a stream larger than the cap on one text by, and keeps counting lines', async () => {
    const base64 = Array.from({ length: 3000 }, () => 'A'.repeat(76)).join('\n');
    const text = votable(FIELDS, []).replace(
      '<DATA><TABLEDATA>\n</TABLEDATA></DATA>',
      `<DATA><BINARY2><STREAM encoding="base64">\n${base64}\n</STREAM></BINARY2></DATA>`,
    );
    const rules = [votableWellFormed, votableSerialization];
    const limits = { maxLineBytes: 10_000 };
    expect((await runContentRules(rules, NAME, text, { limits })).map((f) => f.ruleId)).toEqual([
      'votable/serialization',
    ]);
    // An error after the stream is placed where it is: 3000 stream lines from line 8 on.
    const broken = text.replace('</TABLE>', '</TABLE><x></y>');
    const findings = await runContentRules(rules, NAME, broken, { limits });
    expect(findings.find((f) => f.ruleId === 'votable/well-formed')?.message).toMatch(
      /^the file is not well-formed XML at line 3009, column 16: /,
    );
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
