/**
 * Byte ranges of a Parquet file on disk, read on demand through a file handle: hyparquet's
 * AsyncBuffer shape (`byteLength`, `slice(start, end)`), so that no more of the file than one
 * footer or one page is ever in memory.
 */
import type { FileHandle } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';

/** A range the file does not hold, or one larger than the reader allows itself to allocate. */
export class RangeRefused extends Error {}

/** An AsyncBuffer over an open file; `maxBytes` caps one slice. */
export function fileBuffer(handle: FileHandle, size: number, maxBytes: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const bytes = await readRange(handle, size, start, end, maxBytes);
      // A fresh buffer of exactly this range: hyparquet views it from byte 0.
      return bytes.buffer as ArrayBuffer;
    },
  };
}

/** Reads [start, end) of the file into a new buffer of that length, or refuses the range. */
export async function readRange(
  handle: FileHandle,
  size: number,
  start: number,
  end: number,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > size)
    throw new RangeRefused(`bytes ${start}–${end} are not inside the file of ${size} bytes`);
  const length = end - start;
  if (length > maxBytes) throw new RangeRefused(`${length} bytes are more than the ${maxBytes} read at once`);
  const bytes = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(bytes, filled, length - filled, start + filled);
    // The file shrank while it was read: what is missing reads as a range the file does not hold.
    if (bytesRead === 0) throw new RangeRefused(`the file ended at byte ${start + filled} while it was read`);
    filled += bytesRead;
  }
  return bytes;
}
