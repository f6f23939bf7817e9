import { applyVerdicts, compareFindings, summarize, toFinding } from '../engine/findings.js';
import type { FileEntry, Finding, Report } from '../report/types.js';
import { ruleSets } from '../rules/index.js';
import { parseName } from '../rules/naming/parse.js';
import { VERSION } from '../version.js';
import { emit, outputTargets, UsageError, useColor } from './common.js';

export interface NamesOptions {
  project?: string;
  format: string[];
  output?: string;
  color?: boolean;
}

/** Checks bare file-name strings against the naming rules; the report has the shape of `check`'s. */
export function namesReport(names: string[], project: string | undefined, now = new Date()): Report {
  const started = Date.now();
  const settings = project ? { project: project.toLowerCase() } : {};
  const findings: Finding[] = [];
  const files: FileEntry[] = [];
  for (const name of names) {
    files.push({ path: name, size: 0, sha256: null, kind: 'other', verdict: 'PASS' });
    const context = { name, path: name, parsed: parseName(name), settings };
    for (const rule of ruleSets.name) {
      rule.check(context, (input) => {
        const finding = toFinding(rule.meta.id, rule.meta.severity, name, input, undefined);
        if (finding) findings.push(finding);
      });
    }
  }
  findings.sort(compareFindings);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  applyVerdicts(files, findings);
  return {
    tool: { name: 'hlsp-validate', version: VERSION },
    project: settings.project ?? null,
    root: '',
    startedAt: now.toISOString(),
    durationMs: Date.now() - started,
    summary: summarize(files, findings),
    files,
    findings,
    notChecked: [],
  };
}

export async function namesCommand(names: string[], options: NamesOptions): Promise<number> {
  if (names.length === 0) throw new UsageError('give at least one file name to check');
  if (!options.project)
    process.stderr.write('hlsp-validate: no --project given; the proj-id field is checked for form only\n');
  const report = namesReport(names, options.project);
  await emit(report, outputTargets(options.format, options.output), useColor(options.color));
  return report.summary.errors > 0 ? 1 : 0;
}
