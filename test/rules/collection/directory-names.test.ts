import { describe, expect, it } from 'vitest';
import { directoryNames } from '../../../src/rules/collection/directory-names.js';
import { directory, file, runCollectionRule } from './run-collection-rule.js';

describe('collection/directory-names', () => {
  it('reports a directory name with upper-case letters', () => {
    const findings = runCollectionRule(directoryNames, [directory('data/Images')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'collection/directory-names',
      severity: 'warning',
      path: 'data/Images',
    });
    expect(findings[0]!.message).toBe("the directory name 'Images' is not lower case");
    expect(findings[0]!.hint).toBe("rename it to 'images'");
  });

  it('passes lower-case directories', () => {
    expect(runCollectionRule(directoryNames, [directory('images'), directory('images/f200w')])).toEqual([]);
  });

  it('judges only the last part of the path, and only directories', () => {
    expect(
      runCollectionRule(directoryNames, [directory('Data/images'), file('images/HLSP_demo_readme.md')]),
    ).toEqual([]);
  });
});
