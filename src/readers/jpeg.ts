/**
 * The JPEG reader: walks the segments from SOI to EOI as a stream (each marker, each length, the
 * compressed scan data to the next marker), reads the size from the frame header (SOF) and only
 * then, when the size is within the caps, decodes the image with jpeg-js to prove its data.
 */
import jpeg from 'jpeg-js';
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

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
/** Start-of-frame markers: SOF0–3, 5–7, 9–11, 13–15 (0xC4 is DHT, 0xC8 reserved, 0xCC is DAC). */
const isFrameMarker = (code: number) =>
  code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc;
/** Markers without a length: TEM, RST0–7 (SOI and EOI are handled on their own). */
const isStandalone = (code: number) => code === 0x01 || (code >= 0xd0 && code <= 0xd7);
/** In scan data, 0xFF 0x00 is a stuffed byte and RSTn a restart; any other marker ends the scan. */
const endsScan = (code: number) => code !== 0x00 && code !== 0xff && !(code >= 0xd0 && code <= 0xd7);
/** The frame types jpeg-js decodes: baseline, extended and progressive Huffman. */
const DECODED_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const FRAME_NAMES: Record<number, string> = {
  195: 'lossless',
  197: 'hierarchical',
  198: 'hierarchical',
  199: 'hierarchical lossless',
  201: 'arithmetic-coded',
  202: 'arithmetic-coded progressive',
  203: 'arithmetic-coded lossless',
  205: 'hierarchical arithmetic-coded',
  206: 'hierarchical arithmetic-coded',
  207: 'hierarchical arithmetic-coded lossless',
};

const markerName = (code: number): string => {
  if (isFrameMarker(code)) return `SOF${code - 0xc0}`;
  if (code >= 0xe0 && code <= 0xef) return `APP${code - 0xe0}`;
  const names: Record<number, string> = {
    196: 'DHT',
    219: 'DQT',
    221: 'DRI',
    218: 'SOS',
    254: 'COM',
    220: 'DNL',
  };
  return names[code] ?? `marker 0xFF${code.toString(16).toUpperCase().padStart(2, '0')}`;
};

interface Frame {
  marker: number;
  width: number;
  height: number;
  components: number;
  precision: number;
}

/** Reads a JPEG as a stream, then decodes it within the caps; never throws for bad content. */
export async function readJpeg(
  source: ContentSource,
  limits: ContentLimits,
  caps: ImageCaps = DEFAULT_IMAGE_CAPS,
): Promise<ReadContent> {
  return readThroughCursor(source, limits, (cursor) => walkJpeg(cursor, source, limits, caps));
}

async function walkJpeg(
  cursor: ByteCursor,
  source: ContentSource,
  limits: ContentLimits,
  caps: ImageCaps,
): Promise<ReadContent> {
  const problems = new ProblemList(limits.maxProblems);
  // The decoder needs the whole file; keep it while walking when it is small enough.
  if (source.gzip || source.size <= caps.maxJpegFileBytes) cursor.keep(caps.maxJpegFileBytes);
  const start = await cursor.read(2);
  if (start.length < 2 || start[0] !== 0xff || start[1] !== SOI) {
    problems.add(
      cursorProblem(cursor) ?? {
        code: start.length < 2 && start[0] === 0xff ? 'truncated' : 'not-jpeg',
        message:
          start.length < 2 && start[0] === 0xff
            ? 'the file ends inside the SOI marker: it is truncated'
            : 'the file does not start with the SOI marker (FF D8) of a JPEG',
        offset: 0,
      },
    );
    return { problems: problems.done() };
  }

  let frame: Frame | undefined;
  let scans = 0;
  let ended = false;
  let lost = false;
  let last = { name: 'SOI', offset: 0 };
  let pending: number | undefined;
  const stop = (problem: ContentProblem) => {
    problems.add(cursorProblem(cursor) ?? problem);
    lost = true;
  };

  while (!lost) {
    const offset = pending === undefined ? cursor.position : cursor.position - 2;
    let code = pending;
    pending = undefined;
    if (code === undefined) {
      const first = await cursor.byte();
      if (first === -1) break;
      if (first !== 0xff) {
        stop({
          code: 'bad-marker',
          message: `byte ${grouped(offset)} is 0x${first.toString(16).padStart(2, '0')} after the ${last.name} segment at byte ${grouped(last.offset)}, where a marker (0xFF) must start: the segment lengths do not add up`,
          offset,
        });
        break;
      }
      do code = await cursor.byte();
      while (code === 0xff);
      if (code === -1) {
        stop({
          code: 'truncated',
          message: `the file ends inside the marker at byte ${grouped(offset)}: it is truncated`,
          offset,
        });
        break;
      }
    }
    if (code === EOI) {
      ended = true;
      break;
    }
    if (code === SOI || code === 0x00) {
      stop({
        code: 'bad-marker',
        message: `${code === SOI ? 'a second SOI marker' : 'the invalid marker 0xFF00'} at byte ${grouped(offset)}, after the ${last.name} segment at byte ${grouped(last.offset)}`,
        offset,
      });
      break;
    }
    if (isStandalone(code)) continue;
    const name = markerName(code);
    const lengthBytes = await cursor.read(2);
    if (lengthBytes.length < 2) {
      stop({
        code: 'truncated',
        message: `the file ends inside the length of the ${name} segment at byte ${grouped(offset)}: it is truncated`,
        offset,
      });
      break;
    }
    const length = lengthBytes.readUInt16BE(0);
    if (length < 2) {
      stop({
        code: 'bad-segment-length',
        message: `the ${name} segment at byte ${grouped(offset)} declares length ${length}; the least is 2`,
        offset,
      });
      break;
    }
    last = { name, offset };
    if (isFrameMarker(code) || code === SOS) {
      const payload = await cursor.read(length - 2);
      if (payload.length < length - 2) {
        stop({
          code: 'truncated',
          message: `the ${name} segment at byte ${grouped(offset)} declares ${grouped(length)} bytes, but the file ends first: it is truncated`,
          offset,
        });
        break;
      }
      if (code === SOS) {
        if (!frame) {
          stop({
            code: 'chunk-order',
            message: `the scan at byte ${grouped(offset)} comes before any frame header (SOF)`,
            offset,
          });
          break;
        }
        scans++;
        const found = await cursor.passToMarker(endsScan);
        if (found === -1) {
          stop({
            code: 'truncated',
            message: `the file ends inside the compressed data of the scan at byte ${grouped(offset)}, without the EOI marker that ends a JPEG: it is truncated`,
            offset,
          });
          break;
        }
        pending = found;
        continue;
      }
      if (frame) {
        stop({
          code: 'duplicate-frame',
          message: `a second frame header (${name}) at byte ${grouped(offset)}; a JPEG image has one`,
          offset,
        });
        break;
      }
      const parsed = parseFrame(code, payload, length, offset, problems);
      if (!parsed) {
        lost = true;
        break;
      }
      frame = parsed;
      continue;
    }
    const passed = await cursor.pass(length - 2);
    if (passed < length - 2) {
      stop({
        code: 'truncated',
        message: `the ${name} segment at byte ${grouped(offset)} declares ${grouped(length)} bytes, but the file ends first: it is truncated`,
        offset,
      });
      break;
    }
  }
  lost = await closeWalk(cursor, problems, lost, { met: ended, marker: 'the EOI marker that ends the JPEG' });
  if (ended) {
  } else if (!lost)
    problems.add({
      code: 'missing-eoi',
      message: `the file ends after the ${last.name} segment at byte ${grouped(last.offset)} without the EOI marker that ends a JPEG: it is truncated`,
      offset: last.offset,
    });
  if (ended && !lost && !frame)
    problems.add({ code: 'no-frame', message: 'the JPEG has no frame header (SOF): it holds no image' });
  else if (ended && !lost && scans === 0)
    problems.add({ code: 'no-scan', message: 'the JPEG has no scan (SOS): it holds no image data' });

  const clean = problems.items.every((problem) => problem.code === 'trailing-bytes');
  if (frame && clean) decode(frame, cursor.keptContent(), caps, problems);
  const content: ReadContent = { problems: problems.done(), details: { scans } };
  if (frame) content.image = { width: frame.width, height: frame.height };
  return content;
}

function parseFrame(
  code: number,
  payload: Buffer,
  length: number,
  offset: number,
  problems: ProblemList,
): Frame | undefined {
  const name = markerName(code);
  const components = payload[5] ?? 0;
  if (payload.length < 6 || length !== 8 + 3 * components) {
    problems.add({
      code: 'bad-frame',
      message: `the frame header (${name}) at byte ${grouped(offset)} has length ${length}, but ${components} components need ${8 + 3 * components}`,
      offset,
    });
    return undefined;
  }
  return {
    marker: code,
    precision: payload[0]!,
    height: payload.readUInt16BE(1),
    width: payload.readUInt16BE(3),
    components,
  };
}

function decode(frame: Frame, bytes: Buffer | undefined, caps: ImageCaps, problems: ProblemList): void {
  const pixels = frame.width * frame.height;
  const size = `${grouped(frame.width)} × ${grouped(frame.height)}`;
  if (frame.width === 0 || frame.height === 0) {
    problems.add({
      code: 'zero-size',
      message:
        frame.height === 0 && frame.width > 0
          ? `the frame header gives height 0 (to be set by a later DNL marker), which common readers do not support`
          : `the frame header gives the image ${size} pixels; both must be at least 1`,
    });
    return;
  }
  if (pixels > caps.maxPixels) {
    problems.add({
      code: 'too-large',
      message: `the frame header claims ${size} pixels (${grouped(pixels)}), more than the ${grouped(caps.maxPixels)} an image is read up to; it was not decoded`,
    });
    return;
  }
  const notDecoded = (why: string) =>
    problems.add({
      code: 'not-decoded',
      message: `its segments were checked, but its image data was not decoded: ${why}`,
    });
  if (!DECODED_FRAMES.has(frame.marker)) {
    notDecoded(
      `${FRAME_NAMES[frame.marker] ?? 'this kind of'} JPEG (${markerName(frame.marker)}) is not decoded by this tool`,
    );
    return;
  }
  if (pixels > caps.maxDecodedJpegPixels) {
    notDecoded(
      `${size} pixels is more than the ${grouped(caps.maxDecodedJpegPixels)} a JPEG is decoded up to`,
    );
    return;
  }
  if (!bytes) {
    notDecoded(`the file is larger than the ${grouped(caps.maxJpegFileBytes)} bytes a JPEG is decoded up to`);
    return;
  }
  try {
    jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: caps.maxDecodedJpegPixels / 1e6,
      maxMemoryUsageInMB: caps.maxJpegMemoryMB,
    });
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    if (/maxMemoryUsageInMB|Could not allocate/.test(text)) {
      notDecoded(`decoding needs more than the ${grouped(caps.maxJpegMemoryMB)} MB a JPEG may use`);
      return;
    }
    if (/Unsupported color mode/.test(text)) {
      notDecoded(`its ${frame.components} colour components are not decoded by this tool`);
      return;
    }
    problems.add({ code: 'decode-error', message: `the compressed image data cannot be decoded: ${text}` });
  }
}

export const jpegReader: ContentReader = {
  formats: ['jpeg'],
  read: (source, limits) => readJpeg(source, limits),
};
