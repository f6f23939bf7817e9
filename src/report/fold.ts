import type { Finding, FindingCause } from './types.js';

/** A finding as people read it: the root cause first, what follows from it as notes beneath. */
export interface FoldedFinding {
  finding: Finding;
  /** Findings whose `causedBy` leads to this one (directly or through another caused finding). */
  caused: Finding[];
}

function keyOf(path: string, at: FindingCause): string {
  return JSON.stringify([path, at.ruleId, at.hdu, at.keyword, at.offset]);
}

/**
 * Folds each caused finding under its root, in the roots' order. A finding whose cause is not in
 * the report (turned off, left out by a baseline) stands on its own: nothing is ever hidden.
 */
export function foldFindings(findings: readonly Finding[]): FoldedFinding[] {
  const byKey = new Map<string, Finding>();
  for (const finding of findings) {
    const key = keyOf(finding.path, finding);
    if (!byKey.has(key)) byKey.set(key, finding);
  }
  const rootOf = (finding: Finding): Finding => {
    let current = finding;
    // A chain of causes ends at its first finding without a cause in the report; a cycle ends too.
    for (let step = 0; step < findings.length && current.causedBy; step++) {
      const cause = byKey.get(keyOf(current.path, current.causedBy));
      if (!cause || cause === finding) break;
      current = cause;
    }
    return current;
  };
  const folded = new Map<Finding, FoldedFinding>();
  const out: FoldedFinding[] = [];
  const pending: [Finding, Finding][] = [];
  for (const finding of findings) {
    const root = finding.causedBy ? rootOf(finding) : finding;
    if (root === finding) {
      const entry = { finding, caused: [] };
      folded.set(finding, entry);
      out.push(entry);
    } else pending.push([root, finding]);
  }
  for (const [root, finding] of pending) {
    const entry = folded.get(root);
    if (entry) entry.caused.push(finding);
    else out.push({ finding, caused: [] });
  }
  return out;
}

/** "caused by fits/truncated (HDU 1)": how a note names its root in one line. */
export function describeCause(cause: FindingCause): string {
  const where = [cause.hdu !== null ? `HDU ${cause.hdu}` : '', cause.keyword ?? ''].filter(Boolean).join(' ');
  return `${cause.ruleId}${where ? ` (${where})` : ''}`;
}
