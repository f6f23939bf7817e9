/** Runs one collection rule on in-memory file records, for the per-rule tests in this folder. */
import type {
  CollectionRule,
  FileRecord,
  FindingInput,
  ProjectSettings,
  Severity,
} from '../../../src/types.js';

export type CollectionFinding = FindingInput & { ruleId: string; severity: Severity };

/** A FITS file record with neutral defaults; override any field. */
export const file = (path: string, extra: Partial<FileRecord> = {}): FileRecord => ({
  path,
  kind: 'fits',
  size: 2880,
  sha256: 'a'.repeat(64),
  header: {},
  provenance: [],
  ...extra,
});

export const directory = (path: string): FileRecord =>
  file(path, { kind: 'other', size: 0, isDirectory: true });

/** The rule's findings, each with its rule id and final severity (the finding's own, else the rule's). */
export function runCollectionRule(
  rule: CollectionRule,
  files: FileRecord[],
  settings: ProjectSettings = { project: 'demo' },
): CollectionFinding[] {
  const findings: CollectionFinding[] = [];
  rule.check({ root: '/collection', files, settings }, (finding) =>
    findings.push({ ...finding, ruleId: rule.meta.id, severity: finding.severity ?? rule.meta.severity }),
  );
  return findings;
}
