import { describe, expect, it } from 'vitest';
import { keywordType } from '../../../src/rules/hlsp/keyword-type.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { data, IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/keyword-type', () => {
  it('reports a number written as a string', () => {
    const findings = runOnDemo(keywordType, IMAGE, (h) =>
      setCard(data(h), 'MJD-BEG', card('MJD-BEG', '59737.2')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/keyword-type',
      severity: 'error',
      hdu: 1,
      keyword: 'MJD-BEG',
    });
    expect(findings[0]!.message).toBe(
      "MJD-BEG is a number written as a string ('59737.2 '); it must be a float",
    );
    expect(findings[0]!.hint).toBe('remove the quotes: MJD-BEG = 59737.2');
  });

  it('reports a string keyword written as a number', () => {
    const findings = runOnDemo(keywordType, IMAGE, (h) =>
      setCard(primary(h), 'HLSPTARG', card('HLSPTARG', 723)),
    );
    expect(findings).toMatchObject([{ ruleId: 'hlsp/keyword-type', hdu: 0, keyword: 'HLSPTARG' }]);
    expect(findings[0]!.message).toBe('HLSPTARG must be a string, found 723');
    expect(findings[0]!.hint).toBe("quote the value: HLSPTARG = '723'");
  });

  // PROPOSID is in both the common and the jwst profile; jwst adds a pattern, checked again.
  it('reports a keyword listed in two profiles once, on a JWST product', () => {
    const findings = runOnDemo(keywordType, IMAGE, (h) =>
      setCard(primary(h), 'PROPOSID', card('PROPOSID', 2736)),
    );
    expect(findings.map((f) => f.message)).toEqual(['PROPOSID must be a string, found 2736']);
  });

  it('reports a keyword listed in two profiles without a value once', () => {
    const findings = runOnDemo(keywordType, IMAGE, (h) =>
      setCard(primary(h), 'PROPOSID', card('PROPOSID', null)),
    );
    expect(findings.map((f) => f.message)).toEqual(['PROPOSID has no value']);
  });

  it('reports a keyword without a value, at the severity of its level', () => {
    const findings = runOnDemo(keywordType, IMAGE, (h) =>
      setCard(primary(h), 'OBSERVAT', card('OBSERVAT', null)),
    );
    expect(findings).toMatchObject([{ severity: 'warning', keyword: 'OBSERVAT' }]);
    expect(findings[0]!.message).toBe('OBSERVAT has no value');
    expect(findings[0]!.hint).toBe('give OBSERVAT a string value');
  });

  it('passes keywords of the right type', () => {
    expect(runOnDemo(keywordType, IMAGE)).toEqual([]);
  });

  it('passes an integer where a float is asked for', () => {
    const findings = runOnDemo(keywordType, IMAGE, (h) => setCard(data(h), 'XPOSURE', card('XPOSURE', 7537)));
    expect(findings).toEqual([]);
  });
});
