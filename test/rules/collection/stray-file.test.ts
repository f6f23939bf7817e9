import { describe, expect, it } from 'vitest';
import { strayFile } from '../../../src/rules/collection/stray-file.js';
import { directory, file, runCollectionRule } from './run-collection-rule.js';

describe('collection/stray-file', () => {
  it.each([
    '.DS_Store',
    'Thumbs.db',
    'desktop.ini',
    '._a.fits',
    'a.fits~',
    '.#a.txt',
    '#a.txt#',
    'x.swp',
    'x.BAK',
  ])('reports %s', (name) => {
    const findings = runCollectionRule(strayFile, [file(`images/${name}`, { kind: 'other' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'collection/stray-file',
      severity: 'warning',
      path: `images/${name}`,
    });
    expect(findings[0]!.message).toBe(`${name} is not a product of the collection`);
    expect(findings[0]!.hint).toBe('delete it before delivery');
  });

  it('passes products, READMEs and files that only contain a stray-looking word', () => {
    const files = [
      file('hlsp_demo_jwst_nircam_egs_f200w_v1_i2d.fits'),
      file('hlsp_demo_readme.md', { kind: 'readme' }),
      file('hlsp_demo_thumbs.db.fits'),
    ];
    expect(runCollectionRule(strayFile, files)).toEqual([]);
  });

  it('passes directories and skipped entries with stray-looking names', () => {
    expect(
      runCollectionRule(strayFile, [
        directory('backup~'),
        file('x.tmp', { kind: 'other', skipped: 'symlink' }),
      ]),
    ).toEqual([]);
  });
});
