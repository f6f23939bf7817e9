import { Chalk } from 'chalk';
import { plural } from '../util/plural.js';
import { collectionCounts, findingCounts } from './counts.js';
import { formatCoverage, uncheckedRules } from './coverage.js';
import { terminalSafe } from './escape.js';
import { foldFindings } from './fold.js';
import type { Finding, Formatter, FormatterContext, Report, Severity } from './types.js';

const SHOW_VERDICTS_UP_TO = 25;

function whereOf(finding: Finding): string {
  return [
    finding.hdu !== null ? `hdu ${finding.hdu}` : '',
    finding.keyword ? terminalSafe(finding.keyword) : '',
    finding.offset !== null ? `@${finding.offset}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/** The terminal summary, grouped by file, in the style of ESLint's stylish formatter. */
export const stylish: Formatter = (report, context) => [...stylishChunks(report, context)].join('');

/** Lines gathered so far, each ended by a newline, as one piece; the list is emptied. */
function* drain(lines: string[]): Generator<string> {
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
  lines.length = 0;
}

/** The same text as `stylish`, a file's findings at a time. */
export function* stylishChunks(report: Report, context: FormatterContext): Generator<string> {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const paint: Record<Severity, (text: string) => string> = {
    error: chalk.red,
    warning: chalk.yellow,
    info: chalk.blue,
  };
  const lines: string[] = [];
  const byPath = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byPath.get(finding.path);
    if (list) list.push(finding);
    else byPath.set(finding.path, [finding]);
  }
  for (const [path, findings] of byPath) {
    lines.push('', chalk.underline(terminalSafe(path || '(collection)')));
    for (const { finding, caused } of foldFindings(findings)) {
      lines.push(
        `  ${paint[finding.severity](LABEL[finding.severity].padEnd(7))} ${chalk.dim(whereOf(finding).padEnd(22))} ${terminalSafe(finding.message)}  ${chalk.dim(finding.ruleId)}`,
      );
      if (finding.hint)
        lines.push(`  ${''.padEnd(7)} ${''.padEnd(22)} ${chalk.dim(`→ ${terminalSafe(finding.hint)}`)}`);
      // What follows from this finding, as a compiler's notes: it goes away when the cause is fixed.
      for (const note of caused)
        lines.push(
          `  ${''.padEnd(7)} ${chalk.dim('note:')} ${paint[note.severity](LABEL[note.severity])} ${chalk.dim(whereOf(note))} ${terminalSafe(note.message)}  ${chalk.dim(note.ruleId)}`,
        );
    }
    yield* drain(lines);
  }
  // A short list of verdicts helps when few files are checked (and for `names`).
  if (report.files.length <= SHOW_VERDICTS_UP_TO) {
    lines.push('');
    for (const file of report.files) {
      const paint =
        file.verdict === 'FAIL' ? chalk.red : file.verdict === 'NEEDS REVIEW' ? chalk.yellow : chalk.green;
      lines.push(`  ${paint(file.verdict.padEnd(12))} ${terminalSafe(file.path)}`);
    }
  }
  lines.push('', summaryLine(report, chalk));
  const formats = formatsLine(report, chalk);
  if (formats) lines.push(formats);
  for (const group of uncheckedRules(report)) {
    const where = group.path !== undefined ? ` (${terminalSafe(group.path)})` : '';
    lines.push(
      chalk.yellow(
        `not checked: ${group.ruleIds.map(terminalSafe).join(', ')}${where}: ${terminalSafe(group.reason)}`,
      ),
    );
  }
  if (report.mast) {
    const { mode, ids, requests, cacheHits } = report.mast;
    lines.push(
      chalk.dim(
        `MAST cross-reference (${mode}): ${plural(ids, 'source id')} and programs · ${plural(requests, 'request')} · ${plural(cacheHits, 'answer')} from the cache`,
      ),
    );
  }
  if (report.baseline)
    lines.push(
      chalk.dim(
        `baseline ${terminalSafe(report.baseline.file)}: ${plural(report.baseline.suppressed, 'known finding')} not shown`,
      ),
    );
  yield* drain(lines);
}

function summaryLine(report: Report, chalk: InstanceType<typeof Chalk>): string {
  const { verdict } = report.summary;
  const paintVerdict =
    verdict === 'FAIL' ? chalk.red.bold : verdict === 'NEEDS REVIEW' ? chalk.yellow.bold : chalk.green.bold;
  return `${terminalSafe(report.root || 'names')}: ${collectionCounts(report)} · ${paintVerdict(verdict)} · ${findingCounts(report)}`;
}

/** "formats: fits 6 checked · png 2 not checked · text 1 checked", the not-checked counts in yellow. */
function formatsLine(report: Report, chalk: InstanceType<typeof Chalk>): string {
  const coverage = formatCoverage(report.files);
  if (coverage.length === 0) return '';
  const parts = coverage.map(({ format, checked, notChecked }) => {
    const counts = [
      checked > 0 ? `${checked} checked` : '',
      notChecked > 0 ? chalk.yellow(`${notChecked} not checked`) : '',
    ].filter(Boolean);
    return `${terminalSafe(format)} ${counts.join(', ')}`;
  });
  return `formats: ${parts.join(' · ')}`;
}
