import { escapeXml } from './escape.js';
import type { Finding, Formatter } from './types.js';

/**
 * JUnit XML: a testsuite per file, a testcase per rule that reported on it, and one passing
 * testcase per file for everything else. Errors are failures; warnings and notes go to
 * system-out of a passing testcase, so CI dashboards fail only where MAST would.
 */
export const junit: Formatter = (report) => {
  const byPath = new Map<string, Finding[]>();
  for (const file of report.files) byPath.set(file.path, []);
  for (const finding of report.findings) {
    const list = byPath.get(finding.path);
    if (list) list.push(finding);
    else byPath.set(finding.path, [finding]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [path, findings] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const name = path || '(collection)';
    const byRule = new Map<string, Finding[]>();
    for (const finding of findings) {
      const rule = byRule.get(finding.ruleId);
      if (rule) rule.push(finding);
      else byRule.set(finding.ruleId, [finding]);
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const [ruleId, list] of byRule) {
      const errors = list.filter((f) => f.severity === 'error');
      const text = list
        .map(
          (f) =>
            `${f.severity}${f.hdu !== null ? ` hdu ${f.hdu}` : ''}${f.keyword ? ` ${f.keyword}` : ''}: ${f.message}${f.hint ? ` (${f.hint})` : ''}`,
        )
        .join('\n');
      if (errors.length > 0) {
        suiteFailures++;
        cases.push(
          `    <testcase classname="${escapeXml(name)}" name="${escapeXml(ruleId)}"><failure message="${escapeXml(errors[0]!.message)}" type="${escapeXml(ruleId)}">${escapeXml(text)}</failure></testcase>`,
        );
      } else {
        cases.push(
          `    <testcase classname="${escapeXml(name)}" name="${escapeXml(ruleId)}"><system-out>${escapeXml(text)}</system-out></testcase>`,
        );
      }
    }
    cases.push(`    <testcase classname="${escapeXml(name)}" name="all other rules"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="hlsp-validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
