import type { Formatter } from './types.js';

/** GitHub's workflow-command escaping for the message part. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and for property values, which also end at ',' and ':'. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions annotations (`::error file=…::message`), capped, with a summary line. */
export const github: Formatter = (report, context) => {
  const cap = context.maxAnnotations ?? 50;
  const lines: string[] = [];
  for (const finding of report.findings.slice(0, cap)) {
    const where = [finding.hdu !== null ? `HDU ${finding.hdu}` : '', finding.keyword ?? '']
      .filter(Boolean)
      .join(' ');
    const title = `${finding.ruleId}${where ? ` (${where})` : ''}`;
    const message = `${finding.message}${finding.hint ? ` — ${finding.hint}` : ''}`;
    const file = finding.path ? `file=${escapeProperty(finding.path)},` : '';
    lines.push(
      `::${COMMAND[finding.severity]} ${file}title=${escapeProperty(title)}::${escapeData(message)}`,
    );
  }
  const { errors, warnings, infos, verdict } = report.summary;
  const hidden = report.findings.length - Math.min(cap, report.findings.length);
  lines.push(
    `hlsp-validate: ${verdict} · ${errors} errors, ${warnings} warnings, ${infos} info${hidden > 0 ? ` · ${hidden} more findings not annotated (see the full report)` : ''}`,
  );
  return `${lines.join('\n')}\n`;
};
