import { describe, expect, it } from 'vitest';
import { consistentMetadata } from '../../../src/rules/collection/consistent-metadata.js';
import type { FileRecord } from '../../../src/types.js';
import { file, runCollectionRule } from './run-collection-rule.js';

const SAME = { HLSPID: 'DEMO', HLSPVER: 'v1.0', DOI: '10.17909/abc', LICENSE: 'CC BY 4.0', HLSPLEAD: 'Ada' };
const fits = (path: string, header: FileRecord['header']) => file(path, { header });

describe('collection/consistent-metadata', () => {
  it('reports the odd value once, naming the files that carry it', () => {
    const findings = runCollectionRule(consistentMetadata, [
      fits('a.fits', SAME),
      fits('b.fits', SAME),
      fits('c.fits', { ...SAME, LICENSE: 'CC0' }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'collection/consistent-metadata',
      severity: 'error',
      keyword: 'LICENSE',
      path: 'c.fits',
    });
    expect(findings[0]!.message).toBe(
      "LICENSE = 'CC0' in 1 file (c.fits), but the collection's LICENSE is 'CC BY 4.0'",
    );
    expect(findings[0]!.hint).toBe(
      "set LICENSE = 'CC BY 4.0' in this file, the same as the rest of the collection",
    );
  });

  it('compares with hlsp.config.json when it gives a value', () => {
    const findings = runCollectionRule(consistentMetadata, [fits('a.fits', SAME), fits('b.fits', SAME)], {
      project: 'demo',
      lead: 'Grace',
    });
    expect(findings.map((f) => [f.keyword, f.path])).toEqual([['HLSPLEAD', 'a.fits']]);
    expect(findings[0]!.message).toContain(
      "(a.fits, b.fits), but the collection's HLSPLEAD is 'Grace' (from hlsp.config.json)",
    );
  });

  it('shows at most five files and counts the rest', () => {
    const odd = Array.from({ length: 7 }, (_, i) => fits(`odd${i}.fits`, { ...SAME, HLSPVER: 'v0.9' }));
    const findings = runCollectionRule(consistentMetadata, odd, { project: 'demo', version: 'v1.0' });
    expect(findings[0]!.message).toContain(
      'in 7 files (odd0.fits, odd1.fits, odd2.fits, odd3.fits, odd4.fits and 2 more)',
    );
  });

  it('passes files that agree, comparing HLSPID without case', () => {
    expect(
      runCollectionRule(consistentMetadata, [
        fits('a.fits', SAME),
        fits('b.fits.gz', { ...SAME, HLSPID: 'demo' }),
      ]),
    ).toEqual([]);
  });

  it('ignores files that are not FITS and keywords that are missing', () => {
    const files = [
      fits('a.fits', SAME),
      fits('b.fits', { HLSPID: 'demo' }),
      file('c.csv', { kind: 'table', header: { ...SAME, DOI: '10.17909/other' } }),
    ];
    expect(runCollectionRule(consistentMetadata, files)).toEqual([]);
  });
});
