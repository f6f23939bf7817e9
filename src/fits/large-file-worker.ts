/**
 * A thread that reads a large file beside the thread checking it: the file's SHA-256 (answered by
 * message), or its share of the ones'-complement sum of a data unit: the chunks it claims before the
 * checking thread does (answered through shared memory, since that thread waits synchronously).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import {
  type HelperStart,
  type LargeFileTask,
  SUM_DONE,
  SUM_FAILED,
  SUM_WAITING,
  SUM_WORKING,
  sumClaimedChunks,
} from './large-file.js';

const CHUNK = 4 << 20;

function run(task: LargeFileTask): void {
  // A sum task whose chunks were all taken before this helper came to it is left alone.
  if (task.kind === 'sum' && !begin(task)) return;
  let fd: number | undefined;
  try {
    // Byte paths (names that are not UTF-8) arrive as plain Uint8Arrays; fs wants a Buffer.
    fd = openSync(typeof task.path === 'string' ? task.path : Buffer.from(task.path), 'r');
    if (task.kind === 'sha256') {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const hash = createHash('sha256');
      for (
        let read = readSync(fd, buffer, 0, CHUNK, null);
        read > 0;
        read = readSync(fd, buffer, 0, CHUNK, null)
      )
        hash.update(buffer.subarray(0, read));
      parentPort!.postMessage({ sha256: hash.digest('hex') });
      return;
    }
    const claims = new Int32Array(task.claims);
    new Float64Array(task.answer, 8, 1)[0] = sumClaimedChunks(fd, task.start, task.end, claims);
    settle(task, SUM_DONE);
  } catch (error) {
    if (task.kind === 'sum') settle(task, SUM_FAILED);
    else parentPort!.postMessage({ error: (error as Error).message });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function begin(task: { answer: SharedArrayBuffer }): boolean {
  const state = new Int32Array(task.answer, 0, 1);
  return Atomics.compareExchange(state, 0, SUM_WAITING, SUM_WORKING) === SUM_WAITING;
}

function settle(task: { answer: SharedArrayBuffer }, state: number): void {
  const flag = new Int32Array(task.answer, 0, 1);
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
}

const task = workerData as HelperStart;
if (task.kind === 'serve') parentPort!.on('message', (next: LargeFileTask) => run(next));
else run(task);
