import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CheckOutcome, checkWithRules, type Options } from '../api/check.js';
import type { MastOptions } from '../api/mast.js';
import { ConfigError } from '../config/config.js';
import { InputError } from '../discover/discover.js';
import { applyBaseline, makeBaseline, readBaseline } from '../engine/baseline.js';
import { applyVerdicts, summarize } from '../engine/findings.js';
import type { Shard } from '../engine/run.js';
import { terminalSafe } from '../report/escape.js';
import type { Report } from '../report/types.js';
import { ruleMetaOf } from '../rules/index.js';
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
  requireMast?: boolean;
  quiet?: boolean;
  color?: boolean;
  progress?: boolean;
  hash?: boolean;
  maxInflatedBytes?: number;
  plugin?: string[];
}

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

/** The library's options from the command line's. */
export function checkOptions(options: CheckCommandOptions): Options {
  const mast: MastOptions = {};
  if (options.mast !== undefined) mast.mode = options.mast as MastOptions['mode'];
  if (options.mastUrl !== undefined) mast.url = options.mastUrl;
  if (options.cacheDir !== undefined) mast.cacheDir = options.cacheDir;
  const shard = resolveShard(options.shard);
  return {
    ...(options.project !== undefined ? { project: options.project } : {}),
    ...(options.config !== undefined ? { configFile: options.config } : {}),
    ...(options.plugin && options.plugin.length > 0 ? { plugins: options.plugin } : {}),
    mast,
    // Absent, the config's mast.required decides.
    ...(options.requireMast !== undefined ? { requireMast: options.requireMast } : {}),
    jobs: options.jobs ?? 0,
    hash: options.hash !== false,
    ...(options.maxInflatedBytes ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
    ...(shard ? { shard } : {}),
  };
}

/** `hlsp-validate check`: returns the exit code (0 clean, 1 errors or too many warnings). */
export async function checkCommand(paths: string[], options: CheckCommandOptions): Promise<number> {
  const targets = outputTargets(options.format, options.output, options.html);
  const libraryOptions = checkOptions(options);
  const progress = createProgress(options.progress !== false);
  let outcome: CheckOutcome;
  try {
    outcome = await checkWithRules(paths, { ...libraryOptions, onProgress: progress.update });
  } finally {
    progress.done();
  }
  const { report } = outcome;
  if (options.baseline) applyBaselineOption(report, options.baseline, options.updateBaseline === true);
  if (options.quiet) {
    report.findings = report.findings.filter((finding) => finding.severity === 'error');
  }
  await emit(report, targets, useColor(options.color), ruleMetaOf(outcome.rules));
  if (report.mastRequired && !report.mastRequired.met) {
    process.stderr.write(
      `hlsp-validate: the MAST cross-reference is required (--require-mast or mast.required) but did not happen: ${terminalSafe(report.mastRequired.reason ?? '')}\n`,
    );
    return 1;
  }
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
