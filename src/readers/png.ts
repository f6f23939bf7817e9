/**
 * The PNG reader: walks the chunks (length, type, data, CRC) as a stream, checks every CRC, the
 * order of the critical chunks, and that the image data (IDAT) inflates to exactly the bytes its
 * IHDR implies. The inflated bytes are counted and dropped, never kept: a PNG costs a 64 KiB read
 * buffer and zlib's window, whatever its size. Our own walker rather than pngjs: pngjs decodes
 * into a buffer the size of the image (4 bytes a pixel) and has no pixel cap.
 */
import { createInflate, type Inflate } from 'node:zlib';
import type { ContentProblem, ReadContent } from '../types.js';
import {
  type ByteCursor,
  closeWalk,
  cursorProblem,
  DEFAULT_IMAGE_CAPS,
  grouped,
  type ImageCaps,
  ProblemList,
  readThroughCursor,
} from './byte-cursor.js';
import type { ContentLimits, ContentReader, ContentSource } from './types.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_CHUNK_LENGTH = 2 ** 31 - 1;
const CRITICAL_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Bit depths allowed for each colour type (PNG specification, table 11.1). */
const BIT_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const COLOUR_NAMES: Record<number, string> = {
  0: 'greyscale',
  2: 'RGB',
  3: 'indexed-colour',
  4: 'greyscale with alpha',
  6: 'RGBA',
};
/** The seven passes of Adam7 interlacing: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}

/** The scanlines of one pass: how many, and the bytes of each with its filter-type byte. */
export interface ScanlineRun {
  rows: number;
  rowBytes: number;
}

/** The filtered scanlines a PNG's image data must inflate to, pass by pass (one pass without interlace). */
export function scanlineLayout(header: PngHeader): ScanlineRun[] {
  const bitsPerPixel = CHANNELS[header.colourType]! * header.bitDepth;
  const run = (width: number, rows: number): ScanlineRun => ({
    rows,
    rowBytes: 1 + Math.ceil((width * bitsPerPixel) / 8),
  });
  if (header.interlace === 0) return [run(header.width, header.height)];
  const runs: ScanlineRun[] = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    const width = header.width > x0 ? Math.ceil((header.width - x0) / dx) : 0;
    const rows = header.height > y0 ? Math.ceil((header.height - y0) / dy) : 0;
    // An empty pass has no scanlines at all, not even filter-type bytes.
    if (width > 0 && rows > 0) runs.push(run(width, rows));
  }
  return runs;
}

export function expectedImageBytes(header: PngHeader): number {
  return scanlineLayout(header).reduce((sum, run) => sum + run.rows * run.rowBytes, 0);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues a CRC-32 (ISO 3309, as PNG uses it) over more bytes; start from 0. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const hex = (value: number) => `0x${value.toString(16).padStart(8, '0')}`;

/**
 * Inflates the image data as it arrives and counts the bytes, checking each scanline's filter
 * type on the way; stops as soon as more bytes come than the header implies (a zlib bomb).
 */
class ImageDataCounter {
  produced = 0;
  overflow = false;
  error: Error | undefined;
  complete = false;
  /** The first scanline with a filter type other than 0–4: pass (0-based), row, byte, value. */
  badFilter: { pass: number; row: number; offset: number; value: number } | undefined;
  private readonly inflate: Inflate;
  private stopped = false;
  private pass = 0;
  private row = 0;
  private inRow = 0;

  constructor(
    private readonly expected: number,
    private readonly layout: ScanlineRun[],
  ) {
    this.inflate = createInflate();
    this.inflate.on('data', (chunk: Buffer) => this.count(chunk));
    this.inflate.on('error', (error) => {
      this.error ??= error;
      this.stopped = true;
    });
  }

  private count(chunk: Buffer): void {
    if (this.stopped) return;
    let at = 0;
    while (at < chunk.length && this.pass < this.layout.length) {
      const run = this.layout[this.pass]!;
      if (this.inRow === 0 && this.badFilter === undefined && chunk[at]! > 4)
        this.badFilter = { pass: this.pass, row: this.row, offset: this.produced + at, value: chunk[at]! };
      const take = Math.min(run.rowBytes - this.inRow, chunk.length - at);
      at += take;
      this.inRow += take;
      if (this.inRow === run.rowBytes) {
        this.inRow = 0;
        if (++this.row === run.rows) {
          this.row = 0;
          this.pass++;
        }
      }
    }
    this.produced += chunk.length;
    if (this.produced > this.expected) {
      this.overflow = true;
      this.stop();
    }
  }

  private stop(): void {
    this.stopped = true;
    this.inflate.destroy();
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.stopped) return;
    if (this.inflate.write(bytes)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.inflate.off('drain', done);
        this.inflate.off('close', done);
        resolve();
      };
      this.inflate.on('drain', done);
      this.inflate.on('close', done);
    });
  }

  /** Ends the input; `complete` tells whether the zlib stream ended properly. */
  async finish(): Promise<void> {
    if (this.stopped) return;
    await new Promise<void>((resolve) => {
      this.inflate.once('end', () => {
        this.complete = true;
        resolve();
      });
      this.inflate.once('close', resolve);
      this.inflate.once('error', () => resolve());
      this.inflate.end();
    });
  }

  abandon(): void {
    if (!this.stopped) this.stop();
  }
}

export interface PngState {
  header?: PngHeader;
  chunks: number;
  frames?: number;
}

/** Reads a PNG as a stream; never throws for bad content. */
export async function readPng(
  source: ContentSource,
  limits: ContentLimits,
  caps: ImageCaps = DEFAULT_IMAGE_CAPS,
): Promise<ReadContent> {
  return readThroughCursor(source, limits, (cursor) => walkPng(cursor, limits, caps));
}

async function walkPng(cursor: ByteCursor, limits: ContentLimits, caps: ImageCaps): Promise<ReadContent> {
  const problems = new ProblemList(limits.maxProblems);
  const signature = await cursor.read(8);
  if (!signature.equals(SIGNATURE)) {
    const cut = signature.length < 8 && SIGNATURE.subarray(0, signature.length).equals(signature);
    problems.add(
      cursorProblem(cursor) ??
        (cut
          ? {
              code: 'truncated',
              message: `the file ends after ${signature.length} bytes, inside the PNG signature`,
              offset: 0,
            }
          : { code: 'not-png', message: 'the file does not start with the 8-byte PNG signature', offset: 0 }),
    );
    return { problems: problems.done() };
  }

  let header: PngHeader | undefined;
  let counter: ImageDataCounter | undefined;
  let chunks = 0;
  let lastType = '';
  let lastOffset = 0;
  let seenPalette = false;
  let seenImageData = false;
  let imageDataEnded = false;
  let imageDataCrcBad = false;
  let badCrc: { type: string; offset: number; stored: number; computed: number } | undefined;
  let badCrcCount = 0;
  /** The chunk walk could not go on: the file is cut, or the chunk structure is lost. */
  let lost = false;
  let ended = false;
  const structure = (problem: ContentProblem) => {
    if (!problems.has(problem.code)) problems.add(problem);
  };

  for (;;) {
    const offset = cursor.position;
    const head = await cursor.read(8);
    if (head.length === 0) break;
    if (head.length < 8) {
      problems.add({
        code: 'truncated',
        message: `the file ends at byte ${grouped(cursor.position)}, inside the header of a chunk: it is truncated`,
        offset,
      });
      lost = true;
      break;
    }
    const length = head.readUInt32BE(0);
    const typeBytes = head.subarray(4, 8);
    const type = typeBytes.toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) {
      problems.add({
        code: 'bad-chunk-type',
        message: `the chunk at byte ${grouped(offset)} has type bytes ${typeBytes.toString('hex')}, not four letters: the chunk structure is lost there`,
        offset,
      });
      lost = true;
      break;
    }
    if (length > MAX_CHUNK_LENGTH) {
      problems.add({
        code: 'bad-chunk-length',
        message: `the ${type} chunk at byte ${grouped(offset)} declares ${grouped(length)} bytes, more than the 2^31-1 a PNG chunk may have`,
        offset,
      });
      lost = true;
      break;
    }
    if (chunks === 0 && type !== 'IHDR')
      structure({
        code: 'ihdr-not-first',
        message: `the first chunk is ${type}, but a PNG must start with IHDR`,
        offset,
      });
    if (type === 'IHDR' && chunks > 0)
      structure({
        code: 'duplicate-chunk',
        message: `a second IHDR chunk at byte ${grouped(offset)}`,
        offset,
      });
    if (type === 'IDAT') {
      if (imageDataEnded)
        structure({
          code: 'chunk-order',
          message: `the IDAT chunk at byte ${grouped(offset)} comes after another chunk that followed the image data; all IDAT chunks must be consecutive`,
          offset,
        });
      if (header?.colourType === 3 && !seenPalette && !seenImageData)
        structure({
          code: 'missing-plte',
          message: 'the image is indexed-colour but has no PLTE chunk before its image data',
          offset,
        });
      seenImageData = true;
    } else if (seenImageData) imageDataEnded = true;
    if (type === 'PLTE') {
      if (seenImageData)
        structure({
          code: 'chunk-order',
          message: `the PLTE chunk at byte ${grouped(offset)} comes after the image data`,
          offset,
        });
      seenPalette = true;
    }
    if (!CRITICAL_CHUNKS.has(type) && (typeBytes[0]! & 0x20) === 0)
      structure({
        code: 'unknown-critical-chunk',
        message: `the chunk ${type} at byte ${grouped(offset)} is marked critical (upper-case first letter) but is not a PNG chunk: decoders must refuse the image`,
        offset,
      });

    let crc = crc32(typeBytes);
    const kept: Buffer[] = [];
    const keep = type === 'IHDR';
    const feed = type === 'IDAT' ? counter : undefined;
    const passed = await cursor.pass(length, async (bytes) => {
      crc = crc32(bytes, crc);
      if (keep && kept.length < 2) kept.push(Buffer.from(bytes.subarray(0, 64)));
      if (feed) await feed.write(bytes);
    });
    const stored = passed === length ? await cursor.read(4) : Buffer.alloc(0);
    if (passed < length || stored.length < 4) {
      problems.add(
        cursorProblem(cursor) ?? {
          code: 'truncated',
          message:
            passed < length
              ? `the ${type} chunk at byte ${grouped(offset)} declares ${grouped(length)} bytes of data, but the file ends after ${grouped(passed)}: it is truncated`
              : `the file ends inside the CRC of the ${type} chunk at byte ${grouped(offset)}: it is truncated`,
          offset,
        },
      );
      lost = true;
      break;
    }
    const storedCrc = stored.readUInt32BE(0);
    if (storedCrc !== crc) {
      badCrcCount++;
      badCrc ??= { type, offset, stored: storedCrc, computed: crc };
      if (type === 'IDAT') imageDataCrcBad = true;
    }
    chunks++;
    lastType = type;
    lastOffset = offset;

    if (type === 'IHDR' && chunks === 1) {
      const data = Buffer.concat(kept);
      header = parseHeader(data, length, offset, problems);
      if (header) {
        const pixels = header.width * header.height;
        if (pixels > caps.maxPixels)
          problems.add({
            code: 'too-large',
            message: `IHDR claims ${grouped(header.width)} × ${grouped(header.height)} pixels (${grouped(pixels)}), more than the ${grouped(caps.maxPixels)} an image is read up to; its image data was not decoded`,
            offset,
          });
        else {
          const expected = expectedImageBytes(header);
          if (expected <= limits.maxInflatedBytes)
            counter = new ImageDataCounter(expected, scanlineLayout(header));
        }
      }
    }
    if (type === 'IEND') {
      if (length !== 0)
        structure({
          code: 'bad-iend',
          message: `the IEND chunk at byte ${grouped(offset)} has ${grouped(length)} bytes of data; it must have none`,
          offset,
        });
      ended = true;
      break;
    }
  }

  lost = await closeWalk(cursor, problems, lost, { met: ended, marker: 'the IEND chunk that ends the PNG' });
  if (ended) {
  } else if (!lost) {
    problems.add(
      chunks === 0
        ? {
            code: 'truncated',
            message: 'the file ends after the PNG signature, before any chunk: it is truncated',
            offset: 8,
          }
        : {
            code: 'missing-iend',
            message: `the file ends after the ${lastType} chunk at byte ${grouped(lastOffset)} without the IEND chunk that ends a PNG: it is truncated or was not finished`,
            offset: lastOffset,
          },
    );
  }
  if (badCrc)
    problems.add({
      code: 'bad-crc',
      message: `the ${badCrc.type} chunk at byte ${grouped(badCrc.offset)} has CRC ${hex(badCrc.stored)}, but its bytes give ${hex(badCrc.computed)}: it was changed or damaged after it was written${badCrcCount > 1 ? ` (${grouped(badCrcCount - 1)} more chunks have a wrong CRC)` : ''}`,
      offset: badCrc.offset,
    });

  if (counter) {
    // A file cut short or a damaged IDAT chunk explains bad image data: that is its one finding.
    if (lost || !ended || imageDataCrcBad) counter.abandon();
    else {
      await counter.finish();
      if (header) imageDataProblems(header, counter, seenImageData, problems);
    }
  } else if (header && !seenImageData && ended && !problems.has('too-large'))
    problems.add({ code: 'no-idat', message: 'the PNG has no IDAT chunk: it holds no image data' });

  const content: ReadContent = { problems: problems.done(), details: { chunks } };
  if (header) content.image = { width: header.width, height: header.height };
  return content;
}

function parseHeader(
  data: Buffer,
  length: number,
  offset: number,
  problems: ProblemList,
): PngHeader | undefined {
  const bad = (message: string) => {
    problems.add({ code: 'bad-ihdr', message, offset });
    return undefined;
  };
  if (length !== 13) return bad(`the IHDR chunk has ${grouped(length)} bytes of data; it must have 13`);
  const header: PngHeader = {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8]!,
    colourType: data[9]!,
    interlace: data[12]!,
  };
  if (header.width === 0 || header.height === 0) {
    problems.add({
      code: 'zero-size',
      message: `IHDR gives the image ${header.width} × ${header.height} pixels; both must be at least 1`,
      offset,
    });
    return undefined;
  }
  if (header.width > MAX_CHUNK_LENGTH || header.height > MAX_CHUNK_LENGTH)
    return bad(
      `IHDR gives the image ${grouped(header.width)} × ${grouped(header.height)} pixels; each must be at most 2^31-1`,
    );
  const depths = BIT_DEPTHS[header.colourType];
  if (!depths) return bad(`IHDR gives colour type ${header.colourType}; PNG has 0, 2, 3, 4 and 6`);
  if (!depths.includes(header.bitDepth))
    return bad(
      `IHDR gives bit depth ${header.bitDepth} for ${COLOUR_NAMES[header.colourType]} (colour type ${header.colourType}), which allows ${depths.join(', ')}`,
    );
  if (data[10] !== 0) return bad(`IHDR gives compression method ${data[10]}; PNG has only 0 (deflate)`);
  if (data[11] !== 0) return bad(`IHDR gives filter method ${data[11]}; PNG has only 0`);
  if (header.interlace > 1)
    return bad(`IHDR gives interlace method ${header.interlace}; PNG has 0 (none) and 1 (Adam7)`);
  return header;
}

function imageDataProblems(
  header: PngHeader,
  counter: ImageDataCounter,
  seenImageData: boolean,
  problems: ProblemList,
): void {
  const expected = expectedImageBytes(header);
  const shape = `a ${grouped(header.width)} × ${grouped(header.height)} ${COLOUR_NAMES[header.colourType]} image of ${header.bitDepth}-bit samples${header.interlace ? ', interlaced' : ''}`;
  if (!seenImageData) {
    problems.add({ code: 'no-idat', message: 'the PNG has no IDAT chunk: it holds no image data' });
    return;
  }
  if (counter.overflow) {
    problems.add({
      code: 'idat-too-long',
      message: `the image data inflates to more than the ${grouped(expected)} bytes that ${shape} needs; inflating stopped there`,
    });
    return;
  }
  if (counter.error && !counter.complete) {
    const incomplete = /unexpected end/i.test(counter.error.message);
    problems.add({
      code: incomplete ? 'idat-too-short' : 'zlib-error',
      message: incomplete
        ? `the image data's zlib stream ends early, after ${grouped(counter.produced)} of the ${grouped(expected)} bytes that ${shape} needs`
        : `the image data cannot be inflated (zlib: ${counter.error.message})`,
    });
    return;
  }
  if (counter.produced < expected) {
    problems.add({
      code: 'idat-too-short',
      message: `the image data inflates to ${grouped(counter.produced)} bytes, but ${shape} needs ${grouped(expected)}`,
    });
    return;
  }
  if (counter.badFilter) {
    const { pass, row, value } = counter.badFilter;
    problems.add({
      code: 'bad-filter',
      message: `scanline ${grouped(row + 1)}${header.interlace ? ` of interlace pass ${pass + 1}` : ''} has filter type ${value}; PNG has 0 to 4`,
    });
  }
}

export const pngReader: ContentReader = {
  formats: ['png'],
  read: (source, limits) => readPng(source, limits),
};
