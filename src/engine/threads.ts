/**
 * Worker threads for the scheduler in `pool.ts`: the thin adapter between its `WorkerHandle` and
 * node:worker_threads. The worker module is an input: it builds the caller's rule set itself.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredEntry } from '../discover/discover.js';
import { MIN_SPLIT_BYTES, startSumHelpers } from '../fits/large-file.js';
import { checkEntry, type FileCheckEnvironment, type FileOutcome, sizeOnDisk } from './check-file.js';
import {
  estimatedWorkMs,
  FEW_FILES,
  planThreads,
  schedule,
  sharedStrings,
  type WorkerHandle,
} from './pool.js';

/**
 * A worker's objects die young (a file's headers, once checked); a bounded young generation keeps
 * its memory down without slowing it (100,000 files: 276 MB peak against 299–313 MB, measured).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** What a worker is told: plain data only (functions cannot cross threads). */
export interface WorkerSetup {
  settings: FileCheckEnvironment['settings'];
  config: FileCheckEnvironment['config'];
  hash: boolean;
  recordHeaders: boolean;
  recordFootprints: boolean;
  threads?: number;
  limits?: FileCheckEnvironment['limits'];
  rethrowRuleErrors?: boolean;
  /** Module URLs of the rules beyond the built-in ones, loaded by the worker as by the caller. */
  plugins: string[];
  /** The ids of the rules the caller runs: a worker that built another set stops the run. */
  ruleIds: string[];
}

/** A message from a worker: a batch's outcomes, or why it could not start. */
export type WorkerMessage = { outcomes: FileOutcome[] } | { failure: string };

function threadWorker(
  url: URL,
  setup: WorkerSetup,
  compact: (outcome: FileOutcome) => FileOutcome,
): WorkerHandle {
  const worker = new Worker(url, { workerData: setup, resourceLimits: WORKER_LIMITS });
  let failed: ((error: Error) => void) | undefined;
  return {
    send: (batch) => worker.postMessage(batch),
    onResults(listener) {
      worker.on('message', (message: WorkerMessage) => {
        if ('failure' in message) failed?.(new Error(message.failure));
        else listener(message.outcomes.map(compact));
      });
    },
    onFailure(listener) {
      failed = listener;
      worker.on('error', listener);
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) listener(new Error(`a worker thread stopped with code ${code}`));
      });
    },
    close: () => worker.terminate().then(() => undefined),
  };
}

/**
 * The sizes of a few files (a stat each, when discovery did not measure them), to plan their pass:
 * their sum and the largest. Undefined for many files, whose pass measures its own rate instead.
 */
function measuredSizes(entries: DiscoveredEntry[]): { bytes: number; largest: number } | undefined {
  if (entries.length > FEW_FILES) return undefined;
  let bytes = 0;
  let largest = 0;
  for (const entry of entries) {
    if (entry.isDirectory || entry.skipped) continue;
    // 0 for a file that cannot be had: its read reports why.
    const size = entry.size ?? sizeOnDisk(entry.absolute);
    bytes += size;
    largest = Math.max(largest, size);
  }
  return { bytes, largest };
}

/**
 * The per-file pass on `jobs` threads (0 = one per core): the main thread and `jobs - 1` worker
 * threads running `workerUrl`. A file's parsed headers never leave its thread.
 */
export function runFilesOnThreads(
  jobs: number,
  workerUrl: URL,
  ruleSet: Pick<WorkerSetup, 'plugins' | 'ruleIds'>,
) {
  return async (
    entries: DiscoveredEntry[],
    env: FileCheckEnvironment,
    onDone: (outcome: FileOutcome) => void,
  ): Promise<void> => {
    const cores = availableParallelism();
    const sizes = measuredSizes(entries);
    const plan = planThreads(jobs, entries.length, cores, sizes && estimatedWorkMs(sizes.bytes, env.hash));
    // Compiled code only: under a TypeScript test runner the worker file does not exist.
    const threads = existsSync(fileURLToPath(workerUrl)) ? plan.threads : 1;
    // Files checked side by side on every core leave no core to sum parts of one file.
    const fileEnv =
      threads > 1 && plan.startAtOnce && env.threads === undefined ? { ...env, threads: 1 } : env;
    // Large files checked here without a SHA-256 are summed in parts on every core: the helpers
    // start now, while the first file's header is read, not when its data is.
    if (sizes && !env.hash && !plan.startAtOnce && sizes.largest >= MIN_SPLIT_BYTES)
      startSumHelpers((env.threads ?? cores) - 1);
    const workerSetup: WorkerSetup = {
      ...ruleSet,
      settings: env.settings,
      config: env.config,
      hash: env.hash,
      recordHeaders: env.recordHeaders,
      recordFootprints: env.recordFootprints,
      ...(fileEnv.threads ? { threads: fileEnv.threads } : {}),
      ...(env.limits ? { limits: env.limits } : {}),
      ...(env.rethrowRuleErrors ? { rethrowRuleErrors: true } : {}),
    };
    const compact = sharedStrings();
    await schedule(entries, {
      threads,
      startAtOnce: plan.startAtOnce,
      // The main thread's findings share strings too: messages and hints are made afresh per file.
      checkHere: (entry) => {
        const outcome = checkEntry(entry, fileEnv);
        return outcome instanceof Promise ? outcome.then(compact) : compact(outcome);
      },
      startWorker: () => threadWorker(workerUrl, workerSetup, compact),
      onDone,
    });
  };
}
