import { describe, expect, it } from 'vitest';
import { timesys } from '../../../src/rules/hlsp/timesys.js';
import { setCard } from '../../support/demo.js';
import { card, primaryCards } from '../../support/fits-builder.js';
import { IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo, runOnHdus } from './run-hlsp-rule.js';

const withoutTimesys = (h: Parameters<typeof primary>[0]) => {
  for (const hdu of h) setCard(hdu.cards, 'TIMESYS', null);
};

describe('hlsp/timesys', () => {
  it('reports each HDU with dates but no TIMESYS anywhere it applies', () => {
    const findings = runOnDemo(timesys, IMAGE, withoutTimesys);
    expect(findings.map((f) => [f.hdu, f.keyword])).toEqual([
      [1, 'DATE-BEG'],
      [2, 'DATE-BEG'],
      [3, 'DATE-BEG'],
    ]);
    expect(findings[0]).toMatchObject({ ruleId: 'hlsp/timesys', severity: 'error' });
    expect(findings[0]!.message).toBe('HDU 1 (SCI) gives DATE-BEG but no TIMESYS says in which time scale');
    expect(findings[0]!.hint).toBe("add TIMESYS (e.g. 'UTC' or 'TDB') to HDU 1 (SCI)");
  });

  it('reports only the HDUs without their own TIMESYS when the primary has none', () => {
    const findings = runOnDemo(timesys, IMAGE, (h) => {
      setCard(primary(h), 'TIMESYS', null);
      setCard(h[2]!.cards, 'TIMESYS', null);
    });
    expect(findings.map((f) => f.hdu)).toEqual([2]);
  });

  it('reports MJD-OBS and TSTART as dates too', () => {
    const findings = runOnHdus(timesys, [{ cards: [...primaryCards(), card('TSTART', 1520.5)] }]);
    expect(findings.map((f) => f.keyword)).toEqual(['TSTART']);
    const mjd = runOnHdus(timesys, [{ cards: [...primaryCards(), card('MJD-OBS', 59737.2)] }]);
    expect(mjd.map((f) => f.keyword)).toEqual(['MJD-OBS']);
  });

  it("reports extensions that rely on the primary header's TIMESYS without INHERIT = T", () => {
    const findings = runOnDemo(timesys, IMAGE, (h) => {
      withoutTimesys(h);
      primary(h).push(card('TIMESYS', 'UTC'));
    });
    expect(findings.map((f) => f.hdu)).toEqual([1, 2, 3]);
    expect(findings[0]!.message).toContain('this HDU has no INHERIT = T');
    expect(findings[0]!.hint).toBe("add TIMESYS to HDU 1 (SCI), or INHERIT = T to take the primary header's");
  });

  it('passes TIMESYS in the primary header only when the extensions say INHERIT = T', () => {
    const findings = runOnDemo(timesys, IMAGE, (h) => {
      withoutTimesys(h);
      primary(h).push(card('TIMESYS', 'UTC'));
      for (const hdu of h.slice(1)) hdu.cards.push(card('INHERIT', true));
    });
    expect(findings).toEqual([]);
  });

  it('passes TIMESYS in each dated HDU only', () => {
    expect(runOnDemo(timesys, IMAGE, (h) => setCard(primary(h), 'TIMESYS', null))).toEqual([]);
  });

  it('passes a header with no observation dates (DATE is the creation date)', () => {
    expect(runOnHdus(timesys, [{ cards: [...primaryCards(), card('DATE', '2026-11-01T00:00:00')] }])).toEqual(
      [],
    );
  });
});
