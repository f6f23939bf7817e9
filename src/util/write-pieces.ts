import { once } from 'node:events';

/** Pieces are gathered up to about this many characters before each write. */
export const WRITE_CHUNK = 1 << 16;

/** Joins small pieces into writes of about `size` characters: a few large writes, never one of the whole. */
export function* gathered(pieces: Iterable<string>, size = WRITE_CHUNK): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join('');
}

/** What `writePieces` needs of a stream (process.stdout, a file stream, a test's fake). */
export interface PieceSink {
  write(chunk: string): boolean;
  once(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
}

/**
 * Writes a text in pieces, waiting for the stream to drain whenever it asks to: a report of any
 * size goes to a pipe or terminal without being held as one string, or queued whole in the stream.
 */
export async function writePieces(
  stream: PieceSink,
  pieces: Iterable<string>,
  size = WRITE_CHUNK,
): Promise<void> {
  for (const chunk of gathered(pieces, size)) {
    // `once` rejects if the stream fails meanwhile (EPIPE is handled where stdout is set up).
    if (!stream.write(chunk)) await once(stream as unknown as NodeJS.EventEmitter, 'drain');
  }
}
