/** A thread that computes one file's SHA-256, so that a large file is hashed while it is parsed. */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const CHUNK = 4 << 20;
// Byte paths (names that are not UTF-8) arrive as plain Uint8Arrays; fs wants a Buffer.
const { path } = workerData as { path: string | Uint8Array };
let fd: number | undefined;
try {
  fd = openSync(typeof path === 'string' ? path : Buffer.from(path), 'r');
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null))
    hash.update(buffer.subarray(0, read));
  parentPort!.postMessage({ sha256: hash.digest('hex') });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
} finally {
  if (fd !== undefined) closeSync(fd);
}
