import { describe, expect, it } from 'vitest';
import { applyBaseline, fingerprint, makeBaseline } from '../../src/engine/baseline.js';
import type { Finding } from '../../src/report/types.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'hlsp/keyword-value',
  severity: 'error',
  path: 'a.fits',
  hdu: 0,
  keyword: 'LICENSE',
  offset: 800,
  message: "LICENSE must be 'CC BY 4.0'",
  ...over,
});

describe('baseline', () => {
  it('fingerprints survive a moved card (offset) but not a different problem', () => {
    expect(fingerprint(finding({ offset: 1600 }))).toBe(fingerprint(finding()));
    expect(fingerprint(finding({ keyword: 'DOI' }))).not.toBe(fingerprint(finding()));
    expect(fingerprint(finding({ path: 'b.fits' }))).not.toBe(fingerprint(finding()));
  });

  it('keeps only findings the baseline does not accept', () => {
    const accepted = new Set(makeBaseline([finding()]).fingerprints);
    const { kept, suppressed } = applyBaseline(
      [finding({ offset: 80 }), finding({ keyword: 'DOI' })],
      accepted,
    );
    expect(kept.map((f) => f.keyword)).toEqual(['DOI']);
    expect(suppressed).toBe(1);
  });
});
