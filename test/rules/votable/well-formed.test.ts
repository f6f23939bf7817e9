import { describe, expect, it } from 'vitest';
import { votableWellFormed } from '../../../src/rules/votable/well-formed.js';
import { runContentRules, votable } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.vot';
const FIELDS = ['<FIELD name="id" datatype="int"/>'];

describe('votable/well-formed', () => {
  it('passes a well-formed VOTable, plain and gzip', async () => {
    const text = votable(FIELDS, [['1'], ['2']]);
    expect(await runContentRules([votableWellFormed], NAME, text)).toEqual([]);
    expect(await runContentRules([votableWellFormed], `${NAME}.gz`, text)).toEqual([]);
  });

  it('reports the first XML error once, with its line and column', async () => {
    const text = votable(FIELDS, [['1 & 2'], ['<3']]);
    const findings = await runContentRules([votableWellFormed], NAME, text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^the file is not well-formed XML at line 8, column \d+: /);
  });

  it('finds a bare & where it is, and allows & in comments, CDATA and references', async () => {
    const fine = votable(
      FIELDS,
      [['<![CDATA[S&P]]>'], ['1<!-- a & b -->'], ['&#49;&amp;']],
      '<INFO name="n" value="A&amp;B"/>',
    );
    expect(await runContentRules([votableWellFormed], NAME, fine)).toEqual([]);
    const bare = votable(FIELDS, [['1']], '<INFO name="n" value="S&P 500"/>');
    expect(await runContentRules([votableWellFormed], NAME, bare)).toMatchObject([
      {
        message:
          "the file is not well-formed XML at line 4, column 24: this '&' starts no entity reference; nothing after it was checked",
      },
    ]);
  });

  it('reports a file cut short', async () => {
    const text = votable(FIELDS, [['1']]);
    const findings = await runContentRules([votableWellFormed], NAME, text.slice(0, text.length - 40));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/not well-formed XML/);
  });

  it('does not expand declared entities (no entity bomb)', async () => {
    const bomb = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE VOTABLE [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
      '<VOTABLE><RESOURCE><INFO name="x" value="&b;"/></RESOURCE></VOTABLE>',
    ].join('\n');
    const findings = await runContentRules([votableWellFormed], NAME, bomb);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/line 3, .*entity/i);
  });

  it('stops at a nesting bomb', async () => {
    const deep = `<VOTABLE>${'<GROUP>'.repeat(10_000)}`;
    const findings = await runContentRules([votableWellFormed], NAME, deep);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/nest more than 256 deep/);
  });

  it('stops at a text longer than the cap', async () => {
    const text = votable(FIELDS, [['1'.repeat(300_000)]]);
    const findings = await runContentRules([votableWellFormed], NAME, text, {
      limits: { maxLineBytes: 100_000 },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/longer than 100000 characters/);
  });
});
