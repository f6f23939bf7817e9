import { describe, expect, it } from 'vitest';
import {
  classify,
  firstFitsverifyError,
  fitsverifyVerdict,
  ourVerdict,
} from '../../scripts/corpus-classify.js';

const clean = { verdict: 'clean' as const, rules: [], internal: false };
const broken = { verdict: 'error' as const, rules: ['fits/checksum'], internal: false };

describe('corpus:external judges each file', () => {
  it('reads fitsverify -q: OK, counts, and a run that gave up', () => {
    expect(fitsverifyVerdict('verification OK: a.fits')).toEqual({ verdict: 'clean', line: 'OK' });
    expect(fitsverifyVerdict('verification FAILED: a.fits, 2 warnings and 0 errors')).toEqual({
      verdict: 'clean',
      line: '2 warnings, 0 errors',
    });
    expect(fitsverifyVerdict('verification FAILED: a.fits, 1 warning and 3 errors').verdict).toBe('error');
    expect(fitsverifyVerdict('could not open a.fits\n')).toEqual({
      verdict: 'error',
      line: 'could not open a.fits',
    });
  });

  it('takes our errors, not warnings, and notices internal findings', () => {
    expect(
      ourVerdict([
        { ruleId: 'fits/units', severity: 'warning' },
        { ruleId: 'fits/checksum', severity: 'error' },
        { ruleId: 'fits/checksum', severity: 'error' },
        { ruleId: 'fits/date-format', severity: 'error' },
      ]),
    ).toEqual({ verdict: 'error', rules: ['fits/checksum', 'fits/date-format'], internal: false });
    expect(ourVerdict([{ ruleId: 'fits/units', severity: 'warning' }]).verdict).toBe('clean');
    expect(ourVerdict([{ ruleId: 'internal/rule-crashed', severity: 'error' }]).internal).toBe(true);
  });

  it('classifies the four cases and fails only where it must', () => {
    const ok = { verdict: 'clean' as const, line: 'OK' };
    const bad = { verdict: 'error' as const, line: '0 warnings, 2 errors' };
    expect(classify(clean, ok, undefined)).toEqual({ kind: 'both clean', failure: undefined });
    expect(classify(broken, bad, undefined)).toEqual({ kind: 'both error', failure: undefined });
    // Stricter than fitsverify is a documented policy, never a failure of the run.
    expect(classify(broken, ok, undefined)).toEqual({ kind: 'only ours', failure: undefined });
    expect(classify(clean, bad, undefined).kind).toBe('only fitsverify');
    expect(classify(clean, bad, undefined).failure).toMatch(/not listed as a known difference/);
    expect(classify(clean, bad, 'a fitsverify bug').failure).toBeUndefined();
    expect(classify({ ...clean, internal: true }, ok, 'anything').failure).toMatch(/internal finding/);
  });

  it("quotes fitsverify's first error on one line, with CFITSIO's message and the value", () => {
    const text = [
      '*** Error:   Keyword #24, DATE-OBS: (from CFITSIO error stack:)',
      '             input date string has illegal format (ffs2dt):',
      '             2011-02-15 00:00:00.340',
      '             ',
      '*** Error:   File has extra byte(s) after last HDU at byte 8640.',
    ].join('\n');
    expect(firstFitsverifyError(text)).toBe(
      'Keyword #24, DATE-OBS: input date string has illegal format (ffs2dt): 2011-02-15 00:00:00.340',
    );
    expect(firstFitsverifyError('*** Error:   Keyword #9, PCOUNT is not allowed in a primary array.')).toBe(
      'Keyword #9, PCOUNT is not allowed in a primary array.',
    );
    expect(firstFitsverifyError('verification OK')).toBeUndefined();
  });
});
