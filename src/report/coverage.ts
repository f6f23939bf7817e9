/**
 * What a run did not check, in the shape every formatter shows it: counts of checked and
 * not-checked files per content format, and each file or rule that was not checked, with why.
 */
import type { FileEntry, Report } from './types.js';

/** How many files of one content format were read and judged, and how many were not. */
export interface FormatCoverage {
  format: string;
  checked: number;
  notChecked: number;
}

/** A file whose content the tool did not judge. */
export interface UncheckedFile {
  path: string;
  format: string;
  /** The rule that says so (format/not-checked, or the format rule that stopped the reading). */
  ruleId: string;
  reason: string;
  /** The severity of that rule's finding, when the report still holds it. */
  severity?: 'error' | 'warning' | 'info';
}

/** Rules that did not run, grouped by why (and where): nine MAST rules with one reason are one line. */
export interface UncheckedRules {
  ruleIds: string[];
  reason: string;
  path?: string;
}

/** Checked and not-checked counts per content format, sorted by format; empty for `names` reports. */
export function formatCoverage(files: FileEntry[]): FormatCoverage[] {
  const byFormat = new Map<string, FormatCoverage>();
  for (const file of files) {
    if (file.format === undefined || file.checked === undefined) continue;
    let entry = byFormat.get(file.format);
    if (!entry) {
      entry = { format: file.format, checked: 0, notChecked: 0 };
      byFormat.set(file.format, entry);
    }
    if (file.checked) entry.checked++;
    else entry.notChecked++;
  }
  return [...byFormat.values()].sort((a, b) => (a.format < b.format ? -1 : a.format > b.format ? 1 : 0));
}

const NOT_CHECKED_PREFIX = /^not checked: /;

/**
 * Every file with `checked: false`, with the reason its format rule gave. A report filtered by
 * --quiet or a baseline may no longer hold that finding: the file is listed all the same.
 */
export function uncheckedFiles(report: Report): UncheckedFile[] {
  const unchecked = report.files.filter((file) => file.checked === false);
  if (unchecked.length === 0) return [];
  const paths = new Set(unchecked.map((file) => file.path));
  const formatFindings = new Map<string, Report['findings']>();
  for (const finding of report.findings) {
    if (!paths.has(finding.path) || !finding.ruleId.startsWith('format/')) continue;
    formatFindings.set(finding.path, [...(formatFindings.get(finding.path) ?? []), finding]);
  }
  return unchecked.map((file) => {
    const format = file.format ?? 'unknown';
    const findings = formatFindings.get(file.path) ?? [];
    const finding = findings.find((f) => f.ruleId === 'format/not-checked') ?? findings[0];
    if (!finding)
      return {
        path: file.path,
        format,
        ruleId: 'format/not-checked',
        reason: 'its content was not read, so it was not judged',
      };
    return {
      path: file.path,
      format,
      ruleId: finding.ruleId,
      reason: finding.message.replace(NOT_CHECKED_PREFIX, ''),
      severity: finding.severity,
    };
  });
}

/** report.notChecked grouped by reason and path, in the order the reasons first appear. */
export function uncheckedRules(report: Report): UncheckedRules[] {
  const groups = new Map<string, UncheckedRules>();
  for (const entry of report.notChecked) {
    const key = JSON.stringify([entry.reason, entry.path ?? null]);
    const group = groups.get(key);
    if (group) group.ruleIds.push(entry.ruleId);
    else
      groups.set(key, {
        ruleIds: [entry.ruleId],
        reason: entry.reason,
        ...(entry.path !== undefined ? { path: entry.path } : {}),
      });
  }
  return [...groups.values()];
}

/** "fits 6 checked · png 2 not checked · text 1 checked, 3 not checked", or '' without formats. */
export function formatCoverageLine(coverage: FormatCoverage[]): string {
  return coverage
    .map(({ format, checked, notChecked }) => {
      const counts = [
        checked > 0 ? `${checked} checked` : '',
        notChecked > 0 ? `${notChecked} not checked` : '',
      ];
      return `${format} ${counts.filter(Boolean).join(', ')}`;
    })
    .join(' · ');
}

/** "1 file and 9 rules not checked", or '' when everything was checked. */
export function notCheckedCounts(report: Report): string {
  const files = report.files.filter((file) => file.checked === false).length;
  const rules = report.notChecked.length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [files > 0 ? plural(files, 'file') : '', rules > 0 ? plural(rules, 'rule') : ''].filter(
    Boolean,
  );
  return parts.length > 0 ? `${parts.join(' and ')} not checked` : '';
}
