import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../src/manifest/manifest.js';
import { manifest } from '../../../src/rules/collection/manifest.js';
import type { FileRecord } from '../../../src/types.js';
import { directory, file, runCollectionRule } from './run-collection-rule.js';

const products = [
  file('images/a.fits', { size: 100, sha256: '1'.repeat(64) }),
  file('images/b.fits', { size: 200, sha256: '2'.repeat(64) }),
];
const manifestOf = (records: FileRecord[], path = 'hlsp_demo_manifest.csv') =>
  file(path, { kind: 'manifest', text: buildManifest(records) });

describe('collection/manifest', () => {
  it('reports a file that is not listed', () => {
    const findings = runCollectionRule(manifest, [...products, manifestOf([products[0]!])]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'collection/manifest',
      severity: 'error',
      path: 'images/b.fits',
    });
    expect(findings[0]!.message).toBe('images/b.fits is not listed in hlsp_demo_manifest.csv');
  });

  it('reports a listed file that is not in the collection', () => {
    const gone = file('images/gone.fits', { size: 5 });
    const [finding] = runCollectionRule(manifest, [...products, manifestOf([...products, gone])]);
    expect(finding!.message).toBe(
      'hlsp_demo_manifest.csv line 4 lists images/gone.fits, which is not in the collection',
    );
  });

  it('reports a changed size before a changed checksum', () => {
    const stale = [file('images/a.fits', { size: 101, sha256: '9'.repeat(64) }), products[1]!];
    const findings = runCollectionRule(manifest, [...products, manifestOf(stale)]);
    expect(findings.map((f) => f.message)).toEqual([
      'images/a.fits is 100 bytes, but hlsp_demo_manifest.csv line 2 says 101',
    ]);
  });

  it('reports a changed checksum', () => {
    const stale = [file('images/a.fits', { size: 100, sha256: '9'.repeat(64) }), products[1]!];
    const [finding] = runCollectionRule(manifest, [...products, manifestOf(stale)]);
    expect(finding!.path).toBe('images/a.fits');
    expect(finding!.message).toContain(`but hlsp_demo_manifest.csv line 2 says ${'9'.repeat(64)}`);
  });

  it('reports a manifest it cannot read', () => {
    const [finding] = runCollectionRule(manifest, [
      file('hlsp_demo_manifest.csv', { kind: 'manifest', text: 'x,y\n' }),
    ]);
    expect(finding!.message).toBe(
      "hlsp_demo_manifest.csv: the manifest has no header row with a 'path' column",
    );
  });

  it('passes a manifest written from the same files, ignoring directories and skipped entries', () => {
    const files = [
      directory('images'),
      ...products,
      file('images/link.fits', { skipped: 'symlink' }),
      manifestOf(products),
    ];
    expect(runCollectionRule(manifest, files)).toEqual([]);
  });

  it('reads paths of a manifest in a subdirectory relative to that directory', () => {
    const relative = products.map((p) => ({ ...p, path: p.path.slice('images/'.length) }));
    const files = [...products, file('top.fits'), manifestOf(relative, 'images/hlsp_demo_manifest.csv')];
    expect(runCollectionRule(manifest, files)).toEqual([]);
  });

  it('passes a collection without a manifest', () => {
    expect(runCollectionRule(manifest, products)).toEqual([]);
  });
});
