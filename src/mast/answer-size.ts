/** MAST answers are read up to a size cap, so a runaway or hostile answer cannot exhaust memory. */

/** The default cap: far above a 5,000-row page of CAOM rows (a few MB), far below what would hurt. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** An answer that went past the cap; what was read of it is dropped. */
export class AnswerTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`MAST answer exceeded ${describeBytes(maxBytes)}`);
  }
}

/** A byte count as people write limits: 64 MB, 512 KB, or exact bytes. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** The parts of a response body this needs: its chunks, and a way to stop the transfer. */
export interface StreamedBody extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Reads a body into one buffer, but never more than `maxBytes`: a declared Content-Length over the
 * cap is refused before reading, and a stream that runs past it is cancelled (the connection is
 * closed rather than drained), so memory never grows with what the server chooses to send.
 */
export async function readCappedBody(
  body: StreamedBody,
  maxBytes: number,
  declaredLength?: string | string[],
): Promise<Buffer> {
  const declared = Number(Array.isArray(declaredLength) ? declaredLength[0] : declaredLength);
  if (Number.isFinite(declared) && declared > maxBytes) throw cancel(body, maxBytes);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.byteLength;
    if (length > maxBytes) throw cancel(body, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

function cancel(body: StreamedBody, maxBytes: number): AnswerTooLarge {
  // Destroying reports an abort on the stream; nobody waits for it, so it must not go unhandled.
  body.on('error', () => {});
  body.destroy();
  return new AnswerTooLarge(maxBytes);
}
