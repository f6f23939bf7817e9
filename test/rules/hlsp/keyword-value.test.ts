import { describe, expect, it } from 'vitest';
import { keywordValue } from '../../../src/rules/hlsp/keyword-value.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/keyword-value', () => {
  it('reports a LICENSE other than the required one', () => {
    const findings = runOnDemo(keywordValue, IMAGE, (h) =>
      setCard(primary(h), 'LICENSE', card('LICENSE', 'CC-BY-4.0')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/keyword-value',
      severity: 'error',
      hdu: 0,
      keyword: 'LICENSE',
    });
    expect(findings[0]!.message).toBe("LICENSE must be 'CC BY 4.0', found 'CC-BY-4.0'");
    expect(findings[0]!.hint).toBe("set LICENSE = 'CC BY 4.0'");
  });

  it('reports a value outside an enum', () => {
    const findings = runOnDemo(keywordValue, IMAGE, (h) =>
      setCard(data(h), 'RADESYS', card('RADESYS', 'J2000')),
    );
    expect(findings).toMatchObject([{ hdu: 1, keyword: 'RADESYS' }]);
    expect(findings[0]!.message).toBe(
      "RADESYS = 'J2000   ' is not one of 'ICRS', 'FK5', 'FK4', 'FK4-NO-E', 'GAPPT'",
    );
  });

  it('reports a DOI not minted by MAST', () => {
    const findings = runOnDemo(keywordValue, IMAGE, (h) =>
      setCard(primary(h), 'DOI', card('DOI', '10.5281/zenodo.1')),
    );
    expect(findings).toMatchObject([{ keyword: 'DOI' }]);
    expect(findings[0]!.message).toContain('does not have the expected form');
  });

  it('reports a JD given as MJD', () => {
    const findings = runOnDemo(keywordValue, IMAGE, (h) =>
      setCard(data(h), 'MJD-BEG', card('MJD-BEG', 2459737.7)),
    );
    expect(findings).toMatchObject([{ hdu: 1, keyword: 'MJD-BEG' }]);
    expect(findings[0]!.message).toContain('is not a Modified Julian Date');
    expect(findings[0]!.hint).toBe('write MJD-BEG as MJD, e.g. 59751.5');
  });

  it('reports RA_TARG = 360 (the upper bound is exclusive)', () => {
    const findings = runOnDemo(keywordValue, IMAGE, (h) =>
      setCard(data(h), 'RA_TARG', card('RA_TARG', 360.0)),
    );
    expect(findings.map((f) => f.keyword)).toEqual(['RA_TARG']);
  });

  it('passes RA_TARG = 0 and DEC_TARG = -90 (inclusive bounds)', () => {
    const findings = runOnDemo(keywordValue, IMAGE, (h) => {
      setCard(data(h), 'RA_TARG', card('RA_TARG', 0.0));
      setCard(data(h), 'DEC_TARG', card('DEC_TARG', -90.0));
    });
    expect(findings).toEqual([]);
  });

  it('passes allowed values', () => {
    expect(runOnDemo(keywordValue, IMAGE)).toEqual([]);
  });
});
