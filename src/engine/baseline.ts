import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Finding, Report } from '../report/types.js';

/**
 * A finding's fingerprint: what it is about, not where its bytes sit, so that it survives edits
 * elsewhere in the file (cards added above it move its offset, not its fingerprint).
 */
export function fingerprint(finding: Finding): string {
  const key = [finding.ruleId, finding.path, finding.hdu ?? '', finding.keyword ?? '', finding.message].join(
    '\u0000',
  );
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export interface Baseline {
  version: 1;
  fingerprints: string[];
}

export function makeBaseline(findings: Finding[]): Baseline {
  return { version: 1, fingerprints: [...new Set(findings.map(fingerprint))].sort() };
}

/** Reads a baseline file, or a JSON report used as a baseline. */
export function readBaseline(path: string): Set<string> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<Baseline & Report>;
  if (Array.isArray(data.fingerprints)) return new Set(data.fingerprints);
  if (Array.isArray(data.findings)) return new Set(data.findings.map(fingerprint));
  throw new Error(`${path} is neither a baseline nor a JSON report`);
}

/** Drops the findings the baseline accepts; each baseline entry accepts any number of identical findings. */
export function applyBaseline(
  findings: Finding[],
  accepted: Set<string>,
): { kept: Finding[]; suppressed: number } {
  const kept = findings.filter((finding) => !accepted.has(fingerprint(finding)));
  return { kept, suppressed: findings.length - kept.length };
}
