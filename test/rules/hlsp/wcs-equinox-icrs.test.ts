import { describe, expect, it } from 'vitest';
import { wcsEquinoxIcrs } from '../../../src/rules/hlsp/wcs-equinox-icrs.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/wcs-equinox-icrs', () => {
  it("reports EQUINOX beside RADESYS = 'ICRS'", () => {
    const findings = runOnDemo(wcsEquinoxIcrs, IMAGE, (h) => data(h).push(card('EQUINOX', 2000.0)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/wcs-equinox-icrs',
      severity: 'error',
      hdu: 1,
      keyword: 'EQUINOX',
    });
    expect(findings[0]!.message).toBe("EQUINOX is given, but RADESYS = 'ICRS', which has no equinox");
    expect(findings[0]!.hint).toBe('remove EQUINOX');
  });

  it('passes ICRS without EQUINOX', () => {
    expect(runOnDemo(wcsEquinoxIcrs, IMAGE)).toEqual([]);
  });

  it("passes EQUINOX with RADESYS = 'FK5'", () => {
    const findings = runOnDemo(wcsEquinoxIcrs, IMAGE, (h) => {
      setCard(data(h), 'RADESYS', card('RADESYS', 'FK5'));
      data(h).push(card('EQUINOX', 2000.0));
    });
    expect(findings).toEqual([]);
  });
});
