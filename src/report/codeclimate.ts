/**
 * GitLab Code Quality: the Code Climate issue format GitLab reads from `artifacts:reports:codequality`
 * to show findings in merge requests. https://docs.gitlab.com/ci/testing/code_quality/
 */
import { createHash } from 'node:crypto';
import { uncheckedFiles } from './coverage.js';
import { foldFindings } from './fold.js';
import { jsonPieces, LazyArray } from './json-pieces.js';
import { repositoryPath } from './paths.js';
import type { Finding, Formatter, Report, Severity } from './types.js';

/** GitLab's levels are info, minor, major, critical and blocker. */
export const CODE_QUALITY_SEVERITY: Record<Severity, 'info' | 'major' | 'critical'> = {
  // An error is what MAST would reject the delivery for.
  error: 'critical',
  // A warning needs a person to look before delivery.
  warning: 'major',
  info: 'info',
};

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/** rule + collection path + HDU + keyword + message: the same finding keeps its fingerprint between runs. */
function fingerprintOf(parts: (string | number | null)[], occurrence: number): string {
  return createHash('sha256')
    .update(JSON.stringify([...parts, occurrence]))
    .digest('hex');
}

function describe(finding: Finding): string {
  const where = [finding.hdu !== null ? `HDU ${finding.hdu}` : '', finding.keyword ?? '']
    .filter(Boolean)
    .join(' ');
  return `${where ? `${where}: ` : ''}${finding.message}${finding.hint ? ` — ${finding.hint}` : ''}`;
}

function describeFolded(finding: Finding, caused: Finding[]): string {
  return [
    describe(finding),
    ...caused.map((note) => `note: ${note.severity}: ${describe(note)} (${note.ruleId})`),
  ].join('\n');
}

/**
 * One issue per root finding (what follows from it is noted in its description), and one per file
 * or rule that was not checked and has no finding saying so, at GitLab's `major` (the `warning` of
 * the other formats). FITS files have no lines: every issue is on line 1.
 */
export const codeclimate: Formatter = (report) =>
  `${JSON.stringify(new LazyArray(() => issuesOf(report)), null, 2)}\n`;

/** The same bytes as `codeclimate`, in pieces: the issues are made as they are written. */
export function* codeclimateChunks(report: Report): Generator<string> {
  yield* jsonPieces(new LazyArray(() => issuesOf(report)), 2);
  yield '\n';
}

function* issuesOf(report: Report): Generator<CodeQualityIssue> {
  // Two identical findings (the same card twice) must not share a fingerprint: GitLab would show one.
  const seen = new Map<string, number>();
  const add = (
    ruleId: string,
    severity: CodeQualityIssue['severity'],
    path: string,
    description: string,
    identity: (string | number | null)[],
  ): CodeQualityIssue => {
    const key = JSON.stringify(identity);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      type: 'issue',
      check_name: ruleId,
      description,
      fingerprint: fingerprintOf(identity, occurrence),
      severity,
      location: { path: repositoryPath(report, path), lines: { begin: 1 } },
    };
  };
  // One issue per root cause: the findings that follow from it are notes in its description.
  for (const { finding, caused } of foldFindings(report.findings))
    yield add(
      finding.ruleId,
      CODE_QUALITY_SEVERITY[finding.severity],
      finding.path,
      describeFolded(finding, caused),
      [finding.ruleId, finding.path, finding.hdu, finding.keyword, finding.message],
    );
  // After --quiet or a baseline the finding that says a file was not read may be gone; the file is still listed.
  const reported = new Set(
    report.findings.filter((finding) => finding.ruleId.startsWith('format/')).map((finding) => finding.path),
  );
  for (const file of uncheckedFiles(report)) {
    if (reported.has(file.path)) continue;
    yield add(file.ruleId, 'major', file.path, `not checked (${file.format}): ${file.reason}`, [
      file.ruleId,
      file.path,
      'not checked',
    ]);
  }
  for (const entry of report.notChecked)
    yield add(entry.ruleId, 'major', entry.path ?? '', `${entry.ruleId} was not checked: ${entry.reason}`, [
      entry.ruleId,
      entry.path ?? '',
      'not checked',
      entry.reason,
    ]);
}
