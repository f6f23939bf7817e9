import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, type PathLike, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { inflateBzip2, isBzip2 } from './bzip2.js';
import { FitsParser, type ParserOptions } from './parser.js';
import type { FitsFile } from './types.js';
import { DEFAULT_LIMITS } from './types.js';
import { READ_BYTES, readBuffer } from './wasm/ones-sum.js';

const CHUNK = 1 << 20;
const GZIP_MAGIC = [0x1f, 0x8b];

export interface ReadOptions extends ParserOptions {
  /** Compute the SHA-256 of the stored file (reads every byte). Default true. */
  hash?: boolean;
  /**
   * Offered each word-aligned range of data that is only summed for DATASUM (without `hash`): it may
   * return the range's ones'-complement sum, computed its own way (on several threads), or decline.
   */
  sumRange?: (fd: number, start: number, end: number) => number | undefined;
}

/** True when the first bytes are gzip's magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** A file's size and modification time, to tell whether it changed while it was read. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
}

/** An open file's descriptor, size and modification time, or why it could not be opened. */
export type OpenedFile = { fd: number; size: number; mtimeMs: number } | { error: unknown };

export function openFile(path: PathLike): OpenedFile {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size, mtimeMs } = fstatSync(fd);
    return { fd, size, mtimeMs };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    return { error };
  }
}

/** What a file that could not be opened reads as: an `io-error` problem, no HDUs. */
export function unreadableFits(error: unknown): FitsFile {
  return {
    size: 0,
    compressed: false,
    hdus: [],
    problems: [{ code: 'io-error', hdu: null, offset: 0, message: describeIoError(error) }],
    trailingBytes: 0,
  };
}

/**
 * Reads a plain FITS file synchronously in 1 MiB chunks. Data no check needs is skipped without
 * reading when hashing is off. I/O errors become an `io-error` problem, never an exception.
 */
export function readFitsFileSync(path: PathLike, options: ReadOptions = {}): FitsFile {
  const file = openFile(path);
  return 'error' in file ? unreadableFits(file.error) : readAndClose(file, options);
}

/** `readOpenFits` on a file `openFile` opened, which it then closes. */
export function readAndClose(file: { fd: number; size: number }, options: ReadOptions = {}): FitsFile {
  try {
    return readOpenFits(file.fd, file.size, options);
  } finally {
    closeSync(file.fd);
  }
}

/** The version of an open file (by descriptor) or of a path; undefined when it cannot be had. */
export function fileVersion(file: number | PathLike): FileVersion | undefined {
  try {
    const { size, mtimeMs } = typeof file === 'number' ? fstatSync(file) : statSync(file);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

/** `readFitsFileSync` on a file already open (the caller closes it). */
export function readOpenFits(fd: number, size: number, options: ReadOptions = {}): FitsFile {
  const parser = new FitsParser(options);
  const hash = options.hash === false ? undefined : createHash('sha256');
  try {
    // Page-aligned, and where the SIMD checksum reads: src/fits/wasm/ones-sum.ts.
    const buffer = readBuffer();
    let position = 0;
    while (position < size) {
      const skippable = hash ? 0 : Math.min(parser.skippable(), size - position);
      if (skippable > 0) {
        parser.skip(skippable);
        position += skippable;
        continue;
      }
      const summable = hash || !options.sumRange ? 0 : Math.min(parser.summable(), size - position);
      const end = position + summable - (summable % 4);
      const sum = end > position ? options.sumRange!(fd, position, end) : undefined;
      if (sum !== undefined) {
        parser.skipSummed(end - position, sum);
        position = end;
        continue;
      }
      const read = readSync(fd, buffer, 0, Math.min(READ_BYTES, size - position), position);
      if (read <= 0) break;
      const chunk = buffer.subarray(0, read);
      hash?.update(chunk);
      parser.push(chunk);
      position += read;
    }
    const walked = parser.end();
    return {
      size: walked.size,
      compressed: false,
      storedSize: size,
      hdus: walked.hdus,
      problems: walked.problems,
      trailingBytes: walked.trailingBytes,
      sha256: hash?.digest('hex'),
    };
  } catch (error) {
    const result = parser.end();
    result.problems.push({ code: 'io-error', hdu: null, offset: 0, message: describeIoError(error) });
    return { ...result, compressed: false, storedSize: size };
  }
}

/**
 * Streams a gzip-compressed FITS file through zlib with constant memory. Decompression stops at
 * `limits.maxInflatedBytes` with an `inflate-limit` problem, so a small bomb cannot fill memory or disk.
 */
export async function readGzipFits(path: PathLike, options: ReadOptions = {}): Promise<FitsFile> {
  const parser = new FitsParser(options);
  const limit = options.limits?.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes;
  const hash = options.hash === false ? undefined : createHash('sha256');
  const source = createReadStream(path, { highWaterMark: CHUNK });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  if (hash) source.on('data', (chunk) => hash.update(chunk as Buffer));
  source.pipe(gunzip);
  let inflated = 0;
  let failure: string | undefined;
  let limited = false;
  source.on('error', (error) => gunzip.destroy(error));
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const room = limit - inflated;
      if (chunk.length > room) {
        parser.push(chunk.subarray(0, room));
        inflated = limit;
        limited = true;
        break;
      }
      parser.push(chunk);
      inflated += chunk.length;
    }
  } catch (error) {
    failure = describeIoError(error);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  const result = parser.end(Boolean(limited || failure));
  if (limited || failure) dropCutShort(result.problems);
  if (limited) {
    result.problems.push({
      code: 'inflate-limit',
      hdu: null,
      offset: inflated,
      message: `the compressed file expands to more than ${limit} bytes; reading stopped there (raise the limit with --max-inflated-bytes)`,
    });
  }
  if (failure) result.problems.push({ code: 'gzip-error', hdu: null, offset: inflated, message: failure });
  const file: FitsFile = { ...result, compressed: true };
  if (hash && !limited && !failure) file.sha256 = hash.digest('hex');
  return file;
}

/**
 * Reads a bzip2-compressed FITS file as `readGzipFits` reads gzip: decompressed in a stream into the
 * parser, with the same `maxInflatedBytes` cap (and a ratio cap, src/fits/bzip2.ts). The decoder is
 * synchronous, so the file is read with `readSync`, 1 MiB at a time.
 */
export function readBzip2Fits(path: PathLike, options: ReadOptions = {}): FitsFile {
  const file = openFile(path);
  if ('error' in file) return unreadableFits(file.error);
  const parser = new FitsParser(options);
  const limit = options.limits?.maxInflatedBytes ?? DEFAULT_LIMITS.maxInflatedBytes;
  const hash = options.hash === false ? undefined : createHash('sha256');
  let ioError: unknown;
  let outcome: ReturnType<typeof inflateBzip2>;
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = 0;
    outcome = inflateBzip2(
      () => {
        if (position >= file.size) return undefined;
        try {
          const read = readSync(file.fd, buffer, 0, Math.min(CHUNK, file.size - position), position);
          if (read <= 0) return undefined;
          position += read;
          hash?.update(buffer.subarray(0, read));
          return buffer.subarray(0, read);
        } catch (error) {
          ioError = error;
          return undefined;
        }
      },
      (chunk) => parser.push(chunk),
      limit,
    );
  } finally {
    closeSync(file.fd);
  }
  const { inflated, stop } = outcome;
  const result = parser.end(Boolean(stop) || ioError !== undefined);
  if (stop || ioError !== undefined) dropCutShort(result.problems);
  if (ioError !== undefined)
    result.problems.push({
      code: 'io-error',
      hdu: null,
      offset: inflated,
      message: describeIoError(ioError),
    });
  else if (stop?.kind === 'corrupt')
    result.problems.push({ code: 'bzip2-error', hdu: null, offset: inflated, message: stop.message });
  else if (stop)
    result.problems.push({ code: 'inflate-limit', hdu: null, offset: inflated, message: stop.message });
  const fits: FitsFile = { ...result, compressed: true, storedSize: file.size };
  if (hash && !stop && ioError === undefined) fits.sha256 = hash.digest('hex');
  return fits;
}

/**
 * When decompression stopped early, the parser saw a stream cut short and says so; that is the same
 * defect as the stop itself, which is reported instead (one defect, one finding).
 */
function dropCutShort(problems: FitsFile['problems']): void {
  const kept = problems.filter((problem) => !CUT_SHORT.has(problem.code));
  problems.splice(0, problems.length, ...kept);
}

const CUT_SHORT = new Set(['data-truncated', 'header-truncated', 'no-end']);

/** Reads a FITS file, plain, gzip or bzip2 (by magic number, not by name). */
export async function readFits(path: PathLike, options: ReadOptions = {}): Promise<FitsFile> {
  const head = readHead(path);
  if (isGzip(head)) return readGzipFits(path, options);
  if (isBzip2(head)) return readBzip2Fits(path, options);
  return readFitsFileSync(path, options);
}

/** The first 4 bytes, enough for the gzip and bzip2 magic numbers; none when unreadable. */
function readHead(path: PathLike): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return head.subarray(0, readSync(fd, head, 0, 4, 0));
  } catch {
    return new Uint8Array(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function describeIoError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const messages: Record<string, string> = {
      EACCES: 'permission denied: the file cannot be read',
      EISDIR: 'this is a directory, not a file',
      ENOENT: 'the file disappeared while it was being checked',
      Z_DATA_ERROR: 'the gzip data is corrupt',
      Z_BUF_ERROR: 'the gzip stream is truncated',
    };
    if (messages[code]) return messages[code]!;
    return `${code}: ${(error as { message?: string }).message ?? 'read failed'}`;
  }
  return error instanceof Error ? error.message : String(error);
}
