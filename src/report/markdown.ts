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
  if (report.notChecked.length > 0) {
    lines.push('', '**Not checked:**', '');
    for (const entry of report.notChecked)
      lines.push(`- ${escapeMarkdown(entry.ruleId)}: ${escapeMarkdown(entry.reason)}`);
  }
  return `${lines.join('\n')}\n`;
};
