import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extensionMismatch } from '../../../src/rules/format/extension-mismatch.js';
import { FITS_START, PNG, randomBytes, runFileRule } from './run-file-rule.js';

describe('format/extension-mismatch', () => {
  it('reports a PNG image named .fits, naming both formats, with the extension that fits', () => {
    const [finding, ...rest] = runFileRule(extensionMismatch, 'hlsp_x_jwst_nircam_f_f200w_v1_img.fits', PNG);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'format/extension-mismatch', severity: 'error' });
    expect(finding!.message).toBe('named .fits, but it holds a PNG image');
    expect(finding!.hint).toMatch(/\.png/);
  });

  it.each(['ecsv', 'csv', 'parquet', 'asdf', 'png', 'fits.gz', 'fits.fz', 'zip', 'h5', 'txt'])(
    'reports random bytes named .%s',
    (extension) => {
      const findings = runFileRule(extensionMismatch, `x.${extension}`, randomBytes(5000));
      expect(findings.map((finding) => finding.ruleId)).toEqual(['format/extension-mismatch']);
      expect(findings[0]!.message).toContain(`named .${extension}`);
    },
  );

  it('reports a .gz name on content that is not compressed', () => {
    const findings = runFileRule(extensionMismatch, 'x.fits.gz', FITS_START);
    expect(findings[0]?.message).toMatch(/not compressed/);
  });

  it('passes content that keeps the promise', () => {
    expect(runFileRule(extensionMismatch, 'x.png', PNG)).toEqual([]);
    expect(runFileRule(extensionMismatch, 'x.fits', FITS_START)).toEqual([]);
    expect(runFileRule(extensionMismatch, 'x.fits.gz', gzipSync(FITS_START))).toEqual([]);
    expect(
      runFileRule(extensionMismatch, 'x.ecsv', new TextEncoder().encode('# %ECSV 1.0\n# ---\na b\n1 2\n')),
    ).toEqual([]);
    expect(runFileRule(extensionMismatch, 'x.csv', new TextEncoder().encode('a,b\n1,2\n'))).toEqual([]);
  });

  it('judges only the content when the extension promises nothing', () => {
    expect(runFileRule(extensionMismatch, 'x.weird', randomBytes(100))).toEqual([]);
  });
});
