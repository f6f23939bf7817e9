/**
 * Shared plumbing of the text-table readers (ECSV, CSV): the file's bytes, inflated when gzip,
 * decoded as strict UTF-8, in chunks, within the caps; and a bounded list of problems.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ContentProblem } from '../types.js';
import { CappedProblems } from './problem-list.js';
import type { ContentLimits, ContentSource } from './types.js';

const CHUNK_BYTES = 1024 * 1024;

/** Problems of a text table, capped; beyond, one problem with code 'more' says how many were left out. */
export class ProblemList extends CappedProblems {
  constructor(max: number) {
    super(max, (dropped, cap) => ({
      code: 'more',
      message: `${dropped} more problem${dropped === 1 ? '' : 's'} not listed (at most ${cap} per file)`,
    }));
  }
}

/**
 * The file's text in chunks. Stops at the first problem that makes the rest unreadable (gzip damage,
 * the inflate cap, bytes that are not UTF-8), which it reports once through `problem`.
 */
export async function* textChunks(
  source: ContentSource,
  limits: ContentLimits,
  problem: (problem: ContentProblem) => void,
): AsyncGenerator<string> {
  const file = createReadStream(source.path, { highWaterMark: CHUNK_BYTES });
  const stream: Readable = source.gzip ? file.pipe(createGunzip({ chunkSize: 64 * 1024 })) : file;
  if (source.gzip) file.on('error', (error) => stream.destroy(error));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (source.gzip && offset + chunk.length > limits.maxInflatedBytes) {
        problem({
          code: 'too-large',
          message: `the file inflates to more than ${limits.maxInflatedBytes} bytes, the most read from one compressed file; the rest was not checked`,
          offset,
        });
        return;
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        problem(notUtf8(chunk, offset));
        return;
      }
      offset += chunk.length;
      if (text.length > 0) yield text;
    }
    try {
      const rest = decoder.decode();
      if (rest.length > 0) yield rest;
    } catch {
      problem({
        code: 'not-utf8',
        message: 'the file ends inside a multi-byte UTF-8 character: it is truncated or not UTF-8',
        offset,
      });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    problem(
      source.gzip && code.startsWith('Z_')
        ? {
            code: 'gzip-error',
            message: `the gzip data is damaged after ${offset} inflated bytes (${(error as Error).message}): the file is truncated or corrupt`,
            offset,
          }
        : { code: 'read-error', message: `the file could not be read: ${(error as Error).message}`, offset },
    );
  } finally {
    stream.destroy();
    file.destroy();
  }
}

/** Where in a chunk the first invalid UTF-8 sequence starts (found by decoding shorter prefixes). */
function notUtf8(chunk: Buffer, chunkOffset: number): ContentProblem {
  let low = 0;
  let high = chunk.length;
  // The longest prefix that decodes (allowing a cut character at its end) ends where the defect starts.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  // The prefix may end in the start of a sequence that the bad byte cuts: the defect starts there.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, low));
  } catch {
    while (low > 0 && ((chunk[low - 1] ?? 0) & 0xc0) === 0x80) low--;
    if (low > 0 && (chunk[low - 1] ?? 0) >= 0xc0) low--;
  }
  const at = chunkOffset + low;
  return {
    code: 'not-utf8',
    message: `the bytes at offset ${at} are not UTF-8 (byte 0x${(chunk[low] ?? 0).toString(16).padStart(2, '0')}); MAST's text products are UTF-8, and nothing after them was checked`,
    offset: at,
    hint: 'save the file as UTF-8',
  };
}

/** The async iterable as a stream, so that csv-parse can read it with backpressure. */
export function streamOf(chunks: AsyncIterable<string>): Readable {
  return Readable.from(chunks, { objectMode: false });
}

/** A value shown in a message: quoted, and cut when long, so a message stays one short line. */
export function quote(value: string, max = 40): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return `'${cut.replace(/[\r\n\t]/g, ' ')}'`;
}

/** Newlines in a text (csv-parse's raw record holds the comment and blank lines skipped before it). */
export function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Splits a record on runs of blanks, as Python's csv with skipinitialspace (astropy's splitter)
 * does: `""` is an empty value, unquoted blanks only separate. `raw` is csv-parse's raw record, with
 * any comment and blank lines before it; csv-parse itself makes an empty value of every extra blank,
 * so this is called only for the rare records where it found empty values.
 */
export function splitOnBlanks(raw: string, tabs: boolean): string[] {
  let start = 0;
  for (;;) {
    const end = raw.indexOf('\n', start);
    if (end < 0) break;
    const line = raw.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) break;
    start = end + 1;
  }
  const text = raw.slice(start).replace(/\r?\n$/, '');
  const fields: string[] = [];
  const blank = (c: string) => c === ' ' || (tabs && c === '\t');
  let i = 0;
  while (i < text.length) {
    while (i < text.length && blank(text[i]!)) i++;
    if (i >= text.length) break;
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
      while (i < text.length && !blank(text[i]!)) field += text[i++];
    } else while (i < text.length && !blank(text[i]!)) field += text[i++];
    fields.push(field);
  }
  return fields;
}
