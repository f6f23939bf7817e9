/**
 * The ASDF reader (Advanced Scientific Data Format, the format of JWST and Roman datamodels): the
 * `#ASDF` header lines, the YAML tree (parsed with `yaml`, unknown tags kept, aliases capped), then
 * the binary blocks one after the other, each streamed through its decompressor and MD5 without
 * being held in memory, then the optional block index. The arrays the tree declares are held
 * against the blocks they point at. No maintained npm package reads ASDF (docs/formats.md).
 */
import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { createInflate } from 'node:zlib';
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Scalar,
  type Tags,
  visit,
  type YAMLMap,
} from 'yaml';
import { inflateBzip2 } from '../fits/bzip2.js';
import type { ContentProblem, ReadContent } from '../types.js';
import { type ByteCursor, cursorProblem, grouped, ProblemList, readThroughCursor } from './byte-cursor.js';
import type { ContentLimits, ContentReader, ContentSource } from './types.js';

/** Caps of the ASDF reader, beside the shared content limits. */
export interface AsdfCaps {
  /** Bytes of YAML tree parsed; real trees are kilobytes to a few megabytes. */
  maxTreeBytes: number;
  /** Binary blocks walked. */
  maxBlocks: number;
  /** A bzip2 block is decoded in memory (seek-bzip has no streaming input): larger ones are not. */
  maxBzip2BlockBytes: number;
  /** Alias expansions in the tree: a "billion laughs" tree has millions. */
  maxAliases: number;
}

export const DEFAULT_ASDF_CAPS: AsdfCaps = {
  maxTreeBytes: 16 * 1024 * 1024,
  maxBlocks: 100_000,
  maxBzip2BlockBytes: 64 * 1024 * 1024,
  maxAliases: 1000,
};

const BLOCK_MAGIC = Buffer.from([0xd3, 0x42, 0x4c, 0x4b]);
const INDEX_LINE = '#ASDF BLOCK INDEX';
/** flags, compression, allocated, used and data sizes, checksum: the fields of ASDF 1.0.0's block header. */
const MIN_BLOCK_HEADER = 48;
const STREAMED = 1;
const TREE_END = /\r?\n\.\.\.\r?\n/;
const READ_STEP = 64 * 1024;

/** One binary block as its header gives it, with what its data turned out to be. */
export interface AsdfBlock {
  offset: number;
  compression: string;
  allocated: number;
  used: number;
  /** Bytes when decompressed, as the header claims. */
  dataSize: number;
  streamed: boolean;
  /** Whether the whole block was read and its data size can be trusted. */
  sizeKnown: boolean;
}

/** What the reader found beside the problems: the standard's version and the counts, for tests and reports. */
export interface AsdfDetails {
  standard?: string;
  blocks: number;
  arrays: number;
}

export const asdfReader: ContentReader = {
  formats: ['asdf'],
  read: (source, limits) => readAsdf(source, limits),
};

export function readAsdf(
  source: ContentSource,
  limits: ContentLimits,
  caps: AsdfCaps = DEFAULT_ASDF_CAPS,
): Promise<ReadContent> {
  return readThroughCursor(source, limits, (cursor) => new AsdfWalk(new Reader(cursor), limits, caps).run());
}

/** The shared cursor, with bytes that can be put back (the tree is read in steps past its end). */
class Reader {
  private held: Buffer = Buffer.alloc(0);
  constructor(readonly cursor: ByteCursor) {}

  get position(): number {
    return this.cursor.position - this.held.length;
  }

  unread(bytes: Buffer): void {
    this.held = this.held.length === 0 ? bytes : Buffer.concat([bytes, this.held]);
  }

  async read(count: number): Promise<Buffer> {
    if (this.held.length === 0) return this.cursor.read(count);
    const take = this.held.subarray(0, count);
    this.held = this.held.subarray(take.length);
    if (take.length === count) return take;
    return Buffer.concat([take, await this.cursor.read(count - take.length)]);
  }

  async pass(count: number, sink?: (bytes: Buffer) => void | Promise<void>): Promise<number> {
    let passed = 0;
    if (this.held.length > 0) {
      const take = this.held.subarray(0, count);
      this.held = this.held.subarray(take.length);
      passed = take.length;
      if (sink) await sink(take);
    }
    return passed + (passed < count ? await this.cursor.pass(count - passed, sink) : 0);
  }
}

/** YAML 1.1 as PyYAML reads it: `y` and `n` are text, not booleans (the `yaml` package's 1.1 schema differs). */
function pyyamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:bool' || !('test' in tag) || !tag.test)
      return tag;
    const test = new RegExp(tag.test.source.replace(/^\^\(\?:(?:Y\|y|N\|n)\|/, '^(?:'));
    return { ...tag, test };
  });
}

const quote = (text: string, max = 60): string =>
  `'${(text.length > max ? `${text.slice(0, max)}…` : text).replace(/[\u0000-\u001f\u007f]/g, '?')}'`;

class AsdfWalk {
  private readonly problems: ProblemList;
  private readonly blocks: AsdfBlock[] = [];
  /** The walk lost its footing (truncation, bytes that are no block): later blocks are unknown. */
  private lost = false;
  private standard: string | undefined;
  private arrays = 0;
  private failureReported = false;

  constructor(
    private readonly reader: Reader,
    private readonly limits: ContentLimits,
    private readonly caps: AsdfCaps,
  ) {
    this.problems = new ProblemList(limits.maxProblems);
  }

  private add(problem: ContentProblem): void {
    this.problems.add(problem);
  }

  async run(): Promise<ReadContent> {
    const content: ReadContent = { problems: [] };
    if (await this.readHeader()) {
      const tree = await this.readTree();
      if (!this.lost) await this.readBlocks();
      if (tree) {
        content.metadata = metadataOf(tree);
        this.checkArrays(tree);
      }
    }
    const failure = cursorProblem(this.reader.cursor);
    if (failure && !this.failureReported) this.add(failure);
    const details: AsdfDetails = { blocks: this.blocks.length, arrays: this.arrays };
    if (this.standard) details.standard = this.standard;
    content.details = details as unknown as Record<string, unknown>;
    content.problems = this.problems.done();
    return content;
  }

  /** One header line (without its newline), at most `max` bytes; undefined at the end of the file. */
  private async line(max: number): Promise<string | undefined> {
    const bytes = await this.reader.read(max);
    if (bytes.length === 0) return undefined;
    const end = bytes.indexOf(0x0a);
    if (end < 0) {
      this.reader.unread(bytes);
      return undefined;
    }
    this.reader.unread(bytes.subarray(end + 1));
    return bytes.subarray(0, end).toString('latin1').replace(/\r$/, '');
  }

  /** `#ASDF 1.0.0`, then comment lines such as `#ASDF_STANDARD 1.5.0`. False when this is no ASDF file. */
  private async readHeader(): Promise<boolean> {
    const first = await this.line(256);
    const match = first === undefined ? null : /^#ASDF ([0-9]+)\.([0-9]+)\.([0-9]+)\s*$/.exec(first);
    if (!match) {
      this.add({
        code: 'header',
        message: `the first line must be '#ASDF 1.0.0'${first === undefined ? '' : `, found ${quote(first)}`}`,
        offset: 0,
        hint: 'write the file with the asdf library (asdf.AsdfFile(tree).write_to(path))',
      });
      this.lost = true;
      return false;
    }
    if (match[1] !== '1')
      this.add({
        code: 'header',
        message: `ASDF file format version ${match.slice(1).join('.')} is not 1.x: readers refuse it`,
        offset: 0,
      });
    // Comment lines follow; the tree, a block or the end of the file ends them.
    for (;;) {
      const at = this.reader.position;
      const head = await this.reader.read(1);
      if (head.length === 0) break;
      this.reader.unread(head);
      if (head[0] !== 0x23 /* # */) break;
      const line = await this.line(4096);
      if (line === undefined) {
        this.add({
          code: 'header',
          message: `the comment line at offset ${at} does not end in a newline within 4096 bytes`,
          offset: at,
        });
        this.lost = true;
        return false;
      }
      if (line.startsWith(INDEX_LINE)) {
        // A file with no tree and no blocks, but an index: read by readBlocks.
        this.reader.unread(Buffer.from(`${line}\n`, 'latin1'));
        break;
      }
      const standard = /^#ASDF_STANDARD\s+(\S+)/.exec(line);
      if (standard) this.standard = standard[1];
    }
    if (this.standard === undefined)
      this.add({
        code: 'standard',
        message:
          "the header has no '#ASDF_STANDARD x.y.z' line: readers must guess which version of the standard the tree follows",
        offset: 12,
        hint: "write the file with the asdf library, which adds '#ASDF_STANDARD 1.5.0'",
      });
    else if (!/^1\.[0-9]+\.[0-9]+$/.test(this.standard))
      this.add({
        code: 'standard',
        message: `the ASDF Standard version ${quote(this.standard)} is not 1.x.y`,
        offset: 12,
      });
    return true;
  }

  /** The YAML tree, if the file has one; problems with it are reported here. */
  private async readTree(): Promise<Document | undefined> {
    const start = this.reader.position;
    const head = await this.reader.read(5);
    this.reader.unread(head);
    if (head.length === 0 || head.subarray(0, 4).equals(BLOCK_MAGIC) || head[0] === 0x23) return undefined;
    const parts: Buffer[] = [];
    let length = 0;
    let tail = Buffer.alloc(0);
    let ended = false;
    let endMarker = false;
    for (;;) {
      const chunk = await this.reader.read(READ_STEP);
      if (chunk.length === 0) {
        ended = true;
        // The end line may close the file without a newline.
        endMarker = /\r?\n\.\.\.\r?$/.test(tail.toString('latin1'));
        break;
      }
      // The end line or the block magic may straddle two reads: search with the last bytes before.
      const window = Buffer.concat([tail, chunk]);
      const base = length - tail.length;
      const end = TREE_END.exec(window.toString('latin1'));
      const magic = window.indexOf(BLOCK_MAGIC);
      const atEnd = end !== null && (magic < 0 || end.index < magic);
      if (atEnd || magic >= 0) {
        const cut = base + (atEnd ? end.index + end[0].length : magic);
        parts.push(chunk);
        const read = Buffer.concat(parts);
        this.reader.unread(read.subarray(cut));
        parts.splice(0, parts.length, read.subarray(0, cut));
        endMarker = atEnd;
        break;
      }
      parts.push(chunk);
      length += chunk.length;
      tail = window.subarray(Math.max(0, window.length - 8));
      if (length > this.caps.maxTreeBytes) break;
    }
    const text = Buffer.concat(parts);
    if (text.length > this.caps.maxTreeBytes) {
      this.add({
        code: 'tree-too-large',
        message: `the YAML tree is longer than ${grouped(this.caps.maxTreeBytes)} bytes, the most read; the tree and the blocks after it were not checked`,
        offset: start,
        hint: 'store large data in binary blocks (ndarrays), not in the tree',
      });
      this.lost = true;
      return undefined;
    }
    if (!endMarker && ended) {
      // A file cut inside its tree: one finding; the blocks are gone with it.
      this.endedEarly({
        code: 'tree-end',
        message: `the YAML tree that starts at offset ${start} has no end line '...': the file is truncated`,
        offset: start + text.length,
        hint: 'copy or write the file again',
      });
      return undefined;
    }
    if (!endMarker)
      this.add({
        code: 'tree-end',
        message: `the YAML tree that starts at offset ${start} has no end line '...' before the first block`,
        offset: start + text.length,
        hint: "end the tree with a line '...', as the asdf library writes it",
      });
    let yamlText: string;
    try {
      yamlText = new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      this.add({ code: 'yaml', message: 'the YAML tree is not UTF-8 text', offset: start });
      return undefined;
    }
    if (!/^%YAML\s/.test(yamlText))
      this.add({
        code: 'yaml',
        message: `the tree must start with '%YAML 1.1', found ${quote(yamlText.split(/\r?\n/, 1)[0] ?? '')}`,
        offset: start,
      });
    const document = parseDocument(yamlText, {
      uniqueKeys: false,
      prettyErrors: false,
      logLevel: 'silent',
      customTags: pyyamlTags,
    });
    const error = document.errors[0];
    if (error) {
      const at = error.pos?.[0] ?? 0;
      const line = yamlText.slice(0, at).split('\n').length;
      this.add({
        code: 'yaml',
        message: `the YAML tree does not parse at its line ${line}: ${error.message.split('\n')[0]}`,
        offset: start + (error.pos?.[0] ?? 0),
      });
      return undefined;
    }
    try {
      document.toJS({ maxAliasCount: this.caps.maxAliases });
    } catch (refused) {
      this.add({
        code: 'yaml',
        message: `the YAML tree is refused: ${(refused as Error).message.split('\n')[0]} (more than ${this.caps.maxAliases} alias expansions)`,
        offset: start,
        hint: 'write the tree without chains of YAML aliases (*name)',
      });
      return undefined;
    }
    if (!isMap(document.contents)) {
      this.add({ code: 'yaml', message: 'the YAML tree is not a mapping', offset: start });
      return undefined;
    }
    return document;
  }

  /** The blocks, one after the other, then the block index; each block's data streamed once. */
  private async readBlocks(): Promise<void> {
    for (;;) {
      const at = this.reader.position;
      const magic = await this.reader.read(4);
      if (magic.length === 0) return;
      if (magic.equals(BLOCK_MAGIC)) {
        if (this.blocks.length >= this.caps.maxBlocks) {
          this.add({
            code: 'too-many-blocks',
            message: `the file has more than ${grouped(this.caps.maxBlocks)} blocks, the most read; the rest were not checked`,
            offset: at,
          });
          this.lost = true;
          return;
        }
        if (!(await this.readBlock(at))) return;
        continue;
      }
      if (magic.length < 4 && BLOCK_MAGIC.subarray(0, magic.length).equals(magic)) {
        this.truncated(this.blocks.length, at, 'its magic is cut');
        return;
      }
      this.reader.unread(magic);
      if (magic[0] === 0x23) {
        await this.readIndex(at);
        return;
      }
      // Padding between the tree and the first block is allowed (the asdf library leaves room to update in place).
      const skipped = await this.skipPadding();
      if (skipped > 0) continue;
      const bytes = await this.reader.read(16);
      this.add({
        code: 'block-magic',
        message: `bytes ${quote(bytes.toString('latin1'), 16)} at offset ${at} are neither a block (which starts with \\xd3BLK) nor the block index`,
        offset: at,
        hint: 'the file is corrupt, or bytes were appended to it',
      });
      this.lost = true;
      return;
    }
  }

  /** Skips spaces, newlines and NUL bytes; returns how many. */
  private async skipPadding(): Promise<number> {
    let skipped = 0;
    for (;;) {
      const bytes = await this.reader.read(READ_STEP);
      if (bytes.length === 0) return skipped;
      let i = 0;
      while (
        i < bytes.length &&
        (bytes[i] === 0 || bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d)
      )
        i++;
      skipped += i;
      if (i < bytes.length) {
        this.reader.unread(bytes.subarray(i));
        return skipped;
      }
    }
  }

  /** A read that stopped early is the cursor's failure (gzip damage, a cap) when there is one. */
  private endedEarly(problem: ContentProblem): void {
    this.lost = true;
    const failure = cursorProblem(this.reader.cursor);
    this.add(failure ?? problem);
    this.failureReported = failure !== undefined;
  }

  private truncated(index: number, at: number, what: string): false {
    this.endedEarly({
      code: 'truncated',
      message: `the file ends inside block ${index} (at offset ${at}): ${what}; the file is truncated`,
      offset: at,
      hint: 'copy or write the file again',
    });
    return false;
  }

  /** One block after its magic; false when the walk cannot go on. */
  private async readBlock(at: number): Promise<boolean> {
    const index = this.blocks.length;
    const sizeBytes = await this.reader.read(2);
    if (sizeBytes.length < 2) return this.truncated(index, at, 'its header is cut');
    const headerSize = sizeBytes.readUInt16BE(0);
    if (headerSize < MIN_BLOCK_HEADER) {
      this.add({
        code: 'block-header',
        message: `block ${index} (offset ${at}) has a header of ${headerSize} bytes, fewer than the ${MIN_BLOCK_HEADER} its fields take`,
        offset: at + 4,
      });
      this.lost = true;
      return false;
    }
    const header = await this.reader.read(headerSize);
    if (header.length < headerSize) return this.truncated(index, at, 'its header is cut');
    const flags = header.readUInt32BE(0);
    const compression = header.subarray(4, 8).toString('latin1').replace(/\0+$/, '');
    const [allocated, used, dataSize] = [8, 16, 24].map((offset) => header.readBigUInt64BE(offset)) as [
      bigint,
      bigint,
      bigint,
    ];
    const checksum = header.subarray(32, 48);
    const streamed = (flags & STREAMED) !== 0;
    const dataAt = at + 6 + headerSize;
    const huge = [allocated, used, dataSize].some((size) => size > BigInt(Number.MAX_SAFE_INTEGER));
    if (huge) {
      this.add({
        code: 'truncated',
        message: `block ${index} (offset ${at}) claims ${allocated} bytes, far more than any file holds: its header is corrupt`,
        offset: at + 8,
      });
      this.lost = true;
      return false;
    }
    const block: AsdfBlock = {
      offset: at,
      compression: compression === '' ? 'none' : compression,
      allocated: Number(allocated),
      used: Number(used),
      dataSize: Number(dataSize),
      streamed,
      sizeKnown: false,
    };
    this.blocks.push(block);
    if (streamed) {
      // A streamed block runs to the end of the file; its sizes are not written.
      if (block.compression !== 'none')
        this.add({
          code: 'block-header',
          message: `block ${index} is streamed and compressed (${quote(compression)}); a streamed block cannot be compressed`,
          offset: at + 10,
        });
      block.used = block.allocated = block.dataSize = await this.reader.pass(Number.POSITIVE_INFINITY);
      block.sizeKnown = true;
      return false;
    }
    if (block.allocated < block.used) {
      this.add({
        code: 'block-header',
        message: `block ${index} (offset ${at}) uses ${grouped(block.used)} bytes of the ${grouped(block.allocated)} it allocates: the used size cannot exceed the allocated size`,
        offset: at + 6,
      });
      this.lost = true;
      return false;
    }
    const verify = !checksum.every((byte) => byte === 0);
    const md5 = verify ? createHash('md5') : undefined;
    const fits = await this.readData(block, index, dataAt, md5);
    if (!fits) return false;
    // Judged once the data is known to be there: a block cut short is reported as that alone.
    if (block.compression === 'none' && block.dataSize !== block.used)
      this.add({
        code: 'block-header',
        message: `block ${index} (offset ${at}) is not compressed, yet its data size ${grouped(block.dataSize)} differs from its used size ${grouped(block.used)}`,
        offset: at + 6,
      });
    if (md5 && fits.decoded) {
      const digest = md5.digest();
      if (!digest.equals(checksum))
        this.add({
          code: 'checksum',
          message: `block ${index} (offset ${at}) fails its MD5 checksum: the header says ${checksum.toString('hex')}, the data gives ${digest.toString('hex')}; the data is corrupt`,
          offset: dataAt,
          hint: 'write the file again from the original data',
        });
    } else if (md5 && !fits.reported)
      this.add({
        code: 'checksum-unverified',
        message: `block ${index} (offset ${at}) is ${block.compression}-compressed, which this tool does not decode here: its MD5 checksum was not verified`,
        offset: dataAt,
        hint: 'zlib compression (or none) lets every reader verify the data',
      });
    const rest = block.allocated - block.used;
    if ((await this.reader.pass(rest)) < rest)
      return this.truncated(index, at, `its ${grouped(block.allocated)} allocated bytes are cut`);
    block.sizeKnown = fits.reported !== true;
    return true;
  }

  /**
   * Streams the used bytes of a block through its decompressor and the MD5; undefined when the file
   * ends first (reported). `decoded` is false for a compression that is not decoded here.
   */
  private async readData(
    block: AsdfBlock,
    index: number,
    dataAt: number,
    md5: Hash | undefined,
  ): Promise<{ decoded: boolean; reported?: boolean } | undefined> {
    const cutShort = () => {
      this.truncated(
        index,
        block.offset,
        `its ${grouped(block.used)} bytes of data are cut after ${grouped(this.reader.position - dataAt)}`,
      );
      return undefined;
    };
    const sizeMismatch = (found: number, more: boolean) =>
      this.add({
        code: 'compression',
        message: `block ${index} (offset ${block.offset}) decompresses to ${more ? 'more than ' : ''}${grouped(found)} bytes, but its header claims ${grouped(block.dataSize)}`,
        offset: dataAt,
      });
    if (block.compression === 'none') {
      const passed = await this.reader.pass(block.used, md5 ? (bytes) => void md5.update(bytes) : undefined);
      return passed < block.used ? cutShort() : { decoded: true };
    }
    if (block.compression === 'zlib') {
      let consumed = 0;
      let inflated = 0;
      let over = false;
      const reader = this.reader;
      const used = block.used;
      async function* compressed(): AsyncGenerator<Buffer> {
        while (consumed < used) {
          const chunk = await reader.read(Math.min(READ_STEP, used - consumed));
          if (chunk.length === 0) return;
          consumed += chunk.length;
          yield chunk;
        }
      }
      const limit = Math.min(block.dataSize, this.limits.maxInflatedBytes);
      let damage: string | undefined;
      try {
        await pipeline(
          compressed(),
          createInflate({ chunkSize: 256 * 1024 }),
          async (output: AsyncIterable<Buffer>) => {
            for await (const bytes of output) {
              inflated += bytes.length;
              if (inflated > limit) {
                over = true;
                return;
              }
              md5?.update(bytes);
            }
          },
        );
      } catch (error) {
        damage = (error as Error).message;
      }
      if (consumed < used && (await this.reader.pass(used - consumed)) < used - consumed) return cutShort();
      if (damage !== undefined && !over) {
        this.add({
          code: 'compression',
          message: `the zlib data of block ${index} (offset ${block.offset}) is corrupt after ${grouped(inflated)} bytes: ${damage}`,
          offset: dataAt,
        });
        return { decoded: false, reported: true };
      }
      if (over || inflated !== block.dataSize) {
        sizeMismatch(over ? limit : inflated, over);
        return { decoded: false, reported: true };
      }
      return { decoded: true };
    }
    if (block.compression === 'bzp2' && block.used <= this.caps.maxBzip2BlockBytes) {
      const parts: Buffer[] = [];
      const passed = await this.reader.pass(block.used, (bytes) => void parts.push(Buffer.from(bytes)));
      if (passed < block.used) return cutShort();
      const outcome = inflateBzip2(
        () => parts.shift(),
        (bytes) => void md5?.update(bytes),
        Math.min(block.dataSize + 1, this.limits.maxInflatedBytes),
      );
      if (outcome.stop?.kind === 'corrupt') {
        this.add({
          code: 'compression',
          message: `the bzip2 data of block ${index} (offset ${block.offset}) is corrupt: ${outcome.stop.message}`,
          offset: dataAt,
        });
        return { decoded: false, reported: true };
      }
      if (outcome.inflated !== block.dataSize) {
        sizeMismatch(outcome.inflated, outcome.stop !== undefined);
        return { decoded: false, reported: true };
      }
      return { decoded: true };
    }
    const known = block.compression === 'bzp2' || block.compression === 'lz4';
    this.add({
      code: known ? 'not-decoded' : 'compression',
      message: known
        ? `block ${index} (offset ${block.offset}) is ${block.compression}-compressed${block.compression === 'bzp2' ? ` and larger than ${grouped(this.caps.maxBzip2BlockBytes)} bytes` : ''}: its data was not decoded here`
        : `block ${index} (offset ${block.offset}) has compression ${quote(block.compression)}, which is not one of ASDF's (zlib, bzp2, lz4): readers cannot decode it`,
      offset: block.offset + 10,
      ...(known ? {} : { hint: 'use zlib compression, or none' }),
    });
    const passed = await this.reader.pass(block.used);
    return passed < block.used ? cutShort() : { decoded: false, reported: !known };
  }

  /** The block index: a YAML list of the blocks' offsets, which must agree with the blocks read. */
  private async readIndex(at: number): Promise<void> {
    const max = 64 + this.blocks.length * 24;
    const bytes = await this.reader.read(max + 1);
    const text = bytes.toString('latin1');
    const inconsistent = (why: string) =>
      this.add({
        code: 'block-index',
        message: `the block index at offset ${at} ${why}; readers ignore it and find the blocks one by one`,
        offset: at,
        hint: 'write the file again with the asdf library, or leave the index out',
      });
    if (INDEX_LINE.startsWith(text.replace(/\r?\n$/, ''))) {
      inconsistent('is cut short');
      return;
    }
    if (!text.startsWith(INDEX_LINE)) {
      this.add({
        code: 'block-magic',
        message: `${quote(text.split('\n', 1)[0] ?? '', 40)} at offset ${at} is neither a block nor the block index line '${INDEX_LINE}'`,
        offset: at,
      });
      this.lost = true;
      return;
    }
    if (bytes.length > max) {
      inconsistent(`is longer than ${max} bytes for ${this.blocks.length} blocks`);
      return;
    }
    const document = parseDocument(text.slice(text.indexOf('\n') + 1), {
      prettyErrors: false,
      logLevel: 'silent',
    });
    let offsets: unknown;
    try {
      offsets = document.errors.length === 0 ? document.toJS({ maxAliasCount: 0 }) : undefined;
    } catch {
      offsets = undefined;
    }
    if (!Array.isArray(offsets) || !offsets.every((offset) => Number.isInteger(offset))) {
      inconsistent('is not a YAML list of offsets');
      return;
    }
    const actual = this.blocks.map((block) => block.offset);
    if (offsets.length !== actual.length) {
      inconsistent(`lists ${offsets.length} blocks, but the file has ${actual.length}`);
      return;
    }
    const wrong = offsets.findIndex((offset, i) => offset !== actual[i]);
    if (wrong >= 0)
      inconsistent(`gives offset ${offsets[wrong]} for block ${wrong}, which starts at ${actual[wrong]}`);
  }

  /** Every ndarray of the tree against the block it points at. */
  private checkArrays(document: Document): void {
    const blocks = this.blocks;
    visit(document, {
      Map: (_key, node, path) => {
        if (!node.tag || !/\/ndarray-[0-9]/.test(node.tag)) return;
        this.arrays++;
        this.checkArray(document, node, pathOf(path, node), blocks);
      },
    });
  }

  private checkArray(document: Document, node: YAMLMap, where: string, blocks: AsdfBlock[]): void {
    const value = (key: string): unknown => {
      const item = node.get(key, true) as Node | undefined;
      return item === undefined ? undefined : item.toJS(document, { maxAliasCount: this.caps.maxAliases });
    };
    const source = value('source');
    if (source === undefined) {
      const data = value('data');
      if (data === undefined)
        this.add({
          code: 'ndarray',
          message: `the array ${quote(where)} has neither a source (a block) nor inline data`,
          key: where,
        });
      else {
        const shape = value('shape');
        const found = inlineShape(data);
        if (Array.isArray(shape) && found.join() !== shape.join())
          this.add({
            code: 'ndarray',
            message: `the array ${quote(where)} declares shape [${shape.join(', ')}], but its inline data has shape [${found.join(', ')}]`,
            key: where,
            hint: 'the shape in the tree disagrees with the data written',
          });
      }
      return;
    }
    if (typeof source === 'string') {
      this.add({
        code: 'ndarray-external',
        message: `the array ${quote(where)} is stored in another file, ${quote(source)}, which was not checked here`,
        key: where,
        hint: 'deliver that file too, or store the array in this file',
      });
      return;
    }
    if (!Number.isInteger(source)) {
      this.add({
        code: 'ndarray',
        message: `the array ${quote(where)} has source ${quote(String(source))}, not a block number`,
        key: where,
      });
      return;
    }
    const index = (source as number) < 0 ? blocks.length + (source as number) : (source as number);
    const block = blocks[index];
    if (!block) {
      // After truncation or a corrupt block, missing blocks are that defect's, already reported.
      if (!this.lost)
        this.add({
          code: 'ndarray',
          message: `the array ${quote(where)} points at block ${source}, but the file has ${blocks.length} block${blocks.length === 1 ? '' : 's'}`,
          key: where,
          hint: 'write the file again with the asdf library',
        });
      return;
    }
    if (!block.sizeKnown) return;
    const itemSize = itemSizeOf(value('datatype'));
    const shape = value('shape');
    if (itemSize === undefined || !Array.isArray(shape)) return;
    // A streamed array's first dimension ('*') is whatever the block holds.
    if (!shape.every((n, i) => (Number.isInteger(n) && n >= 0) || (i === 0 && n === '*'))) return;
    if (shape[0] === '*') return;
    const offset = Number.isInteger(value('offset')) ? (value('offset') as number) : 0;
    const strides = value('strides');
    let extent: number;
    if (
      Array.isArray(strides) &&
      strides.length === shape.length &&
      strides.every((s) => Number.isInteger(s))
    ) {
      if (shape.some((n) => n === 0)) return;
      extent =
        itemSize +
        shape.reduce((sum: number, n: number, i) => sum + (n - 1) * Math.abs(strides[i] as number), 0);
    } else extent = shape.reduce((product: number, n: number) => product * n, itemSize);
    const needed = offset + extent;
    if (needed > block.dataSize)
      this.add({
        code: 'ndarray',
        message: `the array ${quote(where)} (shape [${shape.join(', ')}], ${itemSize}-byte items${offset ? `, offset ${offset}` : ''}) needs ${grouped(needed)} bytes, but block ${source} holds ${grouped(block.dataSize)}`,
        key: where,
        hint: 'the shape or datatype in the tree disagrees with the data written',
      });
  }
}

/** `roman.data` or `arrays[2]`: where a node sits in the tree, from the path `visit` gives. */
function pathOf(path: readonly unknown[], node: unknown): string {
  const parts: string[] = [];
  const chain = [...path, node];
  for (let i = 0; i < chain.length; i++) {
    const step = chain[i] as { key?: unknown };
    if (isSeq(step)) {
      const child = chain[i + 1];
      if (child !== undefined) parts.push(`[${step.items.indexOf(child as never)}]`);
    } else if (step && typeof step === 'object' && 'key' in step && 'value' in step) {
      const key = isScalar(step.key) ? String((step.key as Scalar).value) : String(step.key);
      parts.push(parts.length === 0 ? key : `.${key}`);
    }
  }
  return parts.join('').replace(/^\./, '') || '(root)';
}

/** The shape of nested lists, from their first elements (a ragged list shows where it first differs). */
function inlineShape(data: unknown): (number | string)[] {
  const shape: (number | string)[] = [];
  let level: unknown = data;
  while (Array.isArray(level)) {
    const items: unknown[] = level;
    const first = items[0];
    const width = Array.isArray(first) ? first.length : -1;
    if (items.some((item) => (Array.isArray(item) ? item.length : -1) !== width))
      return [...shape, items.length, 'ragged'];
    shape.push(items.length);
    level = first;
  }
  return shape;
}

const ITEM_SIZES: Record<string, number> = {
  int8: 1,
  uint8: 1,
  bool8: 1,
  int16: 2,
  uint16: 2,
  float16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  int64: 8,
  uint64: 8,
  float64: 8,
  complex64: 8,
  complex128: 16,
};

/** Bytes of one item of an ndarray datatype: a name, ['ascii'|'ucs4', n], or a list of fields. */
function itemSizeOf(datatype: unknown): number | undefined {
  if (typeof datatype === 'string') return ITEM_SIZES[datatype];
  if (!Array.isArray(datatype)) return undefined;
  if (
    datatype.length === 2 &&
    (datatype[0] === 'ascii' || datatype[0] === 'ucs4') &&
    Number.isInteger(datatype[1])
  )
    return (datatype[0] === 'ascii' ? 1 : 4) * (datatype[1] as number);
  let total = 0;
  for (const field of datatype) {
    if (typeof field !== 'object' || field === null) return undefined;
    const size = itemSizeOf((field as { datatype?: unknown }).datatype);
    if (size === undefined) return undefined;
    const shape = (field as { shape?: unknown }).shape;
    const count =
      Array.isArray(shape) && shape.every((n) => Number.isInteger(n)) ? shape.reduce((a, n) => a * n, 1) : 1;
    total += size * count;
  }
  return total;
}

/**
 * The top-level `meta` mapping (or `roman.meta`) as FITS-style keywords; nested values are not
 * keywords. A tree without one has no HLSP metadata: an empty map, so the profiles find it missing.
 */
function metadataOf(document: Document): Map<string, string | number | boolean | null> {
  const metadata = new Map<string, string | number | boolean | null>();
  const root = document.contents;
  if (!isMap(root)) return metadata;
  let meta = resolve(document, root.get('meta', true));
  if (!isMap(meta)) {
    const roman = resolve(document, root.get('roman', true));
    meta = isMap(roman) ? resolve(document, roman.get('meta', true)) : undefined;
  }
  if (!isMap(meta)) return metadata;
  for (const pair of meta.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key !== 'string') continue;
    const value = resolve(document, pair.value);
    if (!isScalar(value)) continue;
    const scalar = value.value;
    // A YAML 1.1 timestamp is kept as written, as a FITS date keyword would be.
    if (scalar instanceof Date) metadata.set(key.toUpperCase(), value.source ?? scalar.toISOString());
    else if (typeof scalar === 'bigint') metadata.set(key.toUpperCase(), Number(scalar));
    else if (scalar === null || ['string', 'number', 'boolean'].includes(typeof scalar))
      metadata.set(key.toUpperCase(), scalar as string | number | boolean | null);
  }
  return metadata;
}

function resolve(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}
