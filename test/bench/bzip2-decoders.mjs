/**
 * Measures the two bzip2 decoders on one file: throughput, peak RSS, and the decompressed bytes'
 * SHA-256 (to compare with `bzip2 -dc file | sha256sum`). docs/performance.md has the figures.
 *
 *   node test/bench/bzip2-decoders.mjs seek-bzip|unbzip2-stream file.bz2
 *
 * unbzip2-stream lost the comparison and is not a dependency: `npm install --no-save unbzip2-stream`
 * first to measure it again.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [decoder, path] = process.argv.slice(2);
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const digest = createHash('sha256');
let bytes = 0;
const started = process.hrtime.bigint();

async function viaSeekBzip() {
  const Bunzip = require('seek-bzip');
  const fd = openSync(path, 'r');
  const input = Buffer.allocUnsafe(1 << 20);
  let filled = 0;
  let at = 0;
  let ended = false;
  const refill = () => {
    filled = readSync(fd, input, 0, input.length, null);
    at = 0;
    if (filled <= 0) ended = true;
  };
  const out = Buffer.allocUnsafe(1 << 20);
  let outAt = 0;
  const flush = () => {
    digest.update(out.subarray(0, outAt));
    bytes += outAt;
    outAt = 0;
  };
  const inputStream = new Bunzip.Stream();
  inputStream.readByte = () => {
    if (at >= filled) refill();
    return ended ? -1 : input[at++];
  };
  inputStream.eof = () => {
    if (at >= filled && !ended) refill();
    return ended;
  };
  const outputStream = new Bunzip.Stream();
  outputStream.writeByte = (byte) => {
    out[outAt++] = byte;
    if (outAt === out.length) flush();
  };
  // A synchronous decoder starves the interval sampler: RSS is sampled in digest.update too.
  Bunzip.decode(inputStream, outputStream, true);
  flush();
  closeSync(fd);
}

async function viaUnbzip2Stream() {
  const unbzip2 = require('unbzip2-stream');
  // A `through` stream: not async-iterable, so read by events.
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(unbzip2());
  await new Promise((resolve, reject) => {
    stream.on('data', (chunk) => {
      digest.update(chunk);
      bytes += chunk.length;
    });
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}

const originalUpdate = digest.update.bind(digest);
digest.update = (chunk) => {
  peak = Math.max(peak, process.memoryUsage().rss);
  return originalUpdate(chunk);
};
try {
  await (decoder === 'seek-bzip' ? viaSeekBzip() : viaUnbzip2Stream());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    JSON.stringify({
      decoder,
      bytes,
      seconds: +seconds.toFixed(2),
      mbPerSecond: +(bytes / 1e6 / seconds).toFixed(1),
      peakRssMb: Math.round(peak / 1e6),
      sha256: digest.digest('hex'),
    }),
  );
} catch (error) {
  console.log(JSON.stringify({ decoder, error: String(error?.message ?? error), bytes }));
} finally {
  clearInterval(sample);
}
