import { describe, expect, it } from 'vitest';
import { nameHeaderMatch } from '../../../src/rules/hlsp/name-header-match.js';
import { setCard } from '../../support/demo.js';
import { card } from '../../support/fits-builder.js';
import { IMAGE, primary } from '../../support/keyword-corpus.js';
import { runOnDemo } from './run-hlsp-rule.js';

describe('hlsp/name-header-match', () => {
  it("reports HLSPID that differs from the name's proj-id", () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'HLSPID', card('HLSPID', 'OTHER')),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'hlsp/name-header-match',
      severity: 'error',
      hdu: 0,
      keyword: 'HLSPID',
    });
    expect(findings[0]!.message).toBe("HLSPID = 'OTHER' but the file name's proj-id is 'nirdemo'");
    expect(findings[0]!.hint).toBe('make them the same collection id (case does not matter)');
  });

  it('reports HLSPVER that differs from the version', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'HLSPVER', card('HLSPVER', 'v2.0')),
    );
    expect(findings).toMatchObject([{ severity: 'error', keyword: 'HLSPVER' }]);
    expect(findings[0]!.message).toBe("HLSPVER = 'v2.0' but the file name's version is 'v1.0'");
  });

  it('warns when HLSPTARG does not name the target', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'HLSPTARG', card('HLSPTARG', 'Abell 2744')),
    );
    expect(findings).toMatchObject([{ severity: 'warning', keyword: 'HLSPTARG' }]);
    expect(findings[0]!.message).toBe(
      "HLSPTARG = 'Abell 2744' does not match the file name's target 'smacs0723'",
    );
  });

  it('reports a filter of the name that the header does not have', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'FILTER', card('FILTER', 'F444W'));
    });
    expect(findings).toMatchObject([{ severity: 'error', hdu: 1, keyword: 'FILTER' }]);
    expect(findings[0]!.message).toBe(
      "the file name's opt-elem 'f200w' does not match FILTER in the header (f444w, clear)",
    );
  });

  it('reports an instrument of the name that the header does not have', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) =>
      setCard(primary(h), 'INSTRUME', card('INSTRUME', 'MIRI')),
    );
    expect(findings.map((f) => f.keyword)).toEqual(['INSTRUME']);
  });

  it('passes a header that agrees with the name', () => {
    expect(runOnDemo(nameHeaderMatch, IMAGE)).toEqual([]);
  });

  it('passes HLSPID in another case and HLSPTARG written with spaces', () => {
    const findings = runOnDemo(nameHeaderMatch, IMAGE, (h) => {
      setCard(primary(h), 'HLSPID', card('HLSPID', 'NirDemo'));
      setCard(primary(h), 'HLSPTARG', card('HLSPTARG', 'SMACS 0723'));
    });
    expect(findings).toEqual([]);
  });

  it('checks only HLSP file names', () => {
    const findings = runOnDemo(
      nameHeaderMatch,
      IMAGE,
      (h) => setCard(primary(h), 'HLSPID', card('HLSPID', 'OTHER')),
      { name: 'mosaic_f200w.fits' },
    );
    expect(findings).toEqual([]);
  });
});
