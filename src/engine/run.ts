import { createHash } from 'node:crypto';
import { CONFIG_FILE, type Config, isRuleOff } from '../config/config.js';
import { type DiscoveredEntry, discover, InputError } from '../discover/discover.js';
import type { ReadLimits } from '../fits/types.js';
import type { FileEntry, Finding, MastStats, NotChecked, Report } from '../report/types.js';
import type { FileRecord, FindingInput, ProjectSettings, RuleSet } from '../types.js';
import { globMatcher } from '../util/glob.js';
import { VERSION } from '../version.js';
import { capReportBytes, DEFAULT_MAX_REPORT_BYTES, FindingLimit } from './bounds.js';
import { checkEntry, type FileCheckEnvironment, type FileOutcome } from './check-file.js';
import { applyVerdicts, compareFindings, summarize, toFinding } from './findings.js';
import { rethrowRuleErrorsByDefault, ruleRunner } from './rule-crash.js';

export interface Shard {
  /** 1-based shard number. */
  index: number;
  count: number;
}

export interface MastPassResult {
  findings: Finding[];
  notChecked: NotChecked[];
  stats: MastStats;
}

export interface CheckOptions {
  paths: string[];
  config: Config;
  settings: ProjectSettings;
  rules: RuleSet;
  /** The MAST cross-reference pass, run over every file record of the collection. */
  mastPass?: (records: FileRecord[]) => Promise<MastPassResult>;
  shard?: Shard;
  hash?: boolean;
  /** Threads for the per-file pass and for each large file (default: one per core). */
  threads?: number;
  limits?: Partial<ReadLimits>;
  /** Runs the per-file pass; defaults to in-process. The worker pool plugs in here. */
  runFiles?: (
    entries: DiscoveredEntry[],
    env: FileCheckEnvironment,
    onDone: (outcome: FileOutcome) => void,
  ) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
  /**
   * Whether the caller reads the header values and provenance in the returned records (default
   * true). When false they are gathered only if this check needs them itself: for a collection
   * rule, the MAST pass, or a shard report (merged later).
   */
  keepRecordHeaders?: boolean;
  /**
   * Whether the records need each FITS product's sky footprint, when headers are gathered (default
   * true; a shard report always keeps it, for the MAST pass of its merge). An offline MAST pass
   * reads none.
   */
  footprints?: boolean;
  /**
   * Rethrow an exception from a rule instead of reporting it as `internal/rule-crashed`
   * (default: HLSP_RETHROW_RULE_ERRORS=1, which the test suite sets).
   */
  rethrowRuleErrors?: boolean;
  /** Cap on the bytes of findings in the report (default HLSP_MAX_REPORT_BYTES, or 256 MiB). */
  maxReportBytes?: number;
}

export interface CheckResult {
  report: Report;
  records: FileRecord[];
}

/** Deterministic shard of a path: the same file lands in the same shard on every machine. */
export function shardOf(path: string, count: number): number {
  const digest = createHash('sha1').update(path).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The rules the config leaves on: a rule turned off is not run, as in ESLint. */
export function enabled<Rule extends { meta: { id: string } }>(rules: Rule[], config: Config): Rule[] {
  return rules.filter((rule) => !isRuleOff(rule.meta.id, config.rules));
}

/** Matches files against the config's profile globs. */
export function profileMatcher(config: Config): (path: string) => string[] {
  const assignments = (config.profiles ?? []).map((assignment) => ({
    test: globMatcher(assignment.files),
    profiles: assignment.profiles,
  }));
  const none: string[] = [];
  return (path) => {
    let profiles: string[] | undefined;
    for (const assignment of assignments) {
      if (!assignment.test(path)) continue;
      profiles ??= [];
      profiles.push(...assignment.profiles);
    }
    // Most files match no assignment: they share one empty list instead of a Set and two arrays.
    return profiles ? [...new Set(profiles)] : none;
  };
}

async function runInProcess(
  entries: DiscoveredEntry[],
  env: FileCheckEnvironment,
  onDone: (outcome: FileOutcome) => void,
): Promise<void> {
  for (const entry of entries) onDone(await checkEntry(entry, env));
}

/** The whole check: discover → per-file pass → collection pass → MAST pass → sorted report. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const startedMs = Date.now();
  // The configuration file configures the check; it is not a product of the collection, but it
  // is a support file of the delivery: set apart and counted.
  const { root, entries: discovered } = discover(options.paths, { ignore: options.config.ignore ?? [] });
  const configFiles: string[] = [];
  const entries = discovered.filter((entry) => {
    const isConfig =
      !entry.isDirectory && (entry.path === CONFIG_FILE || entry.path.endsWith(`/${CONFIG_FILE}`));
    if (isConfig) configFiles.push(entry.path);
    return !isConfig;
  });
  discovered.length = 0;
  // Nothing to check is a mistake in the paths or the ignore globs, not a clean collection.
  if (!entries.some((entry) => !entry.isDirectory))
    throw new InputError(
      `no files found in ${options.paths.join(', ')}${options.config.ignore?.length ? " (after the config's ignore globs)" : ''}`,
    );
  const shard = options.shard;
  const mine = shard
    ? entries.filter((entry) => shardOf(entry.path, shard.count) === shard.index)
    : [...entries];
  entries.length = 0;
  const total = mine.length;
  const recordHeaders =
    options.keepRecordHeaders !== false ||
    shard !== undefined ||
    options.mastPass !== undefined ||
    enabled(options.rules.collection, options.config).length > 0;
  const env: FileCheckEnvironment = {
    settings: options.settings,
    config: options.config,
    nameRules: enabled(options.rules.name, options.config),
    fileRules: enabled(options.rules.file, options.config),
    contentRules: enabled(options.rules.content, options.config),
    fitsRules: enabled(options.rules.fits, options.config),
    profilesFor: profileMatcher(options.config),
    hash: options.hash ?? true,
    recordHeaders,
    recordFootprints: recordHeaders && (shard !== undefined || options.footprints !== false),
    ...(options.threads ? { threads: options.threads } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    rethrowRuleErrors: options.rethrowRuleErrors ?? rethrowRuleErrorsByDefault(),
  };
  const files: FileEntry[] = [];
  const records: FileRecord[] = [];
  const findings: Finding[] = [];
  let done = 0;
  const runFiles = options.runFiles ?? runInProcess;
  // Handed over, not kept: the discovered entries of a large collection are worth releasing early.
  await runFiles(mine.splice(0), env, (outcome) => {
    if (!outcome.record.isDirectory && !outcome.record.skipped) files.push(outcome.entry);
    if (outcome.members) for (const member of outcome.members) files.push(member);
    records.push(outcome.record);
    for (const finding of outcome.findings) findings.push(finding);
    done++;
    options.onProgress?.(done, total);
  });
  records.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const notChecked: NotChecked[] = [];
  let mast: MastStats | undefined;
  if (shard) {
    notChecked.push({
      ruleId: 'collection/*',
      reason: `shard ${shard.index}/${shard.count}: collection rules run when the shard reports are merged`,
    });
    notChecked.push({
      ruleId: 'mast/*',
      reason: `shard ${shard.index}/${shard.count}: MAST rules run when the shard reports are merged`,
    });
  } else {
    const collected = await collectionPass(root, records, options);
    findings.push(...collected.findings);
    notChecked.push(...collected.notChecked);
    mast = collected.mast;
  }
  findings.sort(compareFindings);
  applyVerdicts(files, findings);
  // Counted before the byte cap drops any: the summary and verdicts stay exact.
  const summary = summarize(files, findings, configFiles.length);
  const capped = capReportBytes(
    findings,
    options.maxReportBytes ?? (Number(process.env.HLSP_MAX_REPORT_BYTES) || DEFAULT_MAX_REPORT_BYTES),
  );
  if (capped) notChecked.push(capped);
  const report: Report = {
    tool: { name: 'hlsp-validate', version: VERSION },
    project: options.settings.project ?? null,
    root: options.paths.length === 1 ? options.paths[0]! : root,
    startedAt: started.toISOString(),
    durationMs: Date.now() - startedMs,
    summary,
    files,
    findings,
    notChecked,
  };
  if (configFiles.length > 0) report.configFiles = configFiles.sort();
  if (mast) report.mast = mast;
  if (shard) {
    report.shard = { index: shard.index, count: shard.count };
    report.records = records;
  }
  return { report, records };
}

/** Collection and MAST rules over the records of the whole collection (also used by `merge`). */
export async function collectionPass(
  root: string,
  records: FileRecord[],
  options: Pick<CheckOptions, 'config' | 'settings' | 'rules' | 'mastPass' | 'rethrowRuleErrors'>,
): Promise<{ findings: Finding[]; notChecked: NotChecked[]; mast?: MastStats }> {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const context = { root, files: records, settings: options.settings };
  const rethrow = options.rethrowRuleErrors ?? rethrowRuleErrorsByDefault();
  const limit = new FindingLimit();
  const push = (ruleId: string, severity: Finding['severity'], input: FindingInput) => {
    const finding = toFinding(ruleId, severity, input.path ?? '', input, options.config.rules);
    if (finding) limit.add(finding, findings);
  };
  // A crashed collection rule is reported on the collection (path ''); the others still run.
  const run = ruleRunner(push, rethrow);
  for (const rule of enabled(options.rules.collection, options.config)) run(rule, context);
  if (!options.mastPass) return { findings, notChecked };
  const mast = await options.mastPass(records);
  for (const finding of mast.findings) {
    const configured = toFinding(
      finding.ruleId,
      finding.severity,
      finding.path,
      finding,
      options.config.rules,
    );
    if (configured)
      limit.add({ ...configured, ...(finding.context ? { context: finding.context } : {}) }, findings);
  }
  notChecked.push(...mast.notChecked);
  return { findings, notChecked, mast: mast.stats };
}
