import { readFileSync } from 'node:fs';
import { mastPassFor } from '../api/mast.js';
import { projectSettings } from '../config/config.js';
import { findProjectConfig } from '../config/project.js';
import { applyVerdicts, compareFindings, summarize } from '../engine/findings.js';
import { collectionPass } from '../engine/run.js';
import type { Finding, NotChecked, Report } from '../report/types.js';
import { allRuleMeta, builtinRules } from '../rules/index.js';
import type { FileRecord } from '../types.js';
import type { CheckCommandOptions } from './check.js';
import { checkOptions } from './check.js';
import { emit, outputTargets, UsageError, useColor } from './common.js';

function readReport(path: string): Report {
  let data: Report;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch (error) {
    throw new UsageError(`cannot read report ${path}: ${(error as Error).message}`);
  }
  if (data?.tool?.name !== 'hlsp-validate' || !Array.isArray(data.findings) || !Array.isArray(data.files)) {
    throw new UsageError(`${path} is not an hlsp-validate JSON report`);
  }
  return data;
}

const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Merges shard reports into the report one machine would have written. Collection and MAST rules
 * run here, over the file records every shard contributed, so they see the whole collection.
 */
export async function mergeReports(reports: Report[], options: CheckCommandOptions): Promise<Report> {
  const shards = reports.filter((report) => report.shard);
  if (shards.length > 0) {
    const count = shards[0]!.shard!.count;
    const seen = new Set(shards.map((report) => report.shard!.index));
    if (shards.some((report) => report.shard!.count !== count))
      throw new UsageError('the shard reports come from runs with different shard counts');
    if (seen.size !== shards.length) throw new UsageError('the same shard is given twice');
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
    if (missing.length > 0)
      throw new UsageError(
        `${missing.length === 1 ? 'shard report' : 'shard reports'} missing: ${missing.map((i) => `${i}/${count}`).join(', ')}`,
      );
  }
  const first = reports[0]!;
  const findings: Finding[] = reports.flatMap((report) => report.findings);
  const files = reports.flatMap((report) => report.files).sort(byPath);
  const records: FileRecord[] = reports.flatMap((report) => report.records ?? []).sort(byPath);
  const notChecked: NotChecked[] = reports
    .flatMap((report) => report.notChecked)
    .filter((entry) => !(shards.length > 0 && /^shard [0-9]+\/[0-9]+: /.test(entry.reason)));
  const merged: Report = {
    tool: first.tool,
    project: first.project,
    root: first.root,
    startedAt: reports.map((report) => report.startedAt).sort()[0]!,
    durationMs: Math.max(...reports.map((report) => report.durationMs)),
    summary: first.summary,
    files,
    findings,
    notChecked,
    ...(first.configFiles ? { configFiles: first.configFiles } : {}),
  };
  if (shards.length > 0) {
    const { config, path } = findProjectConfig(
      options.config,
      first.root,
      allRuleMeta.map((meta) => meta.id),
    );
    const settings = projectSettings(config, options.project ?? first.project ?? undefined);
    const collected = await collectionPass(first.root, records, {
      config,
      settings,
      rules: builtinRules,
      mastPass: await mastPassFor(checkOptions(options).mast ?? {}, builtinRules.mast, config, path, [
        first.root,
      ]),
    });
    merged.findings.push(...collected.findings);
    merged.notChecked.push(...collected.notChecked);
    if (collected.mast) merged.mast = collected.mast;
  }
  merged.findings.sort(compareFindings);
  applyVerdicts(merged.files, merged.findings);
  merged.summary = summarize(merged.files, merged.findings, first.configFiles?.length ?? 0);
  return merged;
}

export async function mergeCommand(paths: string[], options: CheckCommandOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('give the JSON reports to merge');
  const report = await mergeReports(paths.map(readReport), options);
  await emit(report, outputTargets(options.format, options.output, options.html), useColor(options.color));
  return report.summary.errors > 0 ? 1 : 0;
}
