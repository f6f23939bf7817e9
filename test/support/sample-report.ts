/** A report with findings on every given path, hostile names included, for formatter tests. */
import type { Finding, Report } from '../../src/report/types.js';

export const HOSTILE = [
  '<script>alert(1)</script>.fits',
  '</script><img src=x onerror=alert(1)>.fits',
  'quote"and\'apostrophe.fits',
  'line\nbreak\r%0A::error file=x::pwned,title=y.fits',
  'pipe|star*_under_[link](http://x).fits',
  'ctrl\u0000\u0007\u001b[31m.fits',
  'ünïcødé\u2028\u2029.fits',
];

export function sampleReport(paths: string[] = ['images/a.fits', 'b.fits', ...HOSTILE]): Report {
  const findings: Finding[] = paths.flatMap((path, i) => [
    {
      ruleId: 'fits/checksum',
      severity: 'error' as const,
      path,
      hdu: 1,
      keyword: 'DATASUM',
      offset: 2880 + 80 * i,
      message: `bad sum in ${path}`,
      hint: `fix ${path}`,
      context: [`OBJECT  = '${path}'`],
    },
    {
      ruleId: 'hlsp/keyword-required',
      severity: 'warning' as const,
      path,
      hdu: 0,
      keyword: 'OBSERVAT',
      offset: 0,
      message: 'OBSERVAT is missing',
    },
    {
      ruleId: 'collection/stray-file',
      severity: 'info' as const,
      path,
      hdu: null,
      keyword: null,
      offset: null,
      message: `note about ${path}`,
    },
  ]);
  return {
    tool: { name: 'hlsp-validate', version: '0.1.0' },
    project: 'demo',
    root: 'fixtures/x',
    startedAt: '2026-11-24T00:00:00.000Z',
    durationMs: 5,
    summary: {
      files: paths.length,
      products: paths.length,
      supportFiles: 0,
      errors: paths.length,
      warnings: paths.length,
      infos: paths.length,
      verdict: 'FAIL',
    },
    files: paths.map((path) => ({
      path,
      size: 2880,
      sha256: 'a'.repeat(64),
      kind: 'fits' as const,
      verdict: 'FAIL' as const,
    })),
    findings,
    notChecked: [{ ruleId: 'mast/observation-exists', reason: '--mast offline: <b>MAST</b> was not asked' }],
  };
}
