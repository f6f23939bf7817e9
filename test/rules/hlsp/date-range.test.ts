import { describe, expect, it } from 'vitest';
import { dateRange } from '../../../src/rules/hlsp/date-range.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

/** The demo's MJD-BEG; its DATE-BEG is the same instant. */
const MJD_BEG = 59737.2;
const SECOND = 1 / 86400;

describe('hlsp/date-range', () => {
  it('reports DATE-END before DATE-BEG', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) =>
      setCard(data(h), 'DATE-END', card('DATE-END', '2022-06-01T00:00:00')),
    );
    const order = findings.find((f) => f.keyword === 'DATE-END');
    expect(order).toMatchObject({ ruleId: 'hlsp/date-range', severity: 'error', hdu: 1 });
    expect(order!.message).toMatch(
      /^in HDU 1 \(SCI\), DATE-END \(2022-06-01T00:00:00\) is before DATE-BEG \(2022-06-07T04:48:00\.000\)$/,
    );
    expect(order!.hint).toBe('DATE-BEG is the first start, DATE-END the last end');
  });

  it('reports MJD-END before MJD-BEG', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) => {
      for (const hdu of h) for (const k of ['DATE-BEG', 'DATE-END']) setCard(hdu.cards, k, null);
      setCard(data(h), 'MJD-END', card('MJD-END', 59737.1));
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'hlsp/date-range', severity: 'error', keyword: 'MJD-END' });
    expect(findings[0]!.message).toBe('in HDU 1 (SCI), MJD-END (59737.1) is before MJD-BEG (59737.2)');
  });

  it('reports MJD and ISO dates more than a second apart', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) =>
      setCard(data(h), 'MJD-BEG', card('MJD-BEG', MJD_BEG + 2 * SECOND)),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', hdu: 1, keyword: 'MJD-BEG' });
    expect(findings[0]!.message).toContain(
      "and DATE-BEG = '2022-06-07T04:48:00.000' (MJD 59737.200000) differ by 2.0 s",
    );
    expect(findings[0]!.hint).toContain('TIMESYS');
  });

  it('passes MJD and ISO dates less than a second apart', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) =>
      setCard(data(h), 'MJD-BEG', card('MJD-BEG', MJD_BEG + 0.5 * SECOND)),
    );
    expect(findings).toEqual([]);
  });

  it('warns when the file gives no observation time at all', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) => {
      for (const hdu of h) for (const k of ['DATE-BEG', 'MJD-BEG']) setCard(hdu.cards, k, null);
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/date-range',
      severity: 'warning',
      hdu: 0,
      keyword: 'DATE-BEG',
    });
    expect(findings[0]!.message).toBe('the file gives no observation time: neither DATE-BEG nor MJD-BEG');
  });

  it('reports a reversed range in SCI behind a valid pair in the primary header (JWST shape)', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) => {
      primary(h).push(
        card('DATE-BEG', '2022-06-07T04:48:00.000'),
        card('DATE-END', '2022-06-07T21:36:00.000'),
      );
      setCard(data(h), 'DATE-END', card('DATE-END', '2022-06-01T00:00:00'));
    });
    expect(findings.map((f) => [f.hdu, f.keyword])).toEqual([[1, 'DATE-END']]);
  });

  it('judges an inherited pair once, in the primary header', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) => {
      for (const hdu of h)
        for (const k of ['DATE-BEG', 'DATE-END', 'MJD-BEG', 'MJD-END']) setCard(hdu.cards, k, null);
      primary(h).push(card('DATE-BEG', '2022-06-07T04:48:00'), card('DATE-END', '2022-06-01T00:00:00'));
      for (const hdu of h.slice(1)) hdu.cards.push(card('INHERIT', true));
    });
    expect(findings.map((f) => [f.hdu, f.keyword])).toEqual([[0, 'DATE-END']]);
  });

  it('compares an extension with the primary header only under INHERIT = T', () => {
    const mutate = (inherit: boolean) => (h: Parameters<typeof data>[0]) => {
      for (const hdu of h)
        for (const k of ['DATE-BEG', 'DATE-END', 'MJD-BEG', 'MJD-END']) setCard(hdu.cards, k, null);
      primary(h).push(card('DATE-BEG', '2022-06-08T00:00:00'));
      if (inherit) data(h).push(card('INHERIT', true));
      data(h).push(card('DATE-END', '2022-06-07T00:00:00'));
    };
    expect(runOnDemo(dateRange, IMAGE, mutate(false))).toEqual([]);
    expect(runOnDemo(dateRange, IMAGE, mutate(true)).map((f) => [f.hdu, f.keyword])).toEqual([
      [1, 'DATE-END'],
    ]);
  });

  it('reports MJD-MID outside the range, and XPOSURE longer than TELAPSE longer than the range', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) => {
      setCard(data(h), 'MJD-MID', card('MJD-MID', 59738.5));
      setCard(data(h), 'TELAPSE', card('TELAPSE', 70000.0));
      setCard(data(h), 'XPOSURE', card('XPOSURE', 80000.0));
    });
    expect(findings.map((f) => f.keyword)).toEqual(['MJD-MID', 'XPOSURE', 'TELAPSE']);
    expect(findings[1]!.message).toBe('in HDU 1 (SCI), XPOSURE (80000 s) is longer than TELAPSE (70000 s)');
  });

  it('passes MJD-MID, XPOSURE and TELAPSE that fit the range', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) => {
      setCard(data(h), 'MJD-MID', card('MJD-MID', 59737.6));
      setCard(data(h), 'TELAPSE', card('TELAPSE', 60000.0));
    });
    expect(findings).toEqual([]);
  });

  it('passes a consistent time range', () => {
    expect(runOnDemo(dateRange, IMAGE)).toEqual([]);
  });

  it('passes a range given only as MJD', () => {
    const findings = runOnDemo(dateRange, IMAGE, (h) => {
      for (const hdu of h) for (const k of ['DATE-BEG', 'DATE-END']) setCard(hdu.cards, k, null);
    });
    expect(findings).toEqual([]);
  });
});
