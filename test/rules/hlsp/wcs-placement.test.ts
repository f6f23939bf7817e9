import { describe, expect, it } from 'vitest';
import { wcsPlacement } from '../../../src/rules/hlsp/wcs-placement.js';
import { card, imageExtensionCards, int16Data, primaryCards } from '../../support/fits-builder.js';
import { IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo, runOnHdus } from './run-hlsp-rule.js';

const WCS = [card('CTYPE1', 'RA---TAN'), card('CTYPE2', 'DEC--TAN'), card('CRVAL1', 110.8375)];
const pixels = int16Data([1, 2, 3, 4]);

describe('hlsp/wcs-placement', () => {
  it('reports WCS keywords in a primary header without data, as a warning', () => {
    const findings = runOnDemo(wcsPlacement, IMAGE, (h) => primary(h).push(...WCS));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/wcs-placement',
      severity: 'warning',
      hdu: 0,
      keyword: 'CTYPE1',
    });
    expect(findings[0]!.message).toBe('the primary header has no data but carries WCS keywords (CTYPE1)');
    expect(findings[0]!.hint).toBe('move the WCS keywords to the extension that holds the image');
  });

  it('reports a CD matrix element alone', () => {
    const findings = runOnDemo(wcsPlacement, IMAGE, (h) => primary(h).push(card('CD1_1', -8.3333e-6)));
    expect(findings.map((f) => f.keyword)).toEqual(['CD1_1']);
  });

  it('passes WCS keywords in the extensions only', () => {
    expect(runOnDemo(wcsPlacement, IMAGE)).toEqual([]);
  });

  it('passes WCS keywords in a primary header that holds the image', () => {
    const hdus = [
      { cards: [...primaryCards({ bitpix: 16, axes: [2, 2] }), ...WCS], data: pixels },
      { cards: imageExtensionCards({ axes: [2, 2], extname: 'ERR' }), data: pixels },
    ];
    expect(runOnHdus(wcsPlacement, hdus)).toEqual([]);
  });

  it('passes a dataless primary header that is the only HDU', () => {
    expect(runOnHdus(wcsPlacement, [{ cards: [...primaryCards(), ...WCS] }])).toEqual([]);
  });
});
