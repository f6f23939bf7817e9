/**
 * A thread that reads a large file beside the thread checking it: the file's SHA-256 (answered by
 * message), or the ones'-complement sum of a word-aligned range of a data unit (answered through
 * shared memory, since the checking thread waits for it synchronously).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { type HelperStart, type LargeFileTask, SUM_DONE, SUM_FAILED, sumRange } from './large-file.js';

const CHUNK = 4 << 20;

function run(task: LargeFileTask): void {
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
    new Float64Array(task.answer, 8, 1)[0] = sumRange(fd, task.start, task.end);
    settle(task, SUM_DONE);
  } catch (error) {
    if (task.kind === 'sum') settle(task, SUM_FAILED);
    else parentPort!.postMessage({ error: (error as Error).message });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function settle(task: { answer: SharedArrayBuffer }, state: number): void {
  const flag = new Int32Array(task.answer, 0, 1);
  Atomics.store(flag, 0, state);
  Atomics.notify(flag, 0);
}

const task = workerData as HelperStart;
if (task.kind === 'serve') parentPort!.on('message', (next: LargeFileTask) => run(next));
else run(task);
