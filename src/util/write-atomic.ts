import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gathered } from './write-pieces.js';

/** Temporary files being written now: what an interrupted run must remove (src/cli/interrupt.ts). */
const pending = new Set<string>();

/** Removes the temporary files of writes under way, so that an interrupted run leaves no partial output. */
export function removePartialWrites(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

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
      else for (const chunk of gathered(content)) writeSync(fd, chunk);
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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `writeFileAtomic` for a large report in pieces: between writes it gives the event loop a turn,
 * so that Ctrl-C during a long write is heard, and removes the partial file, at once.
 */
export async function writeFileAtomicInPieces(path: string, pieces: Iterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  pending.add(temp);
  try {
    const fd = openSync(temp, 'w', 0o644);
    try {
      for (const chunk of gathered(pieces)) {
        writeSync(fd, chunk);
        await nextTurn();
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
