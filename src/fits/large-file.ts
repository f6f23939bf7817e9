/**
 * Large plain FITS files are read with help from other threads: the SHA-256 on one, and, where cores
 * are left, each big data unit's DATASUM in parts (ones'-complement sums of word-aligned ranges add).
 */
import { existsSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { addWords, combineSums } from './checksum.js';
import { type ReadOptions, readOpenFits } from './read.js';
import type { FitsFile } from './types.js';
import { RANGE_BYTES, rangeBuffer } from './wasm/ones-sum.js';

/**
 * A sum task: the chunks of `RANGE_BYTES` from `start` to `end` are shared out through `claims` (an
 * Int32 count of the chunks taken, by every thread summing the range). `answer`: Int32 state at
 * byte 0 (`SUM_WAITING`…), Float64 sum of the chunks this helper took at byte 8.
 */
export type LargeFileTask =
  | { kind: 'sha256'; path: string | Uint8Array }
  | {
      kind: 'sum';
      path: string | Uint8Array;
      start: number;
      end: number;
      claims: SharedArrayBuffer;
      answer: SharedArrayBuffer;
    };

/** What a helper starts with: one task, or `serve`: stay, and run the tasks posted to it in turn. */
export type HelperStart = LargeFileTask | { kind: 'serve' };

/** The helper has not begun the task. */
export const SUM_WAITING = 0;
/** The helper is taking chunks. */
export const SUM_WORKING = 1;
export const SUM_DONE = 2;
export const SUM_FAILED = 3;
/** Every chunk was taken before the helper began: it leaves the task. */
export const SUM_NOT_NEEDED = 4;

const configured = Number(process.env.HLSP_LARGE_FILE_BYTES);
/**
 * From this size a plain file gets helper threads. A helper costs 30 ms to start on an idle core and
 * up to 200 ms on a busy one (measured on 2 cores): at 200 MB a run with helpers was no faster, at
 * 1 GB about as fast on 2 cores (docs/performance.md); they pay where cores are idle.
 */
const LARGE_FILE_BYTES = Number.isFinite(configured) && configured > 0 ? configured : 512 * 1024 * 1024;
/**
 * A data unit is summed in parts from this size, by helpers started once for the run, whose tasks
 * then cost a message each: 64 MiB take 13 ms to sum on one thread (`HLSP_LARGE_FILE_BYTES` tunes
 * this too).
 */
export const MIN_SPLIT_BYTES = Number.isFinite(configured) && configured > 0 ? configured : 64 * 1024 * 1024;
/** How long to wait for a helper's last chunk, per byte, before summing the range here instead. */
const WAIT_MS_PER_BYTE = 1 / 50_000; // 20 s per GB: a helper at 50 MB/s is broken, not slow

const workerUrl = new URL('./large-file-worker.js', import.meta.url);

function start(task: HelperStart): Worker {
  return new Worker(workerUrl, { workerData: task });
}

/** Whether the helper's module exists: compiled code only, not under a TypeScript test runner. */
let helpersAvailable: boolean | undefined;
function canUseHelpers(): boolean {
  helpersAvailable ??= existsSync(fileURLToPath(workerUrl));
  return helpersAvailable;
}

/** The threads that sum parts of data units, kept for the run; unref'd, they never hold the process. */
const sumHelpers: (Worker | undefined)[] = [];

function sumHelper(index: number): Worker {
  const running = sumHelpers[index];
  if (running) return running;
  const helper = start({ kind: 'serve' });
  helper.unref();
  // A helper that fails is replaced at the next task; the part it held is summed here.
  const forget = () => {
    if (sumHelpers[index] === helper) sumHelpers[index] = undefined;
  };
  helper.once('error', forget);
  helper.once('exit', forget);
  sumHelpers[index] = helper;
  return helper;
}

/** Starts `count` sum helpers ahead of the first large file, so that it does not wait for them. */
export function startSumHelpers(count: number): void {
  if (!canUseHelpers()) return;
  for (let index = 0; index < count; index++) sumHelper(index);
}

/** The file's SHA-256 from a helper thread, or undefined when it could not be had. */
function sha256Elsewhere(path: string | Buffer): Promise<string | undefined> {
  return new Promise((resolve) => {
    const worker = start({ kind: 'sha256', path });
    worker.once('message', (answer: { sha256?: string }) => resolve(answer.sha256));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/** The ones'-complement sum of a word-aligned byte range of a file, read in 1 MiB chunks. */
export function sumRange(fd: number, start: number, end: number): number {
  const buffer = rangeBuffer();
  let sum = 0;
  for (let position = start; position < end; ) {
    const read = readSync(fd, buffer, 0, Math.min(RANGE_BYTES, end - position), position);
    if (read <= 0 || read % 4 !== 0) throw new Error(`the file ended early at byte ${position}`);
    sum = addWords(sum, buffer, 0, read);
    position += read;
  }
  return sum;
}

/**
 * Sums the chunks of `RANGE_BYTES` from `start` to `end` that this thread claims first; the other
 * threads on the range take the rest. Claiming by chunk rather than splitting in fixed parts keeps
 * every thread busy to the end, and a helper that starts late simply takes fewer chunks.
 */
export function sumClaimedChunks(fd: number, start: number, end: number, claims: Int32Array): number {
  let sum = 0;
  for (;;) {
    const from = start + Atomics.add(claims, 0, 1) * RANGE_BYTES;
    if (from >= end) return sum;
    sum = combineSums(sum, sumRange(fd, from, Math.min(from + RANGE_BYTES, end)));
  }
}

/**
 * The sum of a range after this thread has claimed and summed its chunks (`ownSum`): the helpers'
 * sums added to it. A helper that has not begun is told it is not needed (every chunk is taken); one
 * that failed, or holds its last chunk too long, has the whole range summed here again.
 */
export function addHelperSums(
  fd: number,
  start: number,
  end: number,
  ownSum: number,
  answers: SharedArrayBuffer[],
): number {
  let sum = ownSum;
  for (const answer of answers) {
    const state = new Int32Array(answer, 0, 1);
    if (Atomics.compareExchange(state, 0, SUM_WAITING, SUM_NOT_NEEDED) === SUM_WAITING) continue;
    // At most one chunk is still being summed: the rest were claimed.
    Atomics.wait(state, 0, SUM_WORKING, 1000 + RANGE_BYTES * WAIT_MS_PER_BYTE);
    if (Atomics.load(state, 0) !== SUM_DONE) return sumRange(fd, start, end);
    sum = combineSums(sum, new Float64Array(answer, 8, 1)[0]!);
  }
  return sum;
}

/** A `sumRange` that shares big ranges' chunks between this thread and `threads - 1` helpers. */
function splitSums(path: string | Buffer, threads: number): NonNullable<ReadOptions['sumRange']> {
  return (fd, begin, end) => {
    if (end - begin < MIN_SPLIT_BYTES) return undefined;
    const claims = new SharedArrayBuffer(4);
    const answers: SharedArrayBuffer[] = [];
    for (let index = 0; index < threads - 1; index++) {
      const answer = new SharedArrayBuffer(16);
      const task = { kind: 'sum', path, start: begin, end, claims, answer } satisfies LargeFileTask;
      sumHelper(index).postMessage(task);
      answers.push(answer);
    }
    const ownSum = sumClaimedChunks(fd, begin, end, new Int32Array(claims));
    return addHelperSums(fd, begin, end, ownSum, answers);
  };
}

/**
 * Reads a plain FITS file `openFile` opened (the caller closes it): at once when it is small (no
 * promise, no await on the per-file path), and as a promise when it is large, read with the help of
 * other threads.
 */
export function readOpenPlainFits(
  path: string | Buffer,
  file: { fd: number; size: number },
  options: ReadOptions & { hash: boolean; threads?: number | undefined },
): FitsFile | Promise<FitsFile> {
  if (file.size < MIN_SPLIT_BYTES || !canUseHelpers()) return readOpenFits(file.fd, file.size, options);
  if (file.size >= LARGE_FILE_BYTES) return readLargeFits(path, file, options);
  // Below that size a SHA-256 is taken here, reading every byte anyway; without one, big data units
  // are summed on every core.
  if (options.hash) return readOpenFits(file.fd, file.size, options);
  return readSummedInParts(path, file, options, options.threads ?? availableParallelism());
}

/** Reads the file without a SHA-256, its big data units summed in parts on `threads` threads. */
function readSummedInParts(
  path: string | Buffer,
  file: { fd: number; size: number },
  options: ReadOptions,
  threads: number,
): FitsFile {
  return readOpenFits(file.fd, file.size, {
    ...options,
    hash: false,
    ...(threads > 1 ? { sumRange: splitSums(path, threads) } : {}),
  });
}

async function readLargeFits(
  path: string | Buffer,
  file: { fd: number; size: number },
  options: ReadOptions & { hash: boolean; threads?: number | undefined },
): Promise<FitsFile> {
  const digest = options.hash ? sha256Elsewhere(path) : undefined;
  // The cores left after the SHA-256 share the data sums.
  const threads = (options.threads ?? availableParallelism()) - (options.hash ? 1 : 0);
  const fits = readSummedInParts(path, file, options, threads);
  if (!digest) return fits;
  const sha256 = await digest;
  // A file the helper could not read is reported by the parse; the digest is then taken here.
  return { ...fits, sha256: sha256 ?? readOpenFits(file.fd, file.size, options).sha256 };
}
