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

/** A write under way to a temp file beside its target, registered so that an interrupt removes it. */
class TempWrite {
  readonly temp: string;
  readonly fd: number;
  private open = true;
  private committed = false;

  constructor(private readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    pending.add(this.temp);
    try {
      this.fd = openSync(this.temp, 'w', 0o644);
    } catch (error) {
      pending.delete(this.temp);
      throw error;
    }
  }

  /** Makes the written bytes the target's: synced, closed, then renamed over it. */
  commit(): void {
    fsyncSync(this.fd);
    this.close();
    renameSync(this.temp, this.path);
    this.committed = true;
  }

  /** Ends the write; a write that was not committed leaves no temp file behind. */
  release(): void {
    if (this.open) this.close();
    if (!this.committed) rmSync(this.temp, { force: true });
    pending.delete(this.temp);
  }

  private close(): void {
    this.open = false;
    closeSync(this.fd);
  }
}

/**
 * Writes a file atomically: a temp file beside it, then a rename, so readers never see half a file.
 * The content may come in pieces, so that a large report need not be one string in memory.
 */
export function writeFileAtomic(path: string, content: string | Iterable<string>): void {
  const write = new TempWrite(path);
  try {
    if (typeof content === 'string') writeSync(write.fd, content);
    else for (const chunk of gathered(content)) writeSync(write.fd, chunk);
    write.commit();
  } finally {
    write.release();
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `writeFileAtomic` for a large report in pieces: between writes it gives the event loop a turn,
 * so that Ctrl-C during a long write is heard, and removes the partial file, at once.
 */
export async function writeFileAtomicInPieces(path: string, pieces: Iterable<string>): Promise<void> {
  const write = new TempWrite(path);
  try {
    for (const chunk of gathered(pieces)) {
      writeSync(write.fd, chunk);
      await nextTurn();
    }
    write.commit();
  } finally {
    write.release();
  }
}
