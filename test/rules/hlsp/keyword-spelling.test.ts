import { describe, expect, it } from 'vitest';
import { keywordSpelling } from '../../../src/rules/hlsp/keyword-spelling.js';
import { card, primaryCards, rawCard } from '../../support/fits-builder.js';
import { IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo, runOnHdus } from './run-hlsp-rule.js';

const header = (...extra: ReturnType<typeof card>[]) => [{ cards: [...primaryCards(), ...extra] }];

describe('hlsp/keyword-spelling', () => {
  it('reports a near miss of an HLSP keyword with a did-you-mean', () => {
    const findings = runOnDemo(keywordSpelling, IMAGE, (h) => {
      const cards = primary(h);
      cards[cards.findIndex((c) => c.keyword === 'HLSPNAME')] = card('HSLPNAME', 'x');
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/keyword-spelling',
      severity: 'error',
      hdu: 0,
      keyword: 'HSLPNAME',
    });
    expect(findings[0]!.message).toBe("'HSLPNAME' looks like a misspelling of HLSPNAME");
    expect(findings[0]!.hint).toBe('did you mean HLSPNAME?');
  });

  it('reports a legacy name even beside the right keyword', () => {
    const findings = runOnDemo(keywordSpelling, IMAGE, (h) => primary(h).push(card('HLSP_VER', 'v1.0')));
    expect(findings.map((f) => [f.keyword, f.hint])).toEqual([['HLSP_VER', 'did you mean HLSPVER?']]);
  });

  it('reports an underscore for a hyphen (MJD_BEG)', () => {
    const findings = runOnHdus(keywordSpelling, header(card('MJD_BEG', 59737.2)));
    expect(findings.map((f) => f.message)).toEqual(["'MJD_BEG' looks like a misspelling of MJD-BEG"]);
  });

  it('reports a keyword written in mixed case', () => {
    const findings = runOnHdus(keywordSpelling, header(rawCard("Timesys = 'UTC'")));
    expect(findings.map((f) => f.hint)).toEqual(['did you mean TIMESYS?']);
  });

  it('passes correctly spelled keywords', () => {
    expect(runOnDemo(keywordSpelling, IMAGE)).toEqual([]);
  });

  it('passes a near miss beside the real keyword, which may be deliberate', () => {
    expect(runOnHdus(keywordSpelling, header(card('HLSPNAME', 'x'), card('HLSPNAM', 'y')))).toEqual([]);
  });

  it('passes keywords unlike any HLSP keyword', () => {
    expect(runOnHdus(keywordSpelling, header(card('DATAMODL', 'ImageModel'), card('NGROUPS', 4)))).toEqual(
      [],
    );
  });
});
