import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now: what an interrupted run must remove (src/cli/interrupt.ts). */
const pending = new Set<string>();

/** Removes the temporary files of writes under way, so that an interrupted run leaves no partial output. */
export function removePartialWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/** Pieces are gathered up to this size before each write. */
const WRITE_CHUNK = 1 << 20;

/**
 * Writes a file atomically: a temp file beside it, then a rename, so readers never see half a file.
 * The content may come in pieces, so that a large report need not be one string in memory.
 */
export function writeFileAtomic(path: string, content: string | Iterable<string>): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  pending.add(temp);
  try {
    const fd = openSync(temp, 'w', 0o644);
    try {
      if (typeof content === 'string') writeSync(fd, content);
      else {
        let pending = '';
        for (const piece of content) {
          pending += piece;
          if (pending.length >= WRITE_CHUNK) {
            writeSync(fd, pending);
            pending = '';
          }
        }
        if (pending) writeSync(fd, pending);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}
