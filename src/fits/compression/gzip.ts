/**
 * GZIP_1 and GZIP_2 tiles (FITS 4.0 §10.4.2, §10.4.3): a gzip (or zlib) stream of the tile's
 * big-endian pixel bytes; GZIP_2 first regroups the bytes by significance (every pixel's most
 * significant byte, then every pixel's next byte…), which gzip compresses better.
 */
import { unzipSync } from 'node:zlib';

export type InflateResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Inflates one tile into exactly `expectedBytes` bytes; zlib stops at that many, so a stream
 * that claims more cannot make us allocate more. `elementBytes` > 1 with `shuffled` undoes GZIP_2.
 */
export function inflateTile(
  input: Uint8Array,
  expectedBytes: number,
  options: { shuffled: boolean; elementBytes: number },
): InflateResult {
  if (expectedBytes === 0) return { ok: true, bytes: new Uint8Array(0) };
  let inflated: Buffer;
  try {
    inflated = unzipSync(input, { maxOutputLength: expectedBytes });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      return { ok: false, error: `the gzip stream expands to more than the tile's ${expectedBytes} bytes` };
    if (code === 'Z_BUF_ERROR') return { ok: false, error: 'the gzip stream is truncated' };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `the gzip stream is corrupt (${message})` };
  }
  if (inflated.length !== expectedBytes) {
    return {
      ok: false,
      error: `the gzip stream expands to ${inflated.length} bytes; the tile needs ${expectedBytes}`,
    };
  }
  const { shuffled, elementBytes } = options;
  if (!shuffled || elementBytes === 1) return { ok: true, bytes: inflated };
  return { ok: true, bytes: unshuffle(inflated, elementBytes) };
}

/** Undoes GZIP_2's grouping: byte k of element i sits at k·count + i. */
export function unshuffle(grouped: Uint8Array, elementBytes: number): Uint8Array {
  const count = grouped.length / elementBytes;
  const bytes = new Uint8Array(grouped.length);
  for (let k = 0; k < elementBytes; k++) {
    const from = k * count;
    for (let i = 0; i < count; i++) bytes[i * elementBytes + k] = grouped[from + i]!;
  }
  return bytes;
}
