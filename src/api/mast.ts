import { dirname, resolve } from 'node:path';
import { type Config, isRuleOff } from '../config/config.js';
import type { MastPassResult } from '../engine/run.js';
import { UsageError } from '../errors.js';
import { cacheDirProblem, defaultCacheDir } from '../mast/cache-location.js';
import type { MastPassOutput } from '../mast/offline.js';
import type { MastRequirement, Report } from '../report/types.js';
import type { FileRecord, MastRule } from '../types.js';

export const MAST_MODES = ['online', 'cache', 'offline'] as const;
export type MastMode = (typeof MAST_MODES)[number];

/** How the MAST cross-reference is made; each setting wins over the config's `mast` block. */
export interface MastOptions {
  /** online (network and cache), cache (replay recorded answers only), offline (MAST not asked). */
  mode?: MastMode;
  /** Base URL (default: env MAST_URL, the config, then https://mast.stsci.edu). */
  url?: string;
  /** Response cache (default: the config's, then $XDG_CACHE_HOME/hlsp-validate). */
  cacheDir?: string;
  /** MAST API token (default: env MAST_API_TOKEN); never written anywhere. */
  token?: string;
}

/** The mode a run asks MAST in: the option, then the config's, then online. */
export function mastModeOf(options: MastOptions, config: Config): MastMode {
  return options.mode ?? config.mast?.mode ?? 'online';
}

/**
 * The MAST pass of a run, or undefined when every `mast/*` rule is off. Options win over the
 * config; a relative `cacheDir` in the config is relative to the config file.
 */
export async function mastPassFor(
  options: MastOptions,
  rules: MastRule[],
  config: Config,
  configPath: string | null,
  checkedPaths: string[] = [],
): Promise<((records: FileRecord[]) => Promise<MastPassResult>) | undefined> {
  const fromConfig = config.mast ?? {};
  const mode = mastModeOf(options, config);
  if (!MAST_MODES.includes(mode))
    throw new UsageError(`--mast must be one of ${MAST_MODES.join(', ')}, got '${options.mode}'`);
  const mastUrl = options.url ?? process.env.MAST_URL ?? fromConfig.url ?? 'https://mast.stsci.edu';
  try {
    new URL(mastUrl);
  } catch {
    throw new UsageError(`--mast-url is not a URL: '${mastUrl}'`);
  }
  const cacheDir =
    options.cacheDir ??
    (fromConfig.cacheDir && configPath ? resolve(dirname(configPath), fromConfig.cacheDir) : undefined);
  // An online run writes its answers to the cache: never inside the tree being checked. Replayed
  // answers (--mast cache) are only read, so a collection may ship them.
  if (mode === 'online') {
    const problem = cacheDirProblem(cacheDir ?? defaultCacheDir(), checkedPaths);
    if (problem) throw new UsageError(`${problem}; give --cache-dir outside it`);
  }
  // A config that turns every MAST rule off needs no MAST pass at all, nor "not checked" entries.
  const active = rules.filter((rule) => !isRuleOff(rule.meta.id, config.rules));
  if (active.length === 0) return undefined;
  const token = options.token ?? process.env.MAST_API_TOKEN;
  // An offline run asks MAST nothing: it loads neither the client nor the cache.
  let runPass: (records: FileRecord[]) => MastPassOutput | Promise<MastPassOutput>;
  if (mode === 'offline') {
    const { offlineMastPass } = await import('../mast/offline.js');
    runPass = (records) => offlineMastPass(records, rules);
  } else {
    const { runMastPass } = await import('../mast/pass.js');
    runPass = (records) =>
      runMastPass(records, {
        rules,
        mode,
        mastUrl,
        ...(token ? { token } : {}),
        ...(cacheDir ? { cacheDir } : {}),
      });
  }
  return async (records) => {
    const result = await runPass(records);
    return {
      findings: result.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity ?? 'error',
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

/**
 * Whether a report's MAST cross-reference happened, for a run that requires it. Not when a MAST
 * rule was not checked (MAST unreachable, a server error after retries, an oversized answer, a
 * damaged cache, a missing recorded answer, a shard leaving MAST to `merge`), nor in offline mode,
 * where MAST is never asked. Rules turned off in the config are not required.
 */
export function mastRequirement(report: Pick<Report, 'notChecked' | 'mast'>): MastRequirement {
  const skipped = report.notChecked.find((entry) => entry.ruleId.startsWith('mast/'));
  if (skipped) return { met: false, reason: skipped.reason };
  if (report.mast?.mode === 'offline') return { met: false, reason: '--mast offline: MAST was not asked' };
  return { met: true };
}
