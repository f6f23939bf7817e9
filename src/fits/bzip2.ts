/**
 * Streaming bzip2 decompression on seek-bzip: it decodes block by block from a byte source into a
 * byte sink, so memory stays at one block (under 4 MB) whatever the file's size. Chosen over
 * unbzip2-stream by measurement (docs/performance.md): 2.6 times faster, and on a 722-byte bomb
 * unbzip2-stream reached 3 GB of RSS, as it has no back-pressure within a block.
 */
import { createRequire } from 'node:module';
import type BunzipModule from 'seek-bzip';

/** seek-bzip, loaded with the first bzip2 file (a synchronous require: the reader is synchronous). */
let bunzip: typeof BunzipModule | undefined;
function seekBzip(): typeof BunzipModule {
  bunzip ??= createRequire(import.meta.url)('seek-bzip') as typeof BunzipModule;
  return bunzip;
}

/** `BZh` and a block-size digit. */
export function isBzip2(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x42 &&
    head[1] === 0x5a &&
    head[2] === 0x68 &&
    head[3]! >= 0x31 &&
    head[3]! <= 0x39
  );
}

/**
 * bzip2's ratio has no practical bound (a gigabyte of zeros compresses to 722 bytes), so a bomb of
 * a few kilobytes could cost minutes of CPU before `maxInflatedBytes` (8 GiB) stops it. Past
 * `RATIO_FLOOR` decompressed bytes, a stream that grew more than `MAX_RATIO` times is stopped too:
 * real FITS data this uniform (the demo mosaic compresses 3:1) would be a gigabyte of one value.
 */
export const MAX_RATIO = 10_000;
export const RATIO_FLOOR = 1024 * 1024 * 1024;

export interface Bzip2Outcome {
  /** Decompressed bytes handed to the sink. */
  inflated: number;
  /** Why decompression stopped early: the data is damaged, or a cap was reached. */
  stop?: { kind: 'corrupt'; message: string } | { kind: 'limit' | 'ratio'; message: string };
}

const OUTPUT_CHUNK = 1 << 20;

/** Thrown from the sink to stop seek-bzip at a cap; never escapes `inflateBzip2`. */
class Capped extends Error {}

/**
 * Decompresses the bzip2 stream(s) that `read` yields (it returns the next chunk of compressed
 * bytes, or undefined at the end) and hands the result to `write` in chunks of up to 1 MiB.
 * Stops at `limit` decompressed bytes, or past `RATIO_FLOOR` at `MAX_RATIO`. Never throws for bad
 * data: damage is reported in the outcome, with the bytes decompressed before it.
 */
export function inflateBzip2(
  read: () => Uint8Array | undefined,
  write: (chunk: Buffer) => void,
  limit: number,
  /** Where the ratio cap starts; lowered by tests only. */
  ratioFloor = RATIO_FLOOR,
): Bzip2Outcome {
  // Always a Buffer, so the byte loads in readByte see one kind of array (they run per byte).
  let input: Buffer = Buffer.alloc(0);
  let at = 0;
  let ended = false;
  let consumed = 0;
  const refill = (): boolean => {
    while (!ended && at >= input.length) {
      const next = read();
      if (next === undefined) ended = true;
      else {
        consumed += input.length;
        input = Buffer.isBuffer(next) ? next : Buffer.from(next.buffer, next.byteOffset, next.length);
        at = 0;
      }
    }
    return !ended || at < input.length;
  };
  const Bunzip = seekBzip();
  const source = new Bunzip.Stream();
  // Asked for a byte after the last: the stream may be cut short (a CRC error alone means damage).
  let pastEnd = false;
  source.readByte = () => {
    if (at < input.length || refill()) return input[at++]!;
    pastEnd = true;
    return -1;
  };
  // Tells seek-bzip whether another concatenated stream follows (pbzip2 writes one per chunk).
  source.eof = () => !(at < input.length || refill());

  const output = Buffer.allocUnsafe(OUTPUT_CHUNK);
  let filled = 0;
  let inflated = 0;
  let stop: Bzip2Outcome['stop'];
  /** Bytes the output buffer takes before the next flush: a chunk, or what is left below the limit. */
  let room = Math.min(OUTPUT_CHUNK, limit);
  const flush = () => {
    if (filled === 0) return;
    write(output.subarray(0, filled));
    inflated += filled;
    filled = 0;
    room = Math.min(OUTPUT_CHUNK, limit - inflated);
    if (inflated >= limit) {
      stop = {
        kind: 'limit',
        message: `the compressed file expands to more than ${limit} bytes; reading stopped there (raise the limit with --max-inflated-bytes)`,
      };
      throw new Capped();
    }
    if (inflated > ratioFloor && inflated > MAX_RATIO * (consumed + at)) {
      stop = {
        kind: 'ratio',
        message: `the bzip2 data expands more than ${MAX_RATIO} times (${inflated} bytes from ${consumed + at}): a decompression bomb, or data of one repeated value; reading stopped there`,
      };
      throw new Capped();
    }
  };
  const sink = new Bunzip.Stream();
  sink.writeByte = (byte: number) => {
    output[filled++] = byte;
    // The last chunk before the limit is cut so that exactly `limit` bytes are handed on.
    if (filled === room) flush();
  };
  try {
    Bunzip.decode(source, sink, true);
    flush();
  } catch (error) {
    if (!(error instanceof Capped)) {
      const corrupt = { kind: 'corrupt' as const, message: describeBzip2Error(error, pastEnd) };
      try {
        flush(); // what was decoded before the damage is still read
      } catch {
        // a cap reached by that last chunk is the stop reported
      }
      stop ??= corrupt;
    }
  }
  return stop ? { inflated, stop } : { inflated };
}

/** seek-bzip's messages ("Data error", "Not bzip data") made into a sentence a reader can act on. */
function describeBzip2Error(error: unknown, pastEnd: boolean): string {
  const text = error instanceof Error ? error.message : String(error);
  if (pastEnd) return `the bzip2 data is corrupt or cut short: it ends inside a block (${text})`;
  if (/not bzip data/i.test(text)) return `this is not bzip2 data: ${text}`;
  return `the bzip2 data is corrupt: ${text}`;
}
