import { describe, expect, it } from 'vitest';
import { wcsUnits } from '../../../src/rules/hlsp/wcs-units.js';
import { setCard } from '../../support/demo.js';
import { card, primaryCards } from '../../support/fits-builder.js';
import { data, IMAGE } from '../../support/keyword-corpus.js';
import { runOnDemo, runOnHdus } from './run-hlsp-rule.js';

const header = (...cards: ReturnType<typeof card>[]) => [{ cards: [...primaryCards(), ...cards] }];

describe('hlsp/wcs-units', () => {
  it("reports a celestial axis whose CUNIT is not 'deg'", () => {
    const findings = runOnDemo(wcsUnits, IMAGE, (h) => setCard(data(h), 'CUNIT1', card('CUNIT1', 'degrees')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/wcs-units',
      severity: 'error',
      hdu: 1,
      keyword: 'CUNIT1',
    });
    expect(findings[0]!.message).toBe("CUNIT1 = 'degrees' for the celestial axis RA---TAN; it must be 'deg'");
    expect(findings[0]!.hint).toBe("set CUNIT1 = 'deg'");
  });

  it('reports galactic axes too', () => {
    const findings = runOnHdus(wcsUnits, header(card('CTYPE2', 'GLAT-CAR'), card('CUNIT2', 'rad')));
    expect(findings.map((f) => f.keyword)).toEqual(['CUNIT2']);
  });

  it("passes celestial axes in 'deg'", () => {
    expect(runOnDemo(wcsUnits, IMAGE)).toEqual([]);
  });

  it('passes other units on non-celestial axes, and a celestial axis without CUNIT', () => {
    const findings = runOnHdus(
      wcsUnits,
      header(card('CTYPE1', 'RA---TAN'), card('CTYPE3', 'WAVE'), card('CUNIT3', 'um')),
    );
    expect(findings).toEqual([]);
  });
});
