import { formatCoverage, formatCoverageLine, uncheckedFiles, uncheckedRules } from './coverage.js';
import { escapeMarkdown } from './escape.js';
import type { Formatter } from './types.js';

const MAX_ROWS = 100;

/** A Markdown summary, e.g. for $GITHUB_STEP_SUMMARY. Every untrusted string is escaped. */
export const markdown: Formatter = (report) => {
  const { files, errors, warnings, infos, verdict } = report.summary;
  const icon = verdict === 'FAIL' ? '❌' : verdict === 'NEEDS REVIEW' ? '⚠️' : '✅';
  const lines = [
    `## ${icon} hlsp-validate: ${verdict}`,
    '',
    `${files} files · ${errors} errors · ${warnings} warnings · ${infos} info`,
    '',
  ];
  if (report.mastRequired && !report.mastRequired.met)
    lines.push(
      `**The MAST cross-reference is required but did not happen, so the run fails:** ${escapeMarkdown(report.mastRequired.reason ?? '')}`,
      '',
    );
  const coverage = formatCoverage(report.files);
  if (coverage.length > 0) lines.push(`**Formats:** ${escapeMarkdown(formatCoverageLine(coverage))}`, '');
  if (report.findings.length > 0) {
    lines.push(
      '| severity | file | HDU | keyword | message | rule |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const f of report.findings.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${f.severity} | ${escapeMarkdown(f.path)} | ${f.hdu ?? ''} | ${escapeMarkdown(f.keyword ?? '')} | ${escapeMarkdown(f.message)} | ${escapeMarkdown(f.ruleId)} |`,
      );
    }
    if (report.findings.length > MAX_ROWS)
      lines.push('', `…and ${report.findings.length - MAX_ROWS} more findings in the full report.`);
  }
  const unread = uncheckedFiles(report);
  const rules = uncheckedRules(report);
  if (unread.length > 0 || rules.length > 0) {
    lines.push('', '**Not checked:**', '');
    for (const group of rules) {
      const where = group.path !== undefined ? ` (${escapeMarkdown(group.path || '(collection)')})` : '';
      lines.push(
        `- ${group.ruleIds.map(escapeMarkdown).join(', ')}${where}: ${escapeMarkdown(group.reason)}`,
      );
    }
    for (const file of unread.slice(0, MAX_ROWS))
      lines.push(
        `- ${escapeMarkdown(file.path)} (${escapeMarkdown(file.format)}): ${escapeMarkdown(file.reason)}`,
      );
    if (unread.length > MAX_ROWS)
      lines.push(`- …and ${unread.length - MAX_ROWS} more files not checked, listed in the full report.`);
  }
  return `${lines.join('\n')}\n`;
};
