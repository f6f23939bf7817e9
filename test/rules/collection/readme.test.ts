import { describe, expect, it } from 'vitest';
import { readme } from '../../../src/rules/collection/readme.js';
import { file, runCollectionRule } from './run-collection-rule.js';

const GOOD =
  'Contact: ada@example.org\nVersion v1.0, changes: first release\nReferences: DOI 10.17909/abc\nFiles: one mosaic per filter\n';
const readmeFile = (path: string, text: string) => file(path, { kind: 'readme', text });

describe('collection/readme', () => {
  it('reports a collection without a README, naming the expected file', () => {
    const findings = runCollectionRule(readme, [file('hlsp_demo_jwst_nircam_egs_f200w_v1_i2d.fits')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'collection/readme', severity: 'error', path: '' });
    expect(findings[0]!.message).toBe(
      'the collection has no README (expected hlsp_demo_readme.md at the root)',
    );
  });

  it('reports a README that is only in a subdirectory', () => {
    const [finding] = runCollectionRule(readme, [readmeFile('docs/hlsp_demo_readme.md', GOOD)]);
    expect(finding!.message).toBe(
      'the README must be at the collection root, found only docs/hlsp_demo_readme.md',
    );
    expect(finding!.path).toBe('docs/hlsp_demo_readme.md');
  });

  it.each([
    ['readme.md', 'hlsp_demo_readme.md'],
    ['hlsp_other_readme.md', 'hlsp_demo_readme.md'],
    ['README.txt', 'hlsp_demo_readme.txt'],
  ])('reports the misnamed root README %s once, with the name it needs', (path, expected) => {
    const findings = runCollectionRule(readme, [readmeFile(path, GOOD)]);
    expect(findings).toEqual([
      {
        ruleId: 'collection/readme',
        severity: 'error',
        message: `the README ${path} is at the collection root but misnamed: MAST expects ${expected}`,
        hint: `rename ${path} to ${expected}`,
        path,
      },
    ]);
  });

  it('recognises a root readme.md that discovery did not class as a README', () => {
    const [finding] = runCollectionRule(readme, [file('readme.md', { kind: 'other', text: GOOD })]);
    expect(finding!.message).toBe(
      'the README readme.md is at the collection root but misnamed: MAST expects hlsp_demo_readme.md',
    );
  });

  it('reports an empty README', () => {
    const [finding] = runCollectionRule(readme, [readmeFile('hlsp_demo_readme.txt', ' \n\t\n')]);
    expect(finding).toMatchObject({ severity: 'error', message: 'the README is empty' });
  });

  it('reports a README that cannot be read', () => {
    const [finding] = runCollectionRule(readme, [
      file('hlsp_demo_readme.md', { kind: 'readme', readError: 'permission denied' }),
    ]);
    expect(finding!.message).toBe('the README cannot be read: permission denied');
  });

  it('warns once per missing section', () => {
    const findings = runCollectionRule(readme, [
      readmeFile('hlsp_demo_readme.md', 'Contact: ada@example.org\n'),
    ]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'the README seems to have no version and changes'],
      ['warning', 'the README seems to have no references or DOI'],
      ['warning', 'the README seems to have no description of the files'],
    ]);
  });

  it('passes a complete README at the root', () => {
    expect(runCollectionRule(readme, [readmeFile('hlsp_demo_readme.md', GOOD)])).toEqual([]);
    expect(runCollectionRule(readme, [readmeFile('HLSP_demo_README.txt', GOOD)])).toEqual([]);
  });

  it('accepts any root README when no project is configured', () => {
    expect(runCollectionRule(readme, [readmeFile('readme.md', GOOD)], {})).toEqual([]);
  });
});
