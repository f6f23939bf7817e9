/**
 * The library's entry points. The command line is a client of these: it turns its arguments into
 * `Options`, calls `check`, and hands the report to a formatter.
 */
import type { Config } from '../config/config.js';
import { projectSettings } from '../config/config.js';
import { findProjectConfig } from '../config/project.js';
import { applyVerdicts, compareFindings, summarize, toFinding } from '../engine/findings.js';
import { containMastRules, rethrowRuleErrorsByDefault } from '../engine/rule-crash.js';
import { runCheck, type Shard } from '../engine/run.js';
import { runFilesOnThreads } from '../engine/threads.js';
import { UsageError } from '../errors.js';
import { parseName } from '../naming/parse.js';
import type { FileEntry, Finding, Report } from '../report/types.js';
import type { FileRecord, RuleSet } from '../types.js';
import { VERSION } from '../version.js';
import { type MastOptions, mastModeOf, mastPassFor, mastRequirement } from './mast.js';
import { loadRuleSet, pluginUrl, ruleIdsOf } from './rule-set.js';

export interface Options {
  /** The collection's HLSP id (proj-id); default: the config's `project`. */
  project?: string;
  /** A configuration object; default: `configFile`, or hlsp.config.json found upward from the first path. */
  config?: Config;
  /** A configuration file to read instead of searching for one. */
  configFile?: string;
  /**
   * Rule modules beyond the built-in rules: paths or file URLs of ES modules that export `rules`,
   * an array of rules. Modules, not rule objects, so that worker threads load the same rules.
   */
  plugins?: string[];
  /** The MAST cross-reference; `{ mode: 'offline' }` asks nothing of MAST. */
  mast?: MastOptions;
  /**
   * Require the MAST cross-reference (default: the config's `mast.required`): the report's
   * `mastRequired` says whether it happened, and a run where it did not should fail.
   */
  requireMast?: boolean;
  /** Threads for the per-file pass: 1 for this thread only; 0 or absent for one per core. */
  jobs?: number;
  /** Compute each file's SHA-256 (default true). */
  hash?: boolean;
  /** Check only this shard of the collection (its collection and MAST rules run at `merge`). */
  shard?: Shard;
  /** Cap on the bytes a compressed file may inflate to. */
  maxInflatedBytes?: number;
  /** Called as files are checked. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Rethrow an exception from a rule instead of reporting it as an `internal/rule-crashed` finding
   * (default: true when HLSP_RETHROW_RULE_ERRORS=1, as in the test suite).
   */
  rethrowRuleErrors?: boolean;
  /** Cap on the bytes of findings in the report (default: HLSP_MAX_REPORT_BYTES, or 256 MiB). */
  maxReportBytes?: number;
}

/** A check's report and the rule set it ran, for formatters that describe the rules. */
export interface CheckOutcome {
  report: Report;
  rules: RuleSet;
}

const WORKER = new URL('./worker.js', import.meta.url);

/** Checks the files and directories in `paths`: every rule, one report. */
export async function check(paths: string[], options: Options = {}): Promise<Report> {
  return (await checkWithRules(paths, options)).report;
}

/** `check`, also giving the rule set that ran (the built-in rules and the plugins'). */
export async function checkWithRules(paths: string[], options: Options = {}): Promise<CheckOutcome> {
  if (paths.length === 0) throw new UsageError('give at least one file or directory to check');
  const plugins = (options.plugins ?? []).map((specifier) => pluginUrl(specifier));
  const rules = await loadRuleSet(plugins);
  const ruleIds = ruleIdsOf(rules);
  const loaded = options.config
    ? { config: options.config, path: null }
    : findProjectConfig(options.configFile, paths[0]!, ruleIds);
  const { config } = loaded;
  const settings = projectSettings(config, options.project);
  const jobs = options.jobs ?? 0;
  const rethrowRuleErrors = options.rethrowRuleErrors ?? rethrowRuleErrorsByDefault();
  const mastRules = containMastRules(rules.mast, rethrowRuleErrors);
  const mastPass = await mastPassFor(options.mast ?? {}, mastRules.rules, config, loaded.path, paths);
  const { report } = await runCheck({
    paths,
    config,
    settings,
    rules,
    ...(mastPass ? { mastPass: async (records) => mastRules.withCrashes(await mastPass(records)) } : {}),
    rethrowRuleErrors,
    ...(options.maxReportBytes ? { maxReportBytes: options.maxReportBytes } : {}),
    hash: options.hash !== false,
    ...(jobs > 0 ? { threads: jobs } : {}),
    ...(options.maxInflatedBytes ? { limits: { maxInflatedBytes: options.maxInflatedBytes } } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    runFiles: runFilesOnThreads(jobs, WORKER, { plugins, ruleIds }),
    // The report holds no record headers: gather them only for the rules that read them.
    keepRecordHeaders: false,
    // Only a pass that asks MAST compares footprints with the observations' regions.
    footprints: mastModeOf(options.mast ?? {}, config) !== 'offline',
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (options.requireMast ?? config.mast?.required ?? false) report.mastRequired = mastRequirement(report);
  return { report, rules };
}

/** Checks bare file names against the naming rules; the report has the shape of `check`'s. */
export async function checkNames(
  names: string[],
  options: Pick<Options, 'project' | 'plugins'> = {},
): Promise<Report> {
  const rules = await loadRuleSet((options.plugins ?? []).map((specifier) => pluginUrl(specifier)));
  return namesReport(names, options.project, rules);
}

/** The names report, built synchronously from a rule set. */
export function namesReport(
  names: string[],
  project: string | undefined,
  rules: RuleSet,
  now = new Date(),
): Report {
  const started = Date.now();
  const settings = project ? { project: project.toLowerCase() } : {};
  const findings: Finding[] = [];
  const files: FileEntry[] = [];
  for (const name of names) {
    files.push({ path: name, size: 0, sha256: null, kind: 'other', verdict: 'PASS' });
    const context = { name, path: name, parsed: parseName(name), settings };
    for (const rule of rules.name) {
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

export type { FileRecord };
