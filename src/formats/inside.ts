/**
 * What a gzip-compressed file holds, from the compressed head alone: the head is inflated as far as it
 * goes and the result sniffed, so a `.csv.gz` of a PNG is caught without reading the whole file.
 */
import { constants, gunzipSync } from 'node:zlib';
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES, type SniffResult, sniffFormat } from './sniff.js';

/**
 * Sniffs the decompressed start of a gzip file from its first bytes (`head`) and its size on disk.
 * Undefined when the head is not gzip or does not inflate (a corrupt stream is the reader's to
 * report). Inflating a 4 KiB head yields at most about 4 MiB (deflate's ratio is bounded near 1032:1).
 */
export function sniffInsideGzip(head: Uint8Array, size: number): SniffResult | undefined {
  if (head[0] !== 0x1f || head[1] !== 0x8b) return undefined;
  const whole = head.length >= size;
  let content: Buffer;
  try {
    // A cut stream is inflated as far as it goes instead of failing at its missing end.
    content = gunzipSync(head, whole ? {} : { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return undefined;
  }
  if (!whole) {
    // The content goes on past what was inflated: its size and end are unknown.
    return sniffFormat(content.subarray(0, SNIFF_HEAD_BYTES), new Uint8Array(), Number.POSITIVE_INFINITY);
  }
  return sniffFormat(
    content.subarray(0, SNIFF_HEAD_BYTES),
    content.subarray(Math.max(0, content.length - SNIFF_TAIL_BYTES)),
    content.length,
  );
}
