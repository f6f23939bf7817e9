import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type Config,
  ConfigError,
  findConfig,
  isRuleOff,
  loadConfig,
  projectSettings,
} from '../config/config.js';
import { InputError } from '../discover/discover.js';
import { applyBaseline, makeBaseline, readBaseline } from '../engine/baseline.js';
import { applyVerdicts, summarize } from '../engine/findings.js';
import { type MastPassResult, runCheck, type Shard } from '../engine/run.js';
import type { Report } from '../report/types.js';
import { allRuleMeta, ruleSets } from '../rules/index.js';
import type { FileRecord } from '../rules/types.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { emit, outputTargets, UsageError, useColor } from './common.js';
import { createProgress } from './progress.js';

export interface CheckCommandOptions {
  project?: string;
  config?: string;
  format: string[];
  output?: string;
  html?: string;
  mast?: string;
  mastUrl?: string;
  cacheDir?: string;
  jobs?: number;
  shard?: string;
  baseline?: string;
  updateBaseline?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  progress?: boolean;
  hash?: boolean;
  maxInflatedBytes?: number;
}

export const MAST_MODES = ['online', 'cache', 'offline'] as const;
type MastMode = (typeof MAST_MODES)[number];

/** Reads `k/n` from --shard, HLSP_SHARD, or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX + HLSP_SHARD_COUNT). */
export function resolveShard(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Shard | undefined {
  const text = option ?? env.HLSP_SHARD;
  if (text) {
    const match = /^([0-9]+)\/([0-9]+)$/.exec(text.trim());
    if (!match) throw new UsageError(`--shard must look like k/n (e.g. 2/8), got '${text}'`);
    const index = Number(match[1]);
    const count = Number(match[2]);
    if (count < 1 || index < 1 || index > count)
      throw new UsageError(`--shard ${text}: k must be between 1 and n`);
    return { index, count };
  }
  if (env.JOB_COMPLETION_INDEX !== undefined && env.HLSP_SHARD_COUNT !== undefined) {
    const index = Number(env.JOB_COMPLETION_INDEX) + 1;
    const count = Number(env.HLSP_SHARD_COUNT);
    if (!Number.isInteger(index) || !Number.isInteger(count) || count < 1 || index > count) {
      throw new UsageError('JOB_COMPLETION_INDEX and HLSP_SHARD_COUNT must describe a shard (index < count)');
    }
    return { index, count };
  }
  return undefined;
}

export function loadProjectConfig(
  configOption: string | undefined,
  firstPath: string,
): { config: Config; path: string | null } {
  const ruleIds = allRuleMeta.map((meta) => meta.id);
  if (configOption) {
    if (!existsSync(configOption)) throw new UsageError(`config file not found: ${configOption}`);
    return { config: loadConfig(configOption, ruleIds), path: resolve(configOption) };
  }
  let start = resolve(firstPath);
  try {
    if (!statSync(start).isDirectory()) start = dirname(start);
  } catch {
    start = dirname(start);
  }
  const found = findConfig(start);
  return found ? { config: loadConfig(found, ruleIds), path: found } : { config: {}, path: null };
}

export async function mastPassFor(
  options: CheckCommandOptions,
  config: Config,
  configPath: string | null,
): Promise<((records: FileRecord[]) => Promise<MastPassResult>) | undefined> {
  const fromConfig = config.mast ?? {};
  const mode = (options.mast ?? fromConfig.mode ?? 'online') as MastMode;
  if (!MAST_MODES.includes(mode))
    throw new UsageError(`--mast must be one of ${MAST_MODES.join(', ')}, got '${options.mast}'`);
  const mastUrl = options.mastUrl ?? process.env.MAST_URL ?? fromConfig.url ?? 'https://mast.stsci.edu';
  try {
    new URL(mastUrl);
  } catch {
    throw new UsageError(`--mast-url is not a URL: '${mastUrl}'`);
  }
  const cacheDir =
    options.cacheDir ??
    (fromConfig.cacheDir && configPath ? resolve(dirname(configPath), fromConfig.cacheDir) : undefined);
  // A config that turns every MAST rule off needs no MAST pass at all, nor "not checked" entries.
  const mastRuleIds = allRuleMeta.filter((meta) => meta.id.startsWith('mast/')).map((meta) => meta.id);
  if (mastRuleIds.every((id) => isRuleOff(id, config.rules))) return undefined;
  const { runMastPass } = await import('../rules/mast/index.js');
  return async (records) => {
    const result = await runMastPass(records, {
      mode,
      mastUrl,
      ...(process.env.MAST_API_TOKEN ? { token: process.env.MAST_API_TOKEN } : {}),
      ...(cacheDir ? { cacheDir } : {}),
    });
    const severities = new Map(allRuleMeta.map((meta) => [meta.id, meta.severity]));
    return {
      findings: result.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity ?? severities.get(finding.ruleId) ?? 'error',
        path: finding.path,
        hdu: finding.hdu ?? null,
        keyword: finding.keyword ?? null,
        offset: finding.offset ?? null,
        message: finding.message,
        ...(finding.hint ? { hint: finding.hint } : {}),
      })),
      notChecked: result.notChecked.filter((entry) => !isRuleOff(entry.ruleId, config.rules)),
      stats: result.stats,
    };
  };
}

/** `hlsp-validate check`: returns the exit code (0 clean, 1 errors or too many warnings). */
export async function checkCommand(paths: string[], options: CheckCommandOptions): Promise<number> {
  const targets = outputTargets(options.format, options.output, options.html);
  const shard = resolveShard(options.shard);
  const { config, path: configPath } = loadProjectConfig(options.config, paths[0]!);
  const settings = projectSettings(config, options.project);
  const progress = createProgress(options.progress !== false);
  const { runFilesInWorkers } = await import('../engine/pool.js');
  const jobs = options.jobs ?? 0;
  let report: Report;
  try {
    // Only the report is kept: the file records can go before the report is written.
    ({ report } = await runCheck({
      paths,
      config,
      settings,
      rules: ruleSets,
      mastPass: await mastPassFor(options, config, configPath),
      hash: options.hash !== false,
      ...(jobs > 0 ? { threads: jobs } : {}),
      ...(options.maxInflatedBytes ? { limits: { maxInflatedBytes: options.maxInflatedBytes } } : {}),
      ...(shard ? { shard } : {}),
      runFiles: runFilesInWorkers(jobs),
      // The report holds no record headers: gather them only for the rules that read them.
      keepRecordHeaders: false,
      onProgress: progress.update,
    }));
  } finally {
    progress.done();
  }
  if (options.baseline) applyBaselineOption(report, options.baseline, options.updateBaseline === true);
  if (options.quiet) {
    report.findings = report.findings.filter((finding) => finding.severity === 'error');
  }
  await emit(report, targets, useColor(options.color));
  if (report.summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings) {
    process.stderr.write(
      `hlsp-validate: ${report.summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

function applyBaselineOption(report: Report, file: string, update: boolean): void {
  if (update) {
    writeFileAtomic(resolve(file), `${JSON.stringify(makeBaseline(report.findings), null, 2)}\n`);
    process.stderr.write(`hlsp-validate: wrote ${report.findings.length} accepted findings to ${file}\n`);
  }
  if (!existsSync(file))
    throw new UsageError(`baseline file not found: ${file} (create it with --update-baseline)`);
  let accepted: Set<string>;
  try {
    accepted = readBaseline(file);
  } catch (error) {
    throw new UsageError(`cannot read baseline ${file}: ${(error as Error).message}`);
  }
  const { kept, suppressed } = applyBaseline(report.findings, accepted);
  report.findings = kept;
  applyVerdicts(report.files, kept);
  report.summary = summarize(report.files, kept);
  report.baseline = { file, suppressed };
}

export { ConfigError, InputError };
