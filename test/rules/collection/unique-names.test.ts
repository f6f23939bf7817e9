import { describe, expect, it } from 'vitest';
import { uniqueNames } from '../../../src/rules/collection/unique-names.js';
import { directory, file, runCollectionRule } from './run-collection-rule.js';

describe('collection/unique-names', () => {
  it('reports the same name in two folders, against the first path', () => {
    const findings = runCollectionRule(uniqueNames, [file('b/x.fits'), file('a/x.fits')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'collection/unique-names',
      severity: 'error',
      path: 'b/x.fits',
    });
    expect(findings[0]!.message).toBe('the name x.fits is used twice: a/x.fits and b/x.fits');
    expect(findings[0]!.hint).toContain('unique lower-case name');
  });

  it('reports names that differ only by case', () => {
    const [finding] = runCollectionRule(uniqueNames, [file('a/x.fits'), file('X.fits')]);
    expect(finding!.path).toBe('a/x.fits');
    expect(finding!.message).toBe('a/x.fits differs from X.fits only by upper/lower case');
  });

  it('reports every extra copy', () => {
    const findings = runCollectionRule(uniqueNames, [file('a/x.fits'), file('b/x.fits'), file('c/x.fits')]);
    expect(findings.map((f) => f.path)).toEqual(['b/x.fits', 'c/x.fits']);
  });

  it('passes distinct names', () => {
    expect(runCollectionRule(uniqueNames, [file('a/x.fits'), file('a/y.fits'), file('b/z.fits')])).toEqual(
      [],
    );
  });

  it('ignores directories and skipped entries', () => {
    const files = [file('a/x.fits'), directory('b/x.fits'), file('c/x.fits', { skipped: 'symlink' })];
    expect(runCollectionRule(uniqueNames, files)).toEqual([]);
  });
});
