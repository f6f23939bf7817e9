import { collectionCounts, findingCounts } from './counts.js';
import { formatCoverage, formatCoverageLine, uncheckedFiles, uncheckedRules } from './coverage.js';
import { escapeMarkdown } from './escape.js';
import { foldFindings } from './fold.js';
import type { Finding, Formatter, FormatterContext, Report, Severity } from './types.js';

const MAX_ROWS = 100;
const SHOW_VERDICTS_UP_TO = 25;
/** A pull-request comment holds at most 65,536 characters; the rest of the page needs some too. */
const MAX_FINDINGS_CHARS = 50_000;
/** One hostile header value or file name must not fill the comment on its own. */
const MAX_FIELD_CHARS = 500;

const LABEL: Record<Severity, string> = { error: '**error**', warning: 'warning', info: 'info' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Escaped, and cut short when very long (the full text is in the other reports). */
function text(value: string): string {
  const short = value.length > MAX_FIELD_CHARS ? `${value.slice(0, MAX_FIELD_CHARS)}…` : value;
  return escapeMarkdown(short);
}

/**
 * A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY, with what the terminal
 * summary shows: findings grouped by file with their HDU, keyword, hint and rule (linked to its
 * documentation), the verdict of each file, and what was not checked. Every untrusted string is
 * escaped for GitHub-flavoured Markdown.
 */
export const markdown: Formatter = (report, context) => {
  const { verdict } = report.summary;
  const icon = verdict === 'FAIL' ? '❌' : verdict === 'NEEDS REVIEW' ? '⚠️' : '✅';
  const lines = [`## ${icon} hlsp-validate: ${verdict}`, '', summaryLine(report)];
  const coverage = formatCoverage(report.files);
  if (coverage.length > 0) lines.push('', `**Formats:** ${text(formatCoverageLine(coverage))}`);
  if (report.mastRequired && !report.mastRequired.met)
    lines.push(
      '',
      `**The MAST cross-reference is required but did not happen, so the run fails:** ${text(report.mastRequired.reason ?? '')}`,
    );
  lines.push(...findingsSection(report.findings, context));
  lines.push(...notCheckedSection(report));
  lines.push(...verdictsSection(report));
  const footer = footerLines(report);
  if (footer.length > 0) lines.push('', ...footer);
  return `${lines.join('\n')}\n`;
};

/** "fixtures/demo: 8 products, 3 support files checked · 21 errors, 9 warnings, 1 info". */
function summaryLine(report: Report): string {
  const where = report.root ? `${text(report.root)}: ` : '';
  return `${where}${collectionCounts(report)} · ${findingCounts(report)}`;
}

function findingsSection(findings: Finding[], context: FormatterContext): string[] {
  if (findings.length === 0) return [];
  const lines = ['', '### Findings'];
  let chars = 0;
  let shown = 0;
  const listed = new Set<Finding>();
  let currentPath: string | undefined;
  for (const { finding, caused } of foldFindings(findings)) {
    if (shown >= MAX_ROWS || chars >= MAX_FINDINGS_CHARS) break;
    const block: string[] = [];
    if (finding.path !== currentPath) {
      currentPath = finding.path;
      block.push(
        '',
        `#### ${text(finding.path || '(collection)')}`,
        '',
        '| severity | where | finding | rule |',
        '| --- | --- | --- | --- |',
      );
    }
    block.push(findingRow(finding, context, caused));
    for (const line of block) chars += line.length + 1;
    lines.push(...block);
    shown += 1 + caused.length;
    listed.add(finding);
    for (const note of caused) listed.add(note);
  }
  const hidden = findings.length - shown;
  if (hidden > 0) {
    const rest = findings.filter((finding) => !listed.has(finding));
    const count = (severity: Severity) => rest.filter((f) => f.severity === severity).length;
    lines.push(
      '',
      `…and ${plural(hidden, 'more finding')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in the full report.`,
    );
  }
  return lines;
}

function findingRow(finding: Finding, context: FormatterContext, caused: Finding[]): string {
  const where = [
    finding.hdu !== null ? `HDU ${finding.hdu}` : '',
    finding.keyword ? text(finding.keyword) : '',
  ]
    .filter(Boolean)
    .join(' ');
  // The findings that follow from this one, as notes in its cell: they go away with their cause.
  const notes = caused
    .map((note) => {
      const at = [note.hdu !== null ? `HDU ${note.hdu}` : '', note.keyword ? text(note.keyword) : '']
        .filter(Boolean)
        .join(' ');
      return `<br>note: ${note.severity}${at ? ` (${at})` : ''}: ${text(note.message)} (${text(note.ruleId)})`;
    })
    .join('');
  const message = `${text(finding.message)}${finding.hint ? `<br>→ ${text(finding.hint)}` : ''}${notes}`;
  const docsUrl = context.rules[finding.ruleId]?.docsUrl;
  // Only our own documentation is linked, never a URL from the report.
  const rule =
    docsUrl && /^https:\/\/[^\s()<>]+$/.test(docsUrl)
      ? `[${text(finding.ruleId)}](${docsUrl})`
      : text(finding.ruleId);
  return `| ${LABEL[finding.severity]} | ${where} | ${message} | ${rule} |`;
}

function notCheckedSection(report: Report): string[] {
  const unread = uncheckedFiles(report);
  const rules = uncheckedRules(report);
  if (unread.length === 0 && rules.length === 0) return [];
  const lines = ['', '**Not checked:**', ''];
  for (const group of rules) {
    const where = group.path !== undefined ? ` (${text(group.path || '(collection)')})` : '';
    lines.push(`- ${group.ruleIds.map(text).join(', ')}${where}: ${text(group.reason)}`);
  }
  for (const file of unread.slice(0, MAX_ROWS))
    lines.push(`- ${text(file.path)} (${text(file.format)}): ${text(file.reason)}`);
  if (unread.length > MAX_ROWS)
    lines.push(
      `- …and ${plural(unread.length - MAX_ROWS, 'more file')} not checked, listed in the full report.`,
    );
  return lines;
}

/** Each file's verdict, folded away, when there are few enough files to list. */
function verdictsSection(report: Report): string[] {
  if (report.files.length === 0 || report.files.length > SHOW_VERDICTS_UP_TO) return [];
  const lines = ['', `<details><summary>${report.root ? 'Files' : 'Names'}</summary>`, ''];
  for (const file of report.files) lines.push(`- ${file.verdict} · ${text(file.path)}`);
  lines.push('', '</details>');
  return lines;
}

function footerLines(report: Report): string[] {
  const lines: string[] = [];
  if (report.mast) {
    const { mode, ids, requests, cacheHits } = report.mast;
    lines.push(
      `MAST cross-reference (${mode}): ${plural(ids, 'source id')} and programs · ${plural(requests, 'request')} · ${plural(cacheHits, 'answer')} from the cache`,
    );
  }
  if (report.baseline)
    lines.push(
      `Baseline ${text(report.baseline.file)}: ${plural(report.baseline.suppressed, 'known finding')} not shown`,
    );
  // Two lines of a paragraph need a hard break between them.
  return lines.length > 1 ? [lines.join('<br>\n')] : lines;
}
