import { describe, expect, it } from 'vitest';
import { skippedEntry } from '../../../src/rules/collection/skipped-entry.js';
import type { FileRecord } from '../../../src/types.js';
import { file, runCollectionRule } from './run-collection-rule.js';

describe('collection/skipped-entry', () => {
  it.each<[NonNullable<FileRecord['skipped']>, 'error' | 'warning', string]>([
    ['symlink', 'warning', 'is a symbolic link; it was not followed'],
    ['symlink-outside', 'warning', 'is a symbolic link that points outside the collection'],
    ['symlink-loop', 'warning', 'is a symbolic link that loops back on itself'],
    ['unreadable', 'error', 'cannot be read (permission denied)'],
    ['special', 'warning', 'is not a regular file'],
  ])('reports a %s entry as %s', (skipped, severity, text) => {
    const findings = runCollectionRule(skippedEntry, [file('data/x', { skipped })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'collection/skipped-entry', severity, path: 'data/x' });
    expect(findings[0]!.message).toContain(`data/x ${text}`);
  });

  it('reports a file that could not be read, with the rule severity', () => {
    const findings = runCollectionRule(skippedEntry, [
      file('notes.txt', { kind: 'other', readError: 'EIO' }),
    ]);
    expect(findings).toEqual([
      {
        ruleId: 'collection/skipped-entry',
        severity: 'error',
        path: 'notes.txt',
        message: 'notes.txt cannot be read: EIO',
        hint: 'make it readable and run the check again',
      },
    ]);
  });

  it('passes entries that were read', () => {
    expect(runCollectionRule(skippedEntry, [file('a.fits'), file('images', { isDirectory: true })])).toEqual(
      [],
    );
  });
});
