import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredEntry } from '../discover/discover.js';
import { memoize } from '../util/memo.js';
import { checkEntry, type FileCheckEnvironment, type FileOutcome } from './check-file.js';

/** What a worker needs to rebuild the environment: plain data only (functions cannot cross threads). */
export interface WorkerSetup {
  settings: FileCheckEnvironment['settings'];
  config: FileCheckEnvironment['config'];
  hash: boolean;
  recordHeaders: boolean;
  threads?: number;
  limits?: FileCheckEnvironment['limits'];
}

const BATCH = 64;
/** The main thread checks smaller batches, so that it merges the workers' results promptly. */
const MAIN_BATCH = 8;
/** Batches a worker holds at once: it starts the next while its last results are being merged. */
const IN_FLIGHT = 2;
/** Below this many files, starting threads (about 0.15 s each, measured) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 2000;
/**
 * By default, from this many files the workers start at once. Each costs about 0.3 s of CPU to start
 * and warm up (its own JIT) on the same cores: on 2 cores, with small files, 5,000 files ran faster
 * on one thread, 10,000 about as fast on either, 20,000 faster on two (measured; docs/performance.md).
 */
const MANY_FILES = 10_000;
/** How often the main thread, checking fewer files alone, asks whether workers would now pay. */
const PROBE_MS = 150;
const configuredWork = Number(process.env.HLSP_PARALLEL_WORK_MS);
/** `HLSP_PARALLEL_WORK_MS`: a fixed threshold for the work left, instead of the estimate below. */
const FIXED_WORK_MS = Number.isFinite(configuredWork) && configuredWork > 0 ? configuredWork : undefined;

/**
 * Whether workers are worth starting, with fewer files than MANY_FILES: the time the files left
 * would take here at the main thread's recent rate (milliseconds a file over the last look; the
 * first files, while the code warms up, are slower and would overstate it) against twice what the
 * workers would cost. A worker costs about 0.1 s to start, plus its warm-up, which grows with the
 * number of files it gets, up to about 1,500 (measured on 2 cores: 5,000 small files ran faster on
 * one thread; 40 files of 21 MB 20% faster on two).
 */
export function workersWorthStarting(msPerFile: number, filesLeft: number): boolean {
  if (filesLeft <= 0) return false;
  const left = msPerFile * filesLeft;
  if (FIXED_WORK_MS !== undefined) return left >= FIXED_WORK_MS;
  const cost = 100 + 0.25 * Math.min(filesLeft, 1500);
  return left >= 2 * cost;
}

const workerUrl = new URL('./worker.js', import.meta.url);
/**
 * A worker's objects die young (a file's headers, once checked); a bounded young generation keeps
 * its memory down without slowing it (100,000 files: 276 MB peak against 299–313 MB, measured).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Distinct strings kept by `sharedStrings`; beyond this it starts afresh (memory stays bounded). */
const MAX_SHARED_STRINGS = 50_000;

/**
 * A worker's outcomes arrive as copies: every file's TELESCOP, HLSPID, source ids… would be a string
 * of its own on the main thread, which keeps the records of the whole collection, and its findings.
 * This keeps one copy of each repeated string (the header cards quoted around a finding repeat from
 * file to file, and so do hints), and lets the file entry and findings share the record's path.
 */
function sharedStrings(): (outcome: FileOutcome) => FileOutcome {
  const share = memoize((text: string) => text, MAX_SHARED_STRINGS);
  return (outcome) => {
    const { record, entry } = outcome;
    for (const finding of outcome.findings) {
      if (finding.path === record.path) finding.path = record.path;
      finding.ruleId = share(finding.ruleId);
      if (finding.keyword !== null) finding.keyword = share(finding.keyword);
      if (finding.hint !== undefined) finding.hint = share(finding.hint);
      const context = finding.context;
      if (context) for (let i = 0; i < context.length; i++) context[i] = share(context[i]!);
    }
    for (const key in record.header) {
      const value = record.header[key];
      if (typeof value === 'string') record.header[key] = share(value);
    }
    for (let i = 0; i < record.provenance.length; i++) record.provenance[i] = share(record.provenance[i]!);
    record.kind = entry.kind = share(record.kind) as typeof record.kind;
    entry.path = record.path;
    entry.sha256 = record.sha256;
    return outcome;
  };
}

/**
 * The per-file pass on `jobs` threads (0 = one per core): the main thread and `jobs - 1` worker
 * threads. Files go out in batches and outcomes stream back to the main thread, which merges them;
 * a file's parsed headers never leave its thread. The main thread checks files too, so no time is
 * lost while the workers load the rules. With an explicit `jobs`, or many files, the workers start
 * at once; otherwise the main thread starts alone and starts them when enough work is left to
 * repay them.
 */
export function runFilesInWorkers(jobs: number) {
  return async (
    entries: DiscoveredEntry[],
    env: FileCheckEnvironment,
    onDone: (outcome: FileOutcome) => void,
  ) => {
    const threads = Math.min(jobs > 0 ? jobs : availableParallelism(), entries.length);
    // Compiled code only: under a TypeScript test runner the worker file does not exist. By default
    // any collection may get workers (a few large files repay them too); an explicit --jobs starts
    // them at once, so only from MIN_FILES_FOR_WORKERS files.
    const tooFew = jobs > 0 && entries.length < MIN_FILES_FOR_WORKERS;
    if (threads <= 1 || tooFew || !existsSync(fileURLToPath(workerUrl))) {
      for (const entry of entries) {
        const outcome = checkEntry(entry, env);
        onDone(outcome instanceof Promise ? await outcome : outcome);
      }
      return;
    }
    const setup: WorkerSetup = {
      settings: env.settings,
      config: env.config,
      hash: env.hash,
      recordHeaders: env.recordHeaders,
      ...(env.threads ? { threads: env.threads } : {}),
      ...(env.limits ? { limits: env.limits } : {}),
    };
    const compact = sharedStrings();
    let next = 0;
    const takeBatch = (size: number) => {
      const batch = entries.slice(next, next + size);
      next += batch.length;
      return batch;
    };
    // Smaller batches as the files run out, so that no thread is left holding the last big ones.
    const workerBatch = () =>
      Math.max(1, Math.min(BATCH, Math.floor((entries.length - next) / (threads * 4))));
    const inWorker = () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerUrl, { workerData: setup, resourceLimits: WORKER_LIMITS });
        let pending = 0;
        const send = () => {
          const batch = takeBatch(workerBatch());
          if (batch.length > 0) {
            pending++;
            worker.postMessage(batch);
          } else if (pending === 0) void worker.terminate().then(() => resolve());
        };
        worker.on('message', (outcomes: FileOutcome[]) => {
          pending--;
          for (const outcome of outcomes) onDone(compact(outcome));
          send();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && code !== 1) reject(new Error(`a worker thread stopped with code ${code}`));
        });
        for (let i = 0; i < IN_FLIGHT; i++) send();
      });
    const workers: Promise<void>[] = [];
    const startWorkers = () => {
      for (let i = 1; i < threads; i++) {
        const worker = inWorker();
        // Handled here so that a failure while the main thread is busy is not an unhandled rejection;
        // it is raised by the Promise.all below.
        worker.catch(() => {});
        workers.push(worker);
      }
    };
    if (jobs > 0 || entries.length >= MANY_FILES) startWorkers();
    let windowStart = performance.now();
    let nextProbe = windowStart + PROBE_MS;
    let checked = 0;
    let windowChecked = 0;
    let looks = 0;
    // The clock is read every `stride` files (reading it after each small file slowed the loop by
    // 8%, measured), and after each file once they are seen to be slow.
    let stride = 4;
    let lastClock = windowStart;
    const mainBatch = () => Math.min(MAIN_BATCH, workerBatch());
    const inMainThread = async () => {
      for (let batch = takeBatch(mainBatch()); batch.length > 0; batch = takeBatch(mainBatch())) {
        for (const entry of batch) {
          const outcome = checkEntry(entry, env);
          onDone(outcome instanceof Promise ? await outcome : outcome);
          checked++;
          if (workers.length > 0 || checked % stride !== 0) continue;
          const now = performance.now();
          if (now - lastClock > 10) stride = 1;
          lastClock = now;
          if (now < nextProbe) continue;
          nextProbe = now + PROBE_MS;
          // The rate over the last look only, and not at the first (it holds the warm-up).
          const msPerFile = (now - windowStart) / Math.max(1, checked - windowChecked);
          windowStart = now;
          windowChecked = checked;
          if (++looks > 1 && workersWorthStarting(msPerFile, entries.length - next)) startWorkers();
          // A turn of the event loop at each look, so that signals (Ctrl-C) are still heard.
          await nextTurn();
        }
        // Running workers have results to merge: a turn of the event loop after each batch.
        if (workers.length > 0) await nextTurn();
      }
    };
    await inMainThread();
    await Promise.all(workers);
  };
}
