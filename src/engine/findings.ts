import type { Config } from '../config/config.js';
import { effectiveSeverity } from '../config/config.js';
import type { FileEntry, Finding, Severity, Summary, Verdict } from '../report/types.js';
import type { FindingInput } from '../types.js';
import { cutText, MAX_HINT_CHARS, MAX_MESSAGE_CHARS } from './bounds.js';

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.path, b.path) ||
    compareNullable(a.hdu, b.hdu) ||
    compareNullable(a.offset, b.offset) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.keyword ?? '', b.keyword ?? '') ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullable(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}

export function verdictOf(severities: Iterable<Severity>): Verdict {
  let verdict: Verdict = 'PASS';
  for (const severity of severities) {
    if (severity === 'error') return 'FAIL';
    if (severity === 'warning') verdict = 'NEEDS REVIEW';
  }
  return verdict;
}

/** Turns a rule's report into a finding, applying config severities; null when the rule is off. */
export function toFinding(
  ruleId: string,
  defaultSeverity: Severity,
  path: string,
  input: FindingInput,
  rules: Config['rules'],
): Finding | null {
  const setting = effectiveSeverity(ruleId, input.severity ?? defaultSeverity, rules);
  if (setting === 'off') return null;
  const finding: Finding = {
    ruleId,
    severity: setting,
    path: input.path ?? path,
    hdu: input.hdu ?? null,
    keyword: input.keyword ?? null,
    offset: input.offset ?? null,
    // Rules quote header values and file names: text of any length, kept to a reviewer's size.
    message: cutText(input.message, MAX_MESSAGE_CHARS),
  };
  if (input.hint) finding.hint = cutText(input.hint, MAX_HINT_CHARS);
  if (input.causedBy) {
    const { ruleId: cause, hdu = null, keyword = null, offset = null } = input.causedBy;
    finding.causedBy = { ruleId: cause, hdu, keyword, offset };
  }
  return finding;
}

/**
 * Counts and verdict. Products and support files are counted apart: the README, the manifest and
 * the configuration files (`configFiles`, not in `files`) support a delivery but are not products.
 */
export function summarize(files: FileEntry[], findings: Finding[], configFiles = 0): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
  }
  const verdict: Verdict = errors > 0 ? 'FAIL' : warnings > 0 ? 'NEEDS REVIEW' : 'PASS';
  const support = files.filter((file) => file.kind === 'readme' || file.kind === 'manifest').length;
  return {
    files: files.length,
    products: files.length - support,
    supportFiles: support + configFiles,
    errors,
    warnings,
    infos,
    verdict,
  };
}

/** Sets each file's verdict from the findings about it. */
export function applyVerdicts(files: FileEntry[], findings: Finding[]): void {
  const byPath = new Map<string, Severity[]>();
  for (const finding of findings) {
    const list = byPath.get(finding.path);
    if (list) list.push(finding.severity);
    else byPath.set(finding.path, [finding.severity]);
  }
  for (const file of files) file.verdict = verdictOf(byPath.get(file.path) ?? []);
}
