import { describe, expect, it } from 'vitest';
import { keywordPlacement } from '../../../src/rules/hlsp/keyword-placement.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/keyword-placement', () => {
  it('reports an HLSP keyword outside the primary header, as a warning', () => {
    const findings = runOnDemo(keywordPlacement, IMAGE, (h) => {
      setCard(primary(h), 'HLSPNAME', null);
      data(h).push(card('HLSPNAME', 'NIRCam and NIRSpec demo of SMACS 0723'));
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/keyword-placement',
      severity: 'warning',
      hdu: 1,
      keyword: 'HLSPNAME',
    });
    expect(findings[0]!.message).toBe('HLSPNAME is in HDU 1, but belongs in the primary header');
    expect(findings[0]!.hint).toBe('move HLSPNAME there');
  });

  it('reports a misplaced keyword listed in two profiles once', () => {
    const findings = runOnDemo(keywordPlacement, IMAGE, (h) => {
      const proposid = primary(h).find((c) => c.keyword === 'PROPOSID')!;
      setCard(primary(h), 'PROPOSID', null);
      data(h).push(proposid);
    });
    expect(findings.map((f) => f.message)).toEqual([
      'PROPOSID is in HDU 1, but belongs in the primary header',
    ]);
  });

  it('reports a data keyword found only in another extension than the data HDU', () => {
    const findings = runOnDemo(keywordPlacement, IMAGE, (h) => setCard(data(h), 'XPOSURE', null));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'hlsp/keyword-placement', hdu: 2, keyword: 'XPOSURE' });
    expect(findings[0]!.message).toBe(
      'XPOSURE is in HDU 2, but belongs in the HDU that holds the data (HDU 1)',
    );
  });

  it('passes keywords each in their HDU', () => {
    expect(runOnDemo(keywordPlacement, IMAGE)).toEqual([]);
  });

  it("passes a keyword of placement 'any' found only in the data HDU", () => {
    // TIMESYS may be in the primary header or the data HDU; the demo has it in both.
    const findings = runOnDemo(keywordPlacement, IMAGE, (h) => setCard(primary(h), 'TIMESYS', null));
    expect(findings).toEqual([]);
  });
});
