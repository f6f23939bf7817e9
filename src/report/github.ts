import { findingCounts, heldCounts } from './counts.js';
import { notCheckedCounts, uncheckedFiles } from './coverage.js';
import { foldFindings } from './fold.js';
import { repositoryPath } from './paths.js';
import type { Finding, Formatter, Report } from './types.js';

/** GitHub's workflow-command escaping for the message part. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** …and for property values, which also end at ',' and ':'. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** "HDU 1 TIMESYS", followed by `end` when there is anything to say. */
function whereOf(finding: Finding, end: string): string {
  const where = [finding.hdu !== null ? `HDU ${finding.hdu}` : '', finding.keyword ?? '']
    .filter(Boolean)
    .join(' ');
  return where ? `${where}${end}` : '';
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

interface Annotation {
  command: (typeof COMMAND)[keyof typeof COMMAND];
  path?: string;
  title: string;
  message: string;
}

function annotation(report: Report, { command, path, title, message }: Annotation): string {
  // GitHub places an annotation by its path in the repository, not in the collection.
  const file = path ? `file=${escapeProperty(repositoryPath(report, path))},` : '';
  return `::${command} ${file}title=${escapeProperty(title)}::${escapeData(message)}`;
}

/**
 * GitHub Actions annotations (`::error file=…::message`), capped, with a summary line. What was
 * not checked (files whose content was not read, rules that did not run) is annotated too, under
 * its own cap, so that a run with many findings cannot hide it.
 */
export const github: Formatter = (report, context) => {
  const cap = context.maxAnnotations ?? 50;
  const unread = uncheckedFiles(report);
  const unreadPaths = new Set(unread.map((file) => file.path));
  // A file that was not read is annotated once, as not checked, not also by its finding.
  const findings = report.findings.filter(
    (finding) => !(finding.ruleId === 'format/not-checked' && unreadPaths.has(finding.path)),
  );
  const lines: string[] = [];
  // One annotation per root cause; what follows from it is in its message, as notes.
  const folded = foldFindings(findings);
  for (const { finding, caused } of folded.slice(0, cap)) {
    const notes = caused.map(
      (note) => `\nnote: ${note.severity} ${whereOf(note, ': ')}${note.message} (${note.ruleId})`,
    );
    lines.push(
      annotation(report, {
        command: COMMAND[finding.severity],
        ...(finding.path ? { path: finding.path } : {}),
        title: `${finding.ruleId}${finding.hdu !== null || finding.keyword ? ` (${whereOf(finding, '')})` : ''}`,
        message: `${finding.message}${finding.hint ? ` — ${finding.hint}` : ''}${notes.join('')}`,
      }),
    );
  }
  const notChecked: Annotation[] = [
    ...unread.map((file) => ({
      // Documentation the rule notes as info stays a notice; data not read is a warning.
      command: file.severity === 'info' ? COMMAND.info : COMMAND.warning,
      ...(file.path ? { path: file.path } : {}),
      title: `${file.ruleId} (content not checked)`,
      message: `not checked (${file.format}): ${file.reason}`,
    })),
    ...report.notChecked.map((entry) => ({
      command: COMMAND.warning,
      ...(entry.path ? { path: entry.path } : {}),
      title: `${entry.ruleId} not checked`,
      message: `not checked: ${entry.reason}`,
    })),
  ];
  for (const item of notChecked.slice(0, cap)) lines.push(annotation(report, item));
  const { verdict } = report.summary;
  const hiddenFindings = folded.slice(cap).reduce((sum, entry) => sum + 1 + entry.caused.length, 0);
  const hiddenNotChecked = notChecked.length - Math.min(cap, notChecked.length);
  const counts = notCheckedCounts(report);
  lines.push(
    [
      `hlsp-validate: ${verdict}`,
      report.root ? heldCounts(report.summary) : '',
      findingCounts(report),
      counts,
      hiddenFindings > 0 ? `${hiddenFindings} more findings not annotated (see the full report)` : '',
      hiddenNotChecked > 0 ? `${hiddenNotChecked} more not-checked items not annotated` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  );
  return `${lines.join('\n')}\n`;
};
