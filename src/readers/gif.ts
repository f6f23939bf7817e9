/**
 * The GIF reader: the header, the logical screen, then every block (images, extensions) as a
 * stream of sub-blocks, up to the trailer (0x3B) that ends a GIF. The LZW image data is walked,
 * not decoded: the structure says whether a viewer can find every frame.
 */
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

const IMAGE = 0x2c;
const EXTENSION = 0x21;
const TRAILER = 0x3b;

/** Reads a GIF as a stream; never throws for bad content. */
export async function readGif(
  source: ContentSource,
  limits: ContentLimits,
  caps: ImageCaps = DEFAULT_IMAGE_CAPS,
): Promise<ReadContent> {
  return readThroughCursor(source, limits, (cursor) => walkGif(cursor, limits, caps));
}

async function walkGif(cursor: ByteCursor, limits: ContentLimits, caps: ImageCaps): Promise<ReadContent> {
  const problems = new ProblemList(limits.maxProblems);
  const head = await cursor.read(13);
  const version = head.toString('latin1', 0, 6);
  if (version !== 'GIF87a' && version !== 'GIF89a') {
    problems.add(
      cursorProblem(cursor) ?? {
        code: head.length < 6 ? 'truncated' : 'not-gif',
        message:
          head.length < 6
            ? 'the file ends inside the GIF header: it is truncated'
            : 'the file does not start with GIF87a or GIF89a',
        offset: 0,
      },
    );
    return { problems: problems.done() };
  }
  if (head.length < 13) {
    problems.add(
      cursorProblem(cursor) ?? {
        code: 'truncated',
        message: 'the file ends inside the logical screen descriptor: it is truncated',
        offset: 6,
      },
    );
    return { problems: problems.done() };
  }
  const width = head.readUInt16LE(6);
  const height = head.readUInt16LE(8);
  const image = { width, height };
  if (width === 0 || height === 0)
    problems.add({
      code: 'zero-size',
      message: `the logical screen is ${width} × ${height} pixels; both must be at least 1`,
      offset: 6,
    });
  else if (width * height > caps.maxPixels)
    problems.add({
      code: 'too-large',
      message: `the logical screen claims ${grouped(width)} × ${grouped(height)} pixels (${grouped(width * height)}), more than the ${grouped(caps.maxPixels)} an image is read up to`,
      offset: 6,
    });

  let frames = 0;
  let ended = false;
  let lost = false;
  let last = { name: 'logical screen descriptor', offset: 6 };
  const stop = (problem: ContentProblem) => {
    problems.add(cursorProblem(cursor) ?? problem);
    lost = true;
  };
  const cut = (what: string, offset: number) =>
    stop({
      code: 'truncated',
      message: `the file ends inside the ${what} at byte ${grouped(offset)}: it is truncated`,
      offset,
    });

  const colourTable = async (packed: number, what: string, offset: number): Promise<boolean> => {
    if ((packed & 0x80) === 0) return true;
    const bytes = 3 * 2 ** ((packed & 0x07) + 1);
    if ((await cursor.pass(bytes)) < bytes) {
      cut(what, offset);
      return false;
    }
    return true;
  };
  /** Walks data sub-blocks to their terminator (a zero-length block). */
  const subBlocks = async (what: string, offset: number): Promise<boolean> => {
    for (;;) {
      const size = await cursor.byte();
      if (size === -1) {
        cut(what, offset);
        return false;
      }
      if (size === 0) return true;
      if ((await cursor.pass(size)) < size) {
        cut(what, offset);
        return false;
      }
    }
  };

  if (!(await colourTable(head[10]!, 'global colour table', 13))) return finish();
  while (!lost) {
    const offset = cursor.position;
    const introducer = await cursor.byte();
    if (introducer === -1) break;
    if (introducer === TRAILER) {
      ended = true;
      break;
    }
    if (introducer === EXTENSION) {
      const label = await cursor.byte();
      const name = `extension block (label 0x${Math.max(label, 0).toString(16).padStart(2, '0')})`;
      if (label === -1 || !(await subBlocks(name, offset))) {
        if (label === -1) cut('extension block', offset);
        break;
      }
      last = { name, offset };
      continue;
    }
    if (introducer !== IMAGE) {
      stop({
        code: 'bad-block',
        message: `byte ${grouped(offset)} is 0x${introducer.toString(16).padStart(2, '0')} after the ${last.name} at byte ${grouped(last.offset)}, where an image (0x2C), an extension (0x21) or the trailer (0x3B) must start`,
        offset,
      });
      break;
    }
    const descriptor = await cursor.read(9);
    if (descriptor.length < 9) {
      cut('image descriptor', offset);
      break;
    }
    frames++;
    const frameWidth = descriptor.readUInt16LE(4);
    const frameHeight = descriptor.readUInt16LE(6);
    if (frameWidth * frameHeight > caps.maxPixels && !problems.has('too-large'))
      problems.add({
        code: 'too-large',
        message: `image ${frames} claims ${grouped(frameWidth)} × ${grouped(frameHeight)} pixels, more than the ${grouped(caps.maxPixels)} an image is read up to`,
        offset,
      });
    if (!(await colourTable(descriptor[8]!, `local colour table of image ${frames}`, offset))) break;
    const codeSize = await cursor.byte();
    if (codeSize === -1) {
      cut(`image data of image ${frames}`, offset);
      break;
    }
    // LZW codes are at most 12 bits wide, so the initial code size is at most 11; common decoders
    // (giflib, browsers) take 1 to 8 — pixel values are at most 8 bits.
    if (codeSize < 1 || codeSize > 8) {
      stop({
        code: 'bad-image-data',
        message: `image ${frames} (at byte ${grouped(offset)}) starts its image data with LZW code size ${codeSize}; decoders take 1 to 8 (the GIF specification says 2 to 8)`,
        offset,
      });
      break;
    }
    if (!(await subBlocks(`image data of image ${frames}`, offset))) break;
    last = { name: `image ${frames}`, offset };
  }
  return finish();

  async function finish(): Promise<ReadContent> {
    lost = await closeWalk(cursor, problems, lost, {
      met: ended,
      marker: 'the trailer (0x3B) that ends the GIF',
    });
    if (ended) {
      if (frames === 0)
        problems.add({ code: 'no-image', message: 'the GIF has no image: it ends before its first frame' });
    } else if (!lost)
      problems.add({
        code: 'missing-trailer',
        message: `the file ends after the ${last.name} at byte ${grouped(last.offset)} without the trailer (0x3B) that ends a GIF; viewers show it, but it may have been cut short`,
        offset: last.offset,
      });
    return { problems: problems.done(), image, details: { frames } };
  }
}

export const gifReader: ContentReader = {
  formats: ['gif'],
  read: (source, limits) => readGif(source, limits),
};
