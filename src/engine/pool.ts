/**
 * The scheduler of the per-file pass: a queue of files, the main thread and worker threads taking
 * batches from it, an in-flight limit per worker, and the decision when workers are worth starting.
 * It knows nothing of threads: a worker is anything that takes a batch and answers with outcomes
 * (`WorkerHandle`), so it is tested with fake workers; `threads.ts` adapts real worker threads.
 */
import type { DiscoveredEntry } from '../discover/discover.js';
import type { Severity } from '../types.js';
import { memoize } from '../util/memo.js';
import type { FileOutcome } from './check-file.js';

/** One worker as the scheduler sees it. */
export interface WorkerHandle {
  /** Sends a batch; the worker answers each batch with its outcomes, in order, through `onResults`. */
  send(batch: DiscoveredEntry[]): void;
  onResults(listener: (outcomes: FileOutcome[]) => void): void;
  /** A worker that fails (an exception, an unexpected exit) fails the run. */
  onFailure(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface ScheduleOptions {
  /** Threads in all, the main thread included. */
  threads: number;
  /** Start the workers at once, rather than when the measured work left repays them. */
  startAtOnce: boolean;
  /** Checks one file on the main thread. */
  checkHere(entry: DiscoveredEntry): FileOutcome | Promise<FileOutcome>;
  /** Starts one worker. */
  startWorker(): WorkerHandle;
  onDone(outcome: FileOutcome): void;
  /** Whether workers are worth starting now (default: `workersWorthStarting`). */
  worthStarting?: (msPerFile: number, filesLeft: number) => boolean;
  /** The clock, in milliseconds (default: performance.now). */
  now?: () => number;
}

const BATCH = 64;
/** The main thread checks smaller batches, so that it merges the workers' results promptly. */
const MAIN_BATCH = 8;
/** Batches a worker holds at once: it starts the next while its last results are being merged. */
export const IN_FLIGHT = 2;
/** Below this many files, starting threads (about 0.15 s each, measured) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 2000;
/**
 * By default, from this many files the workers start at once. Each costs about 0.3 s of CPU to start
 * and warm up (its own JIT) on the same cores: on 2 cores, with small files, 5,000 files ran faster
 * on one thread, 10,000 about as fast on either, 20,000 faster on two (measured; docs/performance.md).
 */
const MANY_FILES = 10_000;
/**
 * How many threads a pass over `files` files gets, and whether the workers start at once.
 * `workMs`: the pass's work estimated from the files' sizes, when they were measured (few files):
 * a few large files that repay the workers get them from the start, not after the first files.
 */
export function planThreads(
  jobs: number,
  files: number,
  cores: number,
  workMs?: number,
): { threads: number; startAtOnce: boolean } {
  const threads = Math.min(jobs > 0 ? jobs : cores, files);
  // By default any collection may get workers (a few large files repay them too); an explicit
  // --jobs starts them at once, so only from MIN_FILES_FOR_WORKERS files.
  if (threads <= 1 || (jobs > 0 && files < MIN_FILES_FOR_WORKERS)) return { threads: 1, startAtOnce: false };
  const repaid = workMs !== undefined && workersWorthStarting(workMs / files, files);
  return { threads, startAtOnce: jobs > 0 || files >= MANY_FILES || repaid };
}

/** Up to this many files, their sizes are measured before the pass, to plan its threads. */
export const FEW_FILES = 256;
/**
 * Bytes a thread checks per millisecond: about 1.5 GB/s with SHA-256 (its speed) and 5 GB/s
 * without (the checksum pass), measured on 2 cores (docs/performance.md). An estimate only: the
 * pass still looks at its real rate when workers did not start at once.
 */
export function estimatedWorkMs(bytes: number, hash: boolean): number {
  return bytes / (hash ? 1.5e6 : 5e6);
}

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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Distinct strings kept by `sharedStrings`; beyond this it starts afresh (memory stays bounded). */
const MAX_SHARED_STRINGS = 50_000;

const SEVERITY: Record<Severity, Severity> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * A worker's outcomes arrive as copies: every file's TELESCOP, HLSPID, source ids… would be a string
 * of its own on the main thread, which keeps the records of the whole collection, and its findings.
 * This keeps one copy of each repeated string (the header cards quoted around a finding repeat from
 * file to file, and so do hints), and lets the file entry and findings share the record's path.
 */
export function sharedStrings(): (outcome: FileOutcome) => FileOutcome {
  const share = memoize((text: string) => text, MAX_SHARED_STRINGS);
  return (outcome) => {
    const { record, entry } = outcome;
    for (const finding of outcome.findings) {
      if (finding.path === record.path) finding.path = record.path;
      finding.ruleId = share(finding.ruleId);
      finding.severity = SEVERITY[finding.severity];
      // The same message recurs across files ("BUNIT is missing"), and arrives as a copy each time.
      finding.message = share(finding.message);
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
    if (record.format !== undefined) record.format = entry.format = share(record.format);
    entry.verdict = share(entry.verdict) as typeof entry.verdict;
    entry.path = record.path;
    entry.sha256 = record.sha256;
    return outcome;
  };
}

/**
 * Runs the per-file pass over `entries`: the main thread and `threads - 1` workers take batches
 * from one queue and outcomes stream back to `onDone`. The main thread checks files too, so no time
 * is lost while the workers load. With `startAtOnce` the workers start at once; otherwise the main
 * thread starts alone and starts them when enough work is left to repay them.
 */
export async function schedule(entries: DiscoveredEntry[], options: ScheduleOptions): Promise<void> {
  const { threads, checkHere, onDone } = options;
  const worth = options.worthStarting ?? workersWorthStarting;
  const clock = options.now ?? (() => performance.now());
  let next = 0;
  const takeBatch = (size: number) => {
    const batch = entries.slice(next, next + size);
    next += batch.length;
    return batch;
  };
  // Smaller batches as the files run out, so that no thread is left holding the last big ones.
  const workerBatch = () => Math.max(1, Math.min(BATCH, Math.floor((entries.length - next) / (threads * 4))));
  const inWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = options.startWorker();
      let pending = 0;
      const send = () => {
        const batch = takeBatch(workerBatch());
        if (batch.length > 0) {
          pending++;
          worker.send(batch);
        } else if (pending === 0) void worker.close().then(() => resolve());
      };
      worker.onResults((outcomes) => {
        pending--;
        for (const outcome of outcomes) onDone(outcome);
        send();
      });
      worker.onFailure((error) => {
        void worker.close();
        reject(error);
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
  if (threads > 1 && options.startAtOnce) startWorkers();
  let windowStart = clock();
  let nextProbe = windowStart + PROBE_MS;
  let checked = 0;
  let windowChecked = 0;
  let looks = 0;
  // The clock is read every `stride` files (reading it after each small file slowed the loop by
  // 8%, measured), and after each file once they are seen to be slow.
  let stride = 4;
  let lastClock = windowStart;
  const mainBatch = () => Math.min(MAIN_BATCH, workerBatch());
  for (let batch = takeBatch(mainBatch()); batch.length > 0; batch = takeBatch(mainBatch())) {
    for (const entry of batch) {
      const outcome = checkHere(entry);
      onDone(outcome instanceof Promise ? await outcome : outcome);
      checked++;
      if (workers.length > 0 || checked % stride !== 0) continue;
      const now = clock();
      if (now - lastClock > 10) stride = 1;
      lastClock = now;
      if (now < nextProbe) continue;
      nextProbe = now + PROBE_MS;
      if (threads > 1) {
        // The rate over the last look only, and not at the first (it holds the warm-up).
        const msPerFile = (now - windowStart) / Math.max(1, checked - windowChecked);
        windowStart = now;
        windowChecked = checked;
        if (++looks > 1 && worth(msPerFile, entries.length - next)) startWorkers();
      }
      // A turn of the event loop at each look, on one thread too, so that signals (Ctrl-C) are heard.
      await nextTurn();
    }
    // Running workers have results to merge: a turn of the event loop after each batch.
    if (workers.length > 0) await nextTurn();
  }
  await Promise.all(workers);
}
