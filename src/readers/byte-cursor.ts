/**
 * A cursor that streams a file's bytes (gunzipped when the file is gzip) in small steps, for the
 * readers that walk a binary file in order (PNG, JPEG, GIF, ASDF), with what those readers share:
 * a problem list with a cap and the image readers' pixel caps.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ContentProblem, ReadContent } from '../types.js';
import { CappedProblems } from './problem-list.js';
import type { ContentLimits, ContentSource } from './types.js';

export interface ImageCaps {
  /**
   * Pixels (width × height) an image may claim. Checked on the header, before anything is
   * inflated or allocated; a larger claim is a finding and the image is not decoded.
   */
  maxPixels: number;
  /** Pixels of a JPEG that jpeg-js decodes; it holds the whole image in memory, so this is lower. */
  maxDecodedJpegPixels: number;
  /** Memory jpeg-js may use while decoding, in MB (its own cap, checked before each allocation). */
  maxJpegMemoryMB: number;
  /** Bytes of a JPEG file kept in memory for the decode; a larger file is walked but not decoded. */
  maxJpegFileBytes: number;
}

export const DEFAULT_IMAGE_CAPS: ImageCaps = {
  maxPixels: 2 ** 28,
  maxDecodedJpegPixels: 2 ** 26,
  maxJpegMemoryMB: 1024,
  maxJpegFileBytes: 256 * 1024 * 1024,
};

/** `268,435,456` — big numbers in messages are easier to read grouped. */
export function grouped(value: number): string {
  return value.toLocaleString('en-US');
}

/** Problems of an image or ASDF file, capped; the last says how many more there were. */
export class ProblemList extends CappedProblems {
  constructor(max: number) {
    super(max, (dropped) => ({
      code: 'too-many-problems',
      message: `${grouped(dropped)} more problems were not listed`,
    }));
  }
}

/** Why a cursor stopped early, other than the end of the file. */
export type CursorFailure =
  | { code: 'read-error'; message: string }
  | { code: 'gzip-error'; message: string }
  | { code: 'inflated-too-large'; message: string };

/**
 * Streams a file's bytes in order. Reads never hold more than one chunk of the file (64 KiB) plus
 * what the caller asked for; `pass` hands bytes on without keeping them.
 */
export class ByteCursor {
  /** Bytes consumed so far: the offset, in the (uncompressed) content, of the next byte. */
  position = 0;
  failure: CursorFailure | undefined;
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;
  private ended = false;
  /** When set, every byte consumed is also kept here (up to `keepLimit` bytes; then dropped). */
  private kept: Buffer[] | undefined;
  private keptBytes = 0;
  private keepLimit = 0;

  constructor(
    private readonly iterator: AsyncIterator<Buffer>,
    private readonly stream: Readable,
    private readonly onEnd: () => CursorFailure | undefined = () => undefined,
  ) {}

  /** Keeps the bytes consumed from now on, up to `limit` bytes; `keptBytes()` returns them. */
  keep(limit: number): void {
    this.kept = [];
    this.keepLimit = limit;
  }

  /** The bytes kept since `keep`, or undefined when they went beyond its limit. */
  keptContent(): Buffer | undefined {
    return this.kept ? Buffer.concat(this.kept) : undefined;
  }

  private consume(bytes: Buffer): void {
    this.position += bytes.length;
    if (!this.kept) return;
    this.keptBytes += bytes.length;
    if (this.keptBytes > this.keepLimit) this.kept = undefined;
    else this.kept.push(Buffer.from(bytes));
  }

  /** Makes the current chunk non-empty; false at the end of the file (or after a failure). */
  private async fill(): Promise<boolean> {
    while (this.at >= this.chunk.length) {
      if (this.ended) return false;
      try {
        const next = await this.iterator.next();
        if (next.done) {
          this.ended = true;
          this.failure ??= this.onEnd();
          return false;
        }
        this.chunk = next.value;
        this.at = 0;
      } catch (error) {
        this.ended = true;
        this.failure ??= describeFailure(error);
        return false;
      }
    }
    return true;
  }

  /** Up to `count` bytes (fewer only at the end of the file). Keep `count` small: it is allocated. */
  async read(count: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let wanted = count;
    while (wanted > 0 && (await this.fill())) {
      const take = Math.min(wanted, this.chunk.length - this.at);
      const part = this.chunk.subarray(this.at, this.at + take);
      this.at += take;
      wanted -= take;
      this.consume(part);
      parts.push(part);
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  /** One byte, or -1 at the end of the file. */
  async byte(): Promise<number> {
    if (!(await this.fill())) return -1;
    const value = this.chunk[this.at++]!;
    this.consume(this.chunk.subarray(this.at - 1, this.at));
    return value;
  }

  /**
   * Consumes up to `count` bytes, handing them to `sink` piece by piece without keeping them;
   * returns how many there were (fewer than `count` only at the end of the file).
   */
  async pass(count: number, sink?: (bytes: Buffer) => void | Promise<void>): Promise<number> {
    let passed = 0;
    while (passed < count && (await this.fill())) {
      const take = Math.min(count - passed, this.chunk.length - this.at);
      const part = this.chunk.subarray(this.at, this.at + take);
      this.at += take;
      passed += take;
      this.consume(part);
      if (sink) await sink(part);
    }
    return passed;
  }

  /**
   * Consumes bytes up to the first `0xFF` followed by a byte that `isMarker` accepts, and returns
   * that byte (the marker's code, consumed with its 0xFF), or -1 when the file ends first.
   */
  async passToMarker(isMarker: (code: number) => boolean): Promise<number> {
    let pendingFF = false;
    while (await this.fill()) {
      const { chunk } = this;
      let index = this.at;
      if (pendingFF) {
        const code = chunk[index]!;
        this.at = index + 1;
        this.consume(chunk.subarray(index, index + 1));
        if (isMarker(code)) return code;
        pendingFF = code === 0xff;
        continue;
      }
      index = chunk.indexOf(0xff, this.at);
      if (index < 0) {
        this.consume(chunk.subarray(this.at));
        this.at = chunk.length;
        continue;
      }
      this.consume(chunk.subarray(this.at, index + 1));
      this.at = index + 1;
      pendingFF = true;
    }
    return -1;
  }

  /** Bytes left after the cursor, counted without keeping them. */
  async rest(): Promise<number> {
    return this.pass(Number.POSITIVE_INFINITY);
  }

  close(): void {
    this.stream.destroy();
  }
}

function describeFailure(error: unknown): CursorFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const text = error instanceof Error ? error.message : String(error);
  if (code?.startsWith('Z_')) return { code: 'gzip-error', message: `the gzip data is damaged (${text})` };
  return { code: 'read-error', message: `the file could not be read (${code ?? text})` };
}

/** A cursor over a file's content: its bytes, or what they inflate to when the file is gzip. */
export function openCursor(source: ContentSource, limits: ContentLimits): ByteCursor {
  const file = createReadStream(source.path, { highWaterMark: 64 * 1024 });
  if (!source.gzip) return new ByteCursor(file[Symbol.asyncIterator](), file);
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  file.pipe(gunzip);
  const state = { overflow: false };
  return new ByteCursor(upTo(gunzip, limits.maxInflatedBytes, state), gunzip, () =>
    state.overflow
      ? {
          code: 'inflated-too-large',
          message: `the gzip data inflates to more than ${grouped(limits.maxInflatedBytes)} bytes; reading stopped there`,
        }
      : undefined,
  );
}

/** The stream's first `max` bytes; `state.overflow` tells whether there were more. */
async function* upTo(stream: Readable, max: number, state: { overflow: boolean }): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) {
      state.overflow = true;
      yield chunk.subarray(0, chunk.length - (total - max));
      return;
    }
    yield chunk;
  }
}

/** The problem that a cursor's failure becomes, if it failed. */
export function cursorProblem(cursor: ByteCursor): ContentProblem | undefined {
  const failure = cursor.failure;
  if (!failure) return undefined;
  return { code: failure.code, message: failure.message, offset: cursor.position };
}

/** Reads one file: opens a cursor on it, lets `walk` read it, and closes it whatever happens. */
export async function readThroughCursor(
  source: ContentSource,
  limits: ContentLimits,
  walk: (cursor: ByteCursor) => Promise<ReadContent>,
): Promise<ReadContent> {
  const cursor = openCursor(source, limits);
  try {
    return await walk(cursor);
  } finally {
    cursor.close();
  }
}

/**
 * The end of an image's walk: a read failure of the cursor, reported once (`lost` says whether the
 * walk already lost its footing), and, when the format's end marker was met, the bytes after it.
 * Returns whether the walk is lost.
 */
export async function closeWalk(
  cursor: ByteCursor,
  problems: ProblemList,
  lost: boolean,
  end: { met: boolean; marker: string },
): Promise<boolean> {
  const failure = cursorProblem(cursor);
  if (failure && !lost) {
    problems.add(failure);
    lost = true;
  }
  if (end.met) {
    const after = cursor.position;
    const trailing = await cursor.rest();
    if (trailing > 0)
      problems.add({
        code: 'trailing-bytes',
        message: `${grouped(trailing)} bytes follow ${end.marker}`,
        offset: after,
      });
  }
  return lost;
}
