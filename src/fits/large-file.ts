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

export const SUM_DONE = 1;
export const SUM_FAILED = 2;

const configured = Number(process.env.HLSP_LARGE_FILE_BYTES);
/**
 * From this size a plain file gets helper threads. A helper costs 30 ms to start on an idle core and
 * up to 200 ms on a busy one (measured on 2 cores): at 200 MB a run with helpers was no faster, at
 * 1 GB about as fast on 2 cores (docs/performance.md); they pay where cores are idle.
 */
const LARGE_FILE_BYTES = Number.isFinite(configured) && configured > 0 ? configured : 512 * 1024 * 1024;
/** A data unit is summed in parts only from this size (the same: `HLSP_LARGE_FILE_BYTES` tunes both). */
const MIN_SPLIT_BYTES = LARGE_FILE_BYTES;
/** How long to wait for a helper's part, per byte, before summing it here instead. */
const WAIT_MS_PER_BYTE = 1 / 50_000; // 20 s per GB: a helper at 50 MB/s is broken, not slow

const workerUrl = new URL('./large-file-worker.js', import.meta.url);

function start(task: LargeFileTask): Worker {
  return new Worker(workerUrl, { workerData: task });
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
      start({ kind: 'sum', path, ...task });
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
  // Compiled code only: under a TypeScript test runner the worker file does not exist.
  if (file.size >= LARGE_FILE_BYTES && existsSync(fileURLToPath(workerUrl)))
    return readLargeFits(path, file, options);
  return readOpenFits(file.fd, file.size, options);
}

async function readLargeFits(
  path: string | Buffer,
  file: { fd: number; size: number },
  options: ReadOptions & { hash: boolean; threads?: number | undefined },
): Promise<FitsFile> {
  const digest = options.hash ? sha256Elsewhere(path) : undefined;
  // The cores left after the SHA-256 share the data sums.
  const threads = (options.threads ?? availableParallelism()) - (options.hash ? 1 : 0);
  const fits = readOpenFits(file.fd, file.size, {
    ...options,
    hash: false,
    ...(threads > 1 ? { sumRange: splitSums(path, threads) } : {}),
  });
  if (!digest) return fits;
  const sha256 = await digest;
  // A file the helper could not read is reported by the parse; the digest is then taken here.
  return { ...fits, sha256: sha256 ?? readOpenFits(file.fd, file.size, options).sha256 };
}
