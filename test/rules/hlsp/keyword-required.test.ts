import { describe, expect, it } from 'vitest';
import { keywordRequired } from '../../../src/rules/hlsp/keyword-required.js';
import { SPECTRUM_PATH, setCard } from '../../support/demo.js';
import { IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/keyword-required', () => {
  it('reports a missing required keyword as an error', () => {
    const findings = runOnDemo(keywordRequired, IMAGE, (h) => setCard(primary(h), 'HLSPLEAD', null));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/keyword-required',
      severity: 'error',
      hdu: 0,
      keyword: 'HLSPLEAD',
    });
    expect(findings[0]!.message).toBe(
      'HLSPLEAD is missing (required in the common profile: full name of the HLSP lead)',
    );
    expect(findings[0]!.hint).toBe('add HLSPLEAD to the primary header');
  });

  it('reports a missing recommended keyword as a warning', () => {
    const findings = runOnDemo(keywordRequired, IMAGE, (h) => setCard(primary(h), 'OBSERVAT', null));
    expect(findings).toMatchObject([{ severity: 'warning', keyword: 'OBSERVAT' }]);
    expect(findings[0]!.message).toContain('recommended in the common profile');
  });

  it('reports a missing suggested keyword as info, pointing at the data HDU', () => {
    const findings = runOnDemo(keywordRequired, IMAGE, (h) => {
      for (const hdu of h) setCard(hdu.cards, 'APERTURE', null);
    });
    expect(findings).toMatchObject([{ severity: 'info', hdu: 1, keyword: 'APERTURE' }]);
    expect(findings[0]!.message).toBe('APERTURE is missing (suggested in the image profile)');
    expect(findings[0]!.hint).toBe('add APERTURE to HDU 1');
  });

  it("asks for the spectrum profile's keywords of a spectrum", () => {
    const findings = runOnDemo(keywordRequired, SPECTRUM_PATH, (h) => setCard(h[1]!.cards, 'DISPRSR', null));
    expect(findings).toMatchObject([{ severity: 'error', keyword: 'DISPRSR' }]);
    expect(findings[0]!.message).toContain('required in the spectrum profile');
  });

  it('passes products with every keyword their profiles ask for', () => {
    expect(runOnDemo(keywordRequired, IMAGE)).toEqual([]);
    expect(runOnDemo(keywordRequired, SPECTRUM_PATH)).toEqual([]);
  });
});
