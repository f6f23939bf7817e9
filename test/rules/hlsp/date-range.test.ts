import { describe, expect, it } from 'vitest';
import { dateRange } from '../../../src/rules/hlsp/date-range.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE } from '../../support/keyword-corpus.js';
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
      /^DATE-END \(2022-06-01T00:00:00\) is before DATE-BEG \(2022-06-07T04:48:00\.000\)$/,
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
    expect(findings[0]!.message).toBe('MJD-END (59737.1) is before MJD-BEG (59737.2)');
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
