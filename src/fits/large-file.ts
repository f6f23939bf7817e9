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

/** `answer`: Int32 state at byte 0 (0 working, 1 done, 2 failed), Float64 sum at byte 8. */
export type LargeFileTask =
  | { kind: 'sha256'; path: string | Uint8Array }
  | { kind: 'sum'; path: string | Uint8Array; start: number; end: number; answer: SharedArrayBuffer };

/** What a helper starts with: one task, or `serve`: stay, and run the tasks posted to it in turn. */
export type HelperStart = LargeFileTask | { kind: 'serve' };

export const SUM_DONE = 1;
export const SUM_FAILED = 2;

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
/** How long to wait for a helper's part, per byte, before summing it here instead. */
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

/** The ones'-complement sum of a word-aligned byte range of a file, read in 4 MiB chunks. */
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

/** A `sumRange` that sums big ranges in `threads` parts: this thread takes the first, helpers the rest. */
function splitSums(path: string | Buffer, threads: number): NonNullable<ReadOptions['sumRange']> {
  return (fd, begin, end) => {
    if (end - begin < MIN_SPLIT_BYTES) return undefined;
    const part = Math.ceil((end - begin) / threads / 4) * 4;
    const helpers: { start: number; end: number; answer: SharedArrayBuffer }[] = [];
    for (let from = begin + part; from < end; from += part) {
      const task = { start: from, end: Math.min(from + part, end), answer: new SharedArrayBuffer(16) };
      sumHelper(helpers.length).postMessage({ kind: 'sum', path, ...task } satisfies LargeFileTask);
      helpers.push(task);
    }
    let sum = sumRange(fd, begin, Math.min(begin + part, end));
    for (const helper of helpers) {
      const state = new Int32Array(helper.answer, 0, 1);
      Atomics.wait(state, 0, 0, 1000 + (helper.end - helper.start) * WAIT_MS_PER_BYTE);
      const done = Atomics.load(state, 0) === SUM_DONE;
      sum = combineSums(
        sum,
        done ? new Float64Array(helper.answer, 8, 1)[0]! : sumRange(fd, helper.start, helper.end),
      );
    }
    return sum;
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
