import { type UncheckedFile, uncheckedFiles } from './coverage.js';
import { escapeXml } from './escape.js';
import { type FoldedFinding, foldFindings } from './fold.js';
import type { Finding, Formatter, NotChecked, Report } from './types.js';

/**
 * JUnit XML: a testsuite per file, a testcase per rule that reported on it, and one passing
 * testcase per file for everything else. Errors are failures; warnings and notes go to
 * system-out of a passing testcase, so CI dashboards fail only where MAST would. What was not
 * checked is a skipped testcase with the reason: a file whose content was not read (as
 * format/not-checked) and each rule that did not run (in its file's suite, or the collection's).
 */
export const junit: Formatter = (report) => [...junitChunks(report)].join('');

interface Suite {
  text: string;
  tests: number;
  failures: number;
}

/**
 * The same text as `junit`, a test suite at a time. The totals come first in the XML, so the
 * suites are made twice: once to count them, once to write them, never all held at once.
 */
export function* junitChunks(report: Report): Generator<string> {
  let tests = 0;
  let failures = 0;
  let suites = 0;
  for (const suite of suitesOf(report)) {
    suites++;
    tests += suite.tests;
    failures += suite.failures;
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="hlsp-validate" tests="${tests}" failures="${failures}" errors="0">\n`;
  for (const suite of suitesOf(report)) yield `${suite.text}\n`;
  // Suites are joined by newlines, and the list ends with one, even when empty.
  yield suites === 0 ? '\n</testsuites>\n' : '</testsuites>\n';
}

function* suitesOf(report: Report): Generator<Suite> {
  const byPath = new Map<string, { findings: Finding[]; rulesNotRun: NotChecked[] }>();
  const suiteOf = (path: string) => {
    let suite = byPath.get(path);
    if (!suite) {
      suite = { findings: [], rulesNotRun: [] };
      byPath.set(path, suite);
    }
    return suite;
  };
  const filePaths = new Set(report.files.map((file) => file.path));
  for (const path of filePaths) suiteOf(path);
  for (const finding of report.findings) suiteOf(finding.path).findings.push(finding);
  for (const entry of report.notChecked) suiteOf(entry.path ?? '').rulesNotRun.push(entry);
  const unread = new Map<string, UncheckedFile>(uncheckedFiles(report).map((file) => [file.path, file]));
  for (const [path, { findings, rulesNotRun }] of [...byPath].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const name = escapeXml(path || '(collection)');
    // A finding that follows from another is a note in its root's testcase, not a failure of its own.
    const byRule = new Map<string, FoldedFinding[]>();
    for (const entry of foldFindings(findings)) {
      const rule = byRule.get(entry.finding.ruleId);
      if (rule) rule.push(entry);
      else byRule.set(entry.finding.ruleId, [entry]);
    }
    const unreadFile = unread.get(path);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const [ruleId, list] of byRule) {
      // The skipped case below says it, not a passing one.
      if (unreadFile && ruleId === 'format/not-checked') continue;
      const errors = list.filter(({ finding }) => finding.severity === 'error').map(({ finding }) => finding);
      const line = (f: Finding) =>
        `${f.severity}${f.hdu !== null ? ` hdu ${f.hdu}` : ''}${f.keyword ? ` ${f.keyword}` : ''}: ${f.message}`;
      const text = list
        .map(({ finding, caused }) =>
          [
            `${line(finding)}${finding.hint ? ` (${finding.hint})` : ''}`,
            ...caused.map((note) => `  note: ${line(note)} (${note.ruleId})`),
          ].join('\n'),
        )
        .join('\n');
      if (errors.length > 0) {
        suiteFailures++;
        cases.push(
          `    <testcase classname="${name}" name="${escapeXml(ruleId)}"><failure message="${escapeXml(errors[0]!.message)}" type="${escapeXml(ruleId)}">${escapeXml(text)}</failure></testcase>`,
        );
      } else {
        cases.push(
          `    <testcase classname="${name}" name="${escapeXml(ruleId)}"><system-out>${escapeXml(text)}</system-out></testcase>`,
        );
      }
    }
    const skipped: string[] = [];
    if (unreadFile)
      skipped.push(
        `    <testcase classname="${name}" name="format/not-checked"><skipped message="${escapeXml(`content not checked (${unreadFile.format}): ${unreadFile.reason}`)}"/></testcase>`,
      );
    for (const entry of rulesNotRun)
      skipped.push(
        `    <testcase classname="${name}" name="${escapeXml(entry.ruleId)}"><skipped message="${escapeXml(`not checked: ${entry.reason}`)}"/></testcase>`,
      );
    cases.push(...skipped);
    // A suite made only of rules that did not run has nothing that passed.
    if (filePaths.has(path) || byRule.size > 0)
      cases.push(`    <testcase classname="${name}" name="all other rules"/>`);
    yield {
      text: `  <testsuite name="${name}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${skipped.length}">\n${cases.join('\n')}\n  </testsuite>`,
      tests: cases.length,
      failures: suiteFailures,
    };
  }
}
