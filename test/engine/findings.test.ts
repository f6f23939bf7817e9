import { describe, expect, it } from 'vitest';
import { effectiveSeverity } from '../../src/config/config.js';
import { compareFindings, summarize, toFinding, verdictOf } from '../../src/engine/findings.js';
import { shardOf } from '../../src/engine/run.js';
import type { FileEntry, Finding } from '../../src/report/types.js';

describe('findings', () => {
  it('sorts by path, hdu (null first), offset, rule', () => {
    const make = (path: string, hdu: number | null, offset: number | null, ruleId: string): Finding => ({
      ruleId,
      severity: 'error',
      path,
      hdu,
      keyword: null,
      offset,
      message: 'm',
    });
    const list = [
      make('b', 0, 0, 'x'),
      make('a', 1, 0, 'x'),
      make('a', null, null, 'y'),
      make('a', 1, 0, 'w'),
      make('a', 0, 80, 'x'),
    ];
    expect(list.sort(compareFindings).map((f) => `${f.path}${f.hdu}${f.offset}${f.ruleId}`)).toEqual([
      'anullnully',
      'a080x',
      'a10w',
      'a10x',
      'b00x',
    ]);
  });

  it('maps severities to MAST verdicts', () => {
    expect(verdictOf([])).toBe('PASS');
    expect(verdictOf(['info', 'warning'])).toBe('NEEDS REVIEW');
    expect(verdictOf(['warning', 'error'])).toBe('FAIL');
  });

  it('applies config severities: exact id over group, and off', () => {
    const rules = { fits: 'warning', 'fits/checksum': 'off', 'name/*': 'info' } as const;
    expect(effectiveSeverity('fits/checksum', 'error', rules)).toBe('off');
    expect(effectiveSeverity('fits/end-card', 'error', rules)).toBe('warning');
    expect(effectiveSeverity('name/version', 'error', rules)).toBe('info');
    expect(effectiveSeverity('hlsp/x', 'error', rules)).toBe('error');
    expect(toFinding('fits/checksum', 'error', 'a', { message: 'm' }, rules)).toBeNull();
    expect(toFinding('fits/end-card', 'error', 'a', { message: 'm', hdu: 2 }, rules)).toMatchObject({
      severity: 'warning',
      hdu: 2,
      keyword: null,
      offset: null,
    });
  });

  it('summarizes counts and the verdict', () => {
    const f = (severity: Finding['severity']): Finding => ({
      ruleId: 'r',
      severity,
      path: 'p',
      hdu: null,
      keyword: null,
      offset: null,
      message: 'm',
    });
    expect(summarize([], [f('error'), f('warning'), f('warning'), f('info')])).toEqual({
      files: 0,
      products: 0,
      supportFiles: 0,
      errors: 1,
      warnings: 2,
      infos: 1,
      verdict: 'FAIL',
    });
  });

  it('counts products and support files apart: README, manifest and the configuration files', () => {
    const entry = (path: string, kind: FileEntry['kind']): FileEntry => ({
      path,
      size: 1,
      sha256: null,
      kind,
      verdict: 'PASS',
    });
    const files = [
      entry('a.fits', 'fits'),
      entry('a.png', 'preview'),
      entry('c.ecsv', 'table'),
      entry('hlsp_x_readme.md', 'readme'),
      entry('hlsp_x_manifest.csv', 'manifest'),
    ];
    expect(summarize(files, [], 1)).toMatchObject({ files: 5, products: 3, supportFiles: 3 });
    expect(summarize(files, [])).toMatchObject({ products: 3, supportFiles: 2 });
  });

  it('shards deterministically and covers every path exactly once', () => {
    const paths = Array.from({ length: 500 }, (_, i) => `dir/file-${i}.fits`);
    const counts = [0, 0, 0, 0];
    for (const path of paths) {
      const shard = shardOf(path, 4);
      expect(shard).toBe(shardOf(path, 4));
      counts[shard - 1]!++;
    }
    expect(counts.reduce((a, b) => a + b)).toBe(500);
    expect(Math.min(...counts)).toBeGreaterThan(80);
  });
});
