import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../src/manifest/manifest.js';
import { consistentMetadata } from '../../../src/rules/collection/consistent-metadata.js';
import { directoryNames } from '../../../src/rules/collection/directory-names.js';
import { manifest } from '../../../src/rules/collection/manifest.js';
import { readme } from '../../../src/rules/collection/readme.js';
import { skippedEntry } from '../../../src/rules/collection/skipped-entry.js';
import { strayFile } from '../../../src/rules/collection/stray-file.js';
import { uniqueNames } from '../../../src/rules/collection/unique-names.js';
import type { CollectionRule, FileRecord, FindingInput } from '../../../src/types.js';

const file = (path: string, extra: Partial<FileRecord> = {}): FileRecord => ({
  path,
  kind: 'fits',
  size: 2880,
  sha256: 'a'.repeat(64),
  header: {},
  provenance: [],
  ...extra,
});

function run(rule: CollectionRule, files: FileRecord[], project = 'demo'): FindingInput[] {
  const found: FindingInput[] = [];
  rule.check({ root: '/x', files, settings: { project } }, (finding) => found.push(finding));
  return found;
}

const GOOD_README =
  'Contact: ada@example.org\nVersion v1.0, changes: first release\nReferences: DOI 10.17909/abc\nFiles: one mosaic per filter\n';

describe('collection/readme', () => {
  it('passes a complete README at the root', () => {
    expect(run(readme, [file('hlsp_demo_readme.md', { kind: 'readme', text: GOOD_README })])).toEqual([]);
  });

  it('fails a missing README and names the expected file', () => {
    const [finding] = run(readme, [file('a.fits')]);
    expect(finding!.message).toContain('hlsp_demo_readme.md');
  });

  it('fails a README that is only in a subdirectory', () => {
    const [finding] = run(readme, [file('docs/hlsp_demo_readme.md', { kind: 'readme', text: GOOD_README })]);
    expect(finding!.message).toMatch(/at the collection root/);
  });

  it('fails an empty README', () => {
    expect(run(readme, [file('hlsp_demo_readme.txt', { kind: 'readme', text: '  \n' })])[0]!.message).toBe(
      'the README is empty',
    );
  });

  it('warns once per missing section', () => {
    const found = run(readme, [
      file('hlsp_demo_readme.md', { kind: 'readme', text: 'Images of a field.\n' }),
    ]);
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'the README seems to have no contact details'],
      ['warning', 'the README seems to have no version and changes'],
      ['warning', 'the README seems to have no references or DOI'],
      ['warning', 'the README seems to have no description of the files'],
    ]);
  });
});

describe('collection/unique-names', () => {
  it('passes distinct names', () => {
    expect(run(uniqueNames, [file('a/x.fits'), file('b/y.fits')])).toEqual([]);
  });

  it('fails the same name in two folders, and names differing only by case', () => {
    const found = run(uniqueNames, [file('a/x.fits'), file('b/x.fits'), file('c/X.fits')]);
    expect(found.map((f) => f.path)).toEqual(['b/x.fits', 'c/X.fits']);
    expect(found[1]!.message).toMatch(/only by upper\/lower case/);
  });
});

describe('collection/directory-names', () => {
  it('passes lower-case directories and warns about others', () => {
    expect(run(directoryNames, [file('images', { isDirectory: true })])).toEqual([]);
    expect(run(directoryNames, [file('Images', { isDirectory: true })])[0]!.hint).toBe(
      "rename it to 'images'",
    );
  });
});

describe('collection/stray-file', () => {
  it.each(['.DS_Store', 'Thumbs.db', 'a.fits~', 'x.swp', '._a.fits'])('flags %s', (name) => {
    expect(run(strayFile, [file(`dir/${name}`, { kind: 'other' })])).toHaveLength(1);
  });
  it('does not flag products', () => {
    expect(run(strayFile, [file('hlsp_demo_readme.md', { kind: 'readme' })])).toEqual([]);
  });
});

describe('collection/skipped-entry', () => {
  it('reports each skipped entry with its reason and severity', () => {
    const found = run(skippedEntry, [
      file('l', { skipped: 'symlink-outside' }),
      file('d', { skipped: 'unreadable', isDirectory: true }),
      file('r.txt', { kind: 'other', readError: 'permission denied: the file cannot be read' }),
      file('ok.fits'),
    ]);
    expect(found.map((f) => [f.path, f.severity ?? 'error'])).toEqual([
      ['l', 'warning'],
      ['d', 'error'],
      ['r.txt', 'error'],
    ]);
  });
});

describe('collection/manifest', () => {
  const products = [
    file('images/a.fits', { size: 100, sha256: '1'.repeat(64) }),
    file('images/b.fits', { size: 200, sha256: '2'.repeat(64) }),
  ];

  it('passes a manifest written from the same files', () => {
    const text = buildManifest(products);
    expect(run(manifest, [...products, file('hlsp_demo_manifest.csv', { kind: 'manifest', text })])).toEqual(
      [],
    );
  });

  it('reports missing, extra and changed files', () => {
    const text = buildManifest([
      file('images/a.fits', { size: 100, sha256: '9'.repeat(64) }),
      file('images/gone.fits', { size: 5 }),
    ]);
    const found = run(manifest, [...products, file('hlsp_demo_manifest.csv', { kind: 'manifest', text })]);
    expect(found.map((f) => f.path)).toEqual(['images/a.fits', 'hlsp_demo_manifest.csv', 'images/b.fits']);
    expect(found[0]!.message).toMatch(/SHA-256/);
    expect(found[1]!.message).toMatch(/images\/gone.fits, which is not in the collection/);
    expect(found[2]!.message).toMatch(/not listed/);
  });

  it('reports a size mismatch', () => {
    const text = buildManifest([file('images/a.fits', { size: 101, sha256: '1'.repeat(64) }), products[1]!]);
    const found = run(manifest, [...products, file('hlsp_demo_manifest.csv', { kind: 'manifest', text })]);
    expect(found.map((f) => f.message)).toEqual([
      'images/a.fits is 100 bytes, but hlsp_demo_manifest.csv line 2 says 101',
    ]);
  });

  it('reports an unreadable manifest', () => {
    expect(
      run(manifest, [file('hlsp_demo_manifest.csv', { kind: 'manifest', text: 'garbage' })])[0]!.message,
    ).toMatch(/'path' column/);
  });
});

describe('collection/consistent-metadata', () => {
  const fits = (path: string, header: FileRecord['header']) => file(path, { header });
  const same = {
    HLSPID: 'DEMO',
    HLSPVER: 'v1.0',
    DOI: '10.17909/abc',
    LICENSE: 'CC BY 4.0',
    HLSPLEAD: 'Ada',
  };

  it('passes files that agree with each other and the config', () => {
    expect(
      run(consistentMetadata, [fits('a.fits', same), fits('b.fits', { ...same, HLSPID: 'demo' })]),
    ).toEqual([]);
  });

  it('reports one finding per odd value, naming its files', () => {
    const files = [
      fits('a.fits', same),
      fits('b.fits', same),
      fits('c.fits', { ...same, DOI: '10.17909/old' }),
      fits('d.fits', { ...same, DOI: '10.17909/old' }),
    ];
    const found = run(consistentMetadata, files);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      "DOI = '10.17909/old' in 2 files (c.fits, d.fits), but the collection's DOI is '10.17909/abc'",
    );
  });

  it('compares with the config when it gives a value', () => {
    const found: FindingInput[] = [];
    consistentMetadata.check(
      { root: '/x', files: [fits('a.fits', same)], settings: { project: 'demo', version: 'v2.0' } },
      (f) => found.push(f),
    );
    expect(found.map((f) => f.keyword)).toEqual(['HLSPVER']);
    expect(found[0]!.message).toMatch(/from hlsp.config.json/);
  });
});
