import {
  BLOCK_LENGTH,
  CARD_LENGTH,
  CARDS_PER_BLOCK,
  joinLongStrings,
  latin1,
  parseCard,
  parseCardAt,
} from './card.js';
import { addWords, combineSums } from './checksum.js';
import { imageViewOf, isCompressedImage, skippedTiles, summarizeTiles } from './compression/view.js';
import {
  cardMap,
  classifyHdu,
  declaredDataSize,
  describeColumns,
  intValue,
  paddedSize,
  stringValue,
} from './layout.js';
import type { Card, FitsFile, Hdu, ReadLimits, ReadProblem } from './types.js';
import { DEFAULT_LIMITS } from './types.js';

export interface ParserOptions {
  limits?: Partial<ReadLimits>;
  /** Sum data units that carry CHECKSUM or DATASUM (default true). */
  verifyChecksums?: boolean;
}

type State = 'header' | 'data' | 'trailing' | 'stopped';

interface PendingHdu {
  index: number;
  headerOffset: number;
  cards: Card[];
  headerSum: number;
  badHeaderFillBytes: number;
  badHeaderFillOffset?: number;
}

const BLANK_BLOCK = Buffer.alloc(BLOCK_LENGTH, 0x20);
const ZERO_BLOCK = Buffer.alloc(BLOCK_LENGTH);

/** True when every byte is printable ASCII (32-126), as every header byte must be. */
function isPrintable(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte < 32 || byte > 126) return false;
  }
  return true;
}

/**
 * Whether the first bytes of a file have the shape of a FITS header: it starts with SIMPLE, or one of
 * its whole cards has the value indicator ('= ' in columns 9-10) or is END. Text of any other shape
 * (a README under a .fits name) is not read as a header full of broken cards.
 */
function looksLikeHeader(bytes: Uint8Array, length: number): boolean {
  if (latin1(bytes, 0, Math.min(6, length)) === 'SIMPLE'.slice(0, Math.min(6, length))) return true;
  for (let at = 0; at + CARD_LENGTH <= length; at += CARD_LENGTH) {
    if (bytes[at + 8] === 0x3d && bytes[at + 9] === 0x20) return true;
    if (latin1(bytes, at, at + 8) === 'END     ') return true;
  }
  return false;
}

/** A parser's working memory: the header block being filled, its views, and a partial data word. */
interface Scratch {
  block: Uint8Array;
  blockBuffer: Buffer;
  blockWords: Int32Array;
  partialWord: Uint8Array;
}

/** Scratch memory of parsers that ended: a run reads thousands of files, one or a few at a time. */
const freeScratch: Scratch[] = [];

function takeScratch(): Scratch {
  const reused = freeScratch.pop();
  if (reused) return reused;
  const block = new Uint8Array(BLOCK_LENGTH);
  return {
    block,
    blockBuffer: Buffer.from(block.buffer, block.byteOffset, BLOCK_LENGTH),
    blockWords: new Int32Array(block.buffer, block.byteOffset, BLOCK_LENGTH / 4),
    partialWord: new Uint8Array(4),
  };
}

function releaseScratch(scratch: Scratch): void {
  if (freeScratch.length < 8) freeScratch.push(scratch);
}

/**
 * A push parser over the bytes of a FITS file: feed it chunks of any size with `push`, or tell it
 * with `skip` that bytes were passed over, then call `end`. It keeps only the current header block,
 * the cards, and (bounded) table bytes, so memory does not grow with the data size. It never throws
 * on bad input: damage becomes a `ReadProblem`, and the walk goes on whenever the layout allows.
 */
export class FitsParser {
  private readonly limits: ReadLimits;
  private readonly verifyChecksums: boolean;
  private offset = 0;
  private state: State = 'header';
  private readonly hdus: Hdu[] = [];
  private readonly problems: ReadProblem[] = [];
  private trailingBytes = 0;
  private readonly scratch = takeScratch();
  private scratchReleased = false;
  private readonly block = this.scratch.block;
  private readonly blockBuffer = this.scratch.blockBuffer;
  private readonly blockWords = this.scratch.blockWords;
  private blockFill = 0;
  private pending: PendingHdu | undefined;
  // Data unit in progress.
  private hdu: Hdu | undefined;
  private dataPosition = 0;
  private summing = false;
  private sum = 0;
  private readonly partialWord = this.scratch.partialWord;
  private partialLength = 0;
  private capture: Uint8Array[] | undefined;
  private captureLength = 0;

  constructor(options: ParserOptions = {}) {
    this.limits = options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
    this.verifyChecksums = options.verifyChecksums ?? true;
  }

  /** How many of the next bytes no check needs, so a file reader may seek past them. */
  skippable(): number {
    if (this.state !== 'data' || !this.hdu || this.summing || this.capture) return 0;
    // Keep the last block: it holds the fill, which must be checked.
    return Math.max(0, this.hdu.paddedDataSize - BLOCK_LENGTH - this.dataPosition);
  }

  /**
   * How many of the next bytes are only summed for DATASUM: a reader may sum them itself (on several
   * threads, since ones'-complement sums of word-aligned ranges add) and pass them with `skipSummed`.
   * The last block stays with the parser, which checks its fill.
   */
  summable(): number {
    if (this.state !== 'data' || !this.hdu || !this.summing || this.capture || this.partialLength !== 0)
      return 0;
    const count = this.hdu.paddedDataSize - BLOCK_LENGTH - this.dataPosition;
    return count > 0 ? count - (count % 4) : 0;
  }

  /** Records that `count` bytes (at most `summable()`) were passed over, with their ones'-complement sum. */
  skipSummed(count: number, sum: number): void {
    if (count <= 0) return;
    this.sum = combineSums(this.sum, sum);
    this.dataPosition += count;
    this.offset += count;
    this.hdu!.dataBytesRead += count;
  }

  /** Records that `count` bytes were passed over (only ever up to `skippable()`). */
  skip(count: number): void {
    if (count <= 0) return;
    this.dataPosition += count;
    this.offset += count;
    if (this.hdu) this.hdu.dataBytesRead += count;
  }

  /** Feeds the next bytes. The chunk may be reused by the caller afterwards. */
  push(chunk: Uint8Array): void {
    let position = 0;
    while (position < chunk.length) {
      switch (this.state) {
        case 'header':
          position = this.pushHeader(chunk, position);
          break;
        case 'data':
          position = this.pushData(chunk, position);
          break;
        case 'trailing':
          this.trailingBytes += chunk.length - position;
          this.offset += chunk.length - position;
          return;
        case 'stopped':
          this.offset += chunk.length - position;
          return;
      }
    }
  }

  /**
   * Finishes the walk and returns everything found. `streamFailed`: the bytes stopped because the
   * decompression or the read failed, so a partial last block says nothing about the file's shape.
   */
  end(streamFailed = false): Omit<FitsFile, 'compressed' | 'sha256'> {
    if (this.state === 'header') this.endInHeader(streamFailed);
    else if (this.state === 'data' && this.hdu) {
      const hdu = this.hdu;
      const missing = hdu.paddedDataSize - hdu.dataBytesRead;
      this.problem(
        'data-truncated',
        hdu.index,
        this.offset,
        `the file ends ${missing} bytes before the end of HDU ${hdu.index}'s data (${hdu.paddedDataSize} bytes with fill)`,
      );
      this.finishHdu();
    }
    if (this.offset === 0) this.problem('empty-file', null, 0, 'the file is empty');
    this.state = 'stopped';
    // An ended parser reads its scratch memory no more; `end` may be called again (after a failure).
    if (!this.scratchReleased) {
      this.scratchReleased = true;
      releaseScratch(this.scratch);
    }
    return { size: this.offset, hdus: this.hdus, problems: this.problems, trailingBytes: this.trailingBytes };
  }

  private problem(code: ReadProblem['code'], hdu: number | null, offset: number, message: string): void {
    this.problems.push({ code, hdu, offset, message });
  }

  private pushHeader(chunk: Uint8Array, position: number): number {
    const take = Math.min(BLOCK_LENGTH - this.blockFill, chunk.length - position);
    this.block.set(chunk.subarray(position, position + take), this.blockFill);
    this.blockFill += take;
    this.offset += take;
    if (this.blockFill === BLOCK_LENGTH) {
      this.blockFill = 0;
      this.headerBlock();
    }
    return position + take;
  }

  private headerBlock(): void {
    const blockOffset = this.offset - BLOCK_LENGTH;
    if (!this.pending) {
      const index = this.hdus.length;
      if (index === 0 && !isPrintable(this.block, 0, CARD_LENGTH)) {
        this.problem(
          'not-fits',
          null,
          0,
          'the file does not start with a FITS header (its first 80 bytes are not text)',
        );
        this.stop();
        return;
      }
      if (index === 0 && !looksLikeHeader(this.block, BLOCK_LENGTH)) {
        this.notFitsText();
        return;
      }
      if (index > 0 && latin1(this.block, 0, 8) !== 'XTENSION') {
        this.trailingBytes += BLOCK_LENGTH;
        this.state = 'trailing';
        return;
      }
      // Checked when another HDU begins, so a file of exactly maxHdus HDUs is read whole.
      if (index >= this.limits.maxHdus) {
        this.problem(
          'too-many-hdus',
          null,
          blockOffset,
          `the file has more than ${this.limits.maxHdus} HDUs; the rest of the file was not read`,
        );
        this.stop();
        return;
      }
      this.pending = { index, headerOffset: blockOffset, cards: [], headerSum: 0, badHeaderFillBytes: 0 };
    } else if (!isPrintable(this.block, 0, 8)) {
      // Binary bytes where a keyword should be: the header ran into data without an END card.
      this.problem(
        'no-end',
        this.pending.index,
        blockOffset,
        `HDU ${this.pending.index}'s header has no END card; binary data starts at byte ${blockOffset}`,
      );
      this.pushPendingWithoutEnd();
      this.stop();
      return;
    }
    const pending = this.pending;
    pending.headerSum = combineSums(pending.headerSum, addWords(0, this.block, 0, this.block.length));
    let endIndex = -1;
    for (let i = 0; i < CARDS_PER_BLOCK; i++) {
      const start = i * CARD_LENGTH;
      const card = parseCardAt(
        this.block,
        this.blockWords,
        start,
        pending.index,
        pending.cards.length,
        blockOffset + start,
      );
      pending.cards.push(card);
      if (card.keyword === 'END' && card.raw.startsWith('END     ')) {
        endIndex = card.index;
        this.checkHeaderFill(pending, start + CARD_LENGTH, blockOffset);
        break;
      }
    }
    if (endIndex >= 0) {
      this.finishHeader(endIndex);
      return;
    }
    if (this.offset - pending.headerOffset >= this.limits.maxHeaderBytes) {
      this.problem(
        'header-too-large',
        pending.index,
        pending.headerOffset,
        `HDU ${pending.index}'s header is larger than ${this.limits.maxHeaderBytes} bytes without an END card; the rest of the file was not read`,
      );
      this.pushPendingWithoutEnd();
      this.stop();
    }
  }

  private checkHeaderFill(pending: PendingHdu, from: number, blockOffset: number): void {
    if (this.blockBuffer.compare(BLANK_BLOCK, from, BLOCK_LENGTH, from, BLOCK_LENGTH) === 0) return;
    for (let i = from; i < BLOCK_LENGTH; i++) {
      if (this.block[i] !== 0x20) {
        if (pending.badHeaderFillOffset === undefined) pending.badHeaderFillOffset = blockOffset + i;
        pending.badHeaderFillBytes++;
      }
    }
  }

  private buildHdu(pending: PendingHdu, endIndex: number): Hdu {
    joinLongStrings(pending.cards);
    const keywords = cardMap(pending.cards);
    const kind = classifyHdu(pending.index, keywords);
    const headerSize = this.offset - pending.headerOffset;
    const hdu: Hdu = {
      index: pending.index,
      kind,
      headerOffset: pending.headerOffset,
      headerSize,
      cards: pending.cards,
      keywords,
      endIndex,
      beforeEnd: undefined,
      dataOffset: pending.headerOffset + headerSize,
      dataSize: 0,
      paddedDataSize: 0,
      dataBytesRead: 0,
      headerSum: pending.headerSum,
      badHeaderFillBytes: pending.badHeaderFillBytes,
      // Every field present from the start: HDUs keep one shape for the rules that read them.
      badHeaderFillOffset: pending.badHeaderFillOffset,
      sizeError: undefined,
      dataSum: undefined,
      badFillBytes: undefined,
      badFillOffset: undefined,
      tableBytes: undefined,
      heapBytes: undefined,
      columns:
        kind === 'binary-table' || kind === 'ascii-table'
          ? describeColumns(keywords, kind === 'binary-table')
          : undefined,
      image: undefined,
    };
    return hdu;
  }

  private pushPendingWithoutEnd(): void {
    if (!this.pending) return;
    const hdu = this.buildHdu(this.pending, -1);
    hdu.sizeError = 'the header has no END card, so the data cannot be located';
    hdu.dataSize = -1;
    this.hdus.push(hdu);
    this.pending = undefined;
  }

  private finishHeader(endIndex: number): void {
    const hdu = this.buildHdu(this.pending!, endIndex);
    this.pending = undefined;
    const declared = declaredDataSize(hdu.kind, hdu.keywords);
    if (declared.error) {
      hdu.sizeError = declared.error;
      hdu.dataSize = -1;
      this.hdus.push(hdu);
      this.problem(
        'bad-size',
        hdu.index,
        hdu.headerOffset,
        `HDU ${hdu.index}'s data size cannot be computed (${declared.error}); the rest of the file was not read`,
      );
      this.stop();
      return;
    }
    hdu.dataSize = declared.size;
    hdu.paddedDataSize = paddedSize(declared.size);
    if (isCompressedImage(hdu)) hdu.image = imageViewOf(hdu);
    this.hdu = hdu;
    this.dataPosition = 0;
    this.partialLength = 0;
    this.sum = 0;
    this.summing = this.verifyChecksums && hasChecksumKeywords(hdu);
    this.capture = this.shouldCapture(hdu) ? [] : undefined;
    this.captureLength = 0;
    if (hdu.paddedDataSize === 0) this.finishHdu();
    else this.state = 'data';
  }

  private shouldCapture(hdu: Hdu): boolean {
    if (hdu.kind !== 'binary-table' || hdu.dataSize === 0) return false;
    return hdu.dataSize <= this.limits.maxTableCaptureBytes;
  }

  private pushData(chunk: Uint8Array, position: number): number {
    const hdu = this.hdu!;
    const take = Math.min(hdu.paddedDataSize - this.dataPosition, chunk.length - position);
    const end = position + take;
    if (this.summing) this.sumBytes(chunk, position, end);
    if (this.capture && this.dataPosition < hdu.dataSize) {
      const wanted = Math.min(end, position + hdu.dataSize - this.dataPosition);
      // A copy: the reader reuses the chunk's memory for its next read.
      this.capture.push(Buffer.from(chunk.subarray(position, wanted)));
      this.captureLength += wanted - position;
    }
    this.checkDataFill(hdu, chunk, position, end);
    this.dataPosition += take;
    this.offset += take;
    hdu.dataBytesRead += take;
    if (this.dataPosition === hdu.paddedDataSize) this.finishHdu();
    return end;
  }

  private sumBytes(chunk: Uint8Array, start: number, end: number): void {
    let position = start;
    while (this.partialLength > 0 && this.partialLength < 4 && position < end) {
      this.partialWord[this.partialLength++] = chunk[position++]!;
    }
    if (this.partialLength === 4) {
      this.sum = addWords(this.sum, this.partialWord, 0, this.partialWord.length);
      this.partialLength = 0;
    }
    const aligned = position + ((end - position) & ~3);
    this.sum = addWords(this.sum, chunk, position, aligned);
    for (let i = aligned; i < end; i++) this.partialWord[this.partialLength++] = chunk[i]!;
  }

  private checkDataFill(hdu: Hdu, chunk: Uint8Array, start: number, end: number): void {
    const fillStart = Math.max(start, hdu.dataSize - this.dataPosition + start);
    if (fillStart >= end) return;
    const expected = hdu.kind === 'ascii-table' ? BLANK_BLOCK : ZERO_BLOCK;
    // Fill is shorter than a block: one compare settles a clean fill.
    if (Buffer.compare(chunk.subarray(fillStart, end), expected.subarray(0, end - fillStart)) === 0) return;
    const byte = expected[0]!;
    for (let i = fillStart; i < end; i++) {
      if (chunk[i] !== byte) {
        if (hdu.badFillOffset === undefined) hdu.badFillOffset = this.offset + (i - start);
        hdu.badFillBytes = (hdu.badFillBytes ?? 0) + 1;
      }
    }
  }

  private finishHdu(): void {
    const hdu = this.hdu!;
    if (this.summing && hdu.dataBytesRead === hdu.paddedDataSize) hdu.dataSum = this.sum;
    let data: Uint8Array | undefined;
    if (this.capture && this.captureLength === hdu.dataSize) {
      data = this.capture.length === 1 ? this.capture[0]! : Buffer.concat(this.capture, this.captureLength);
      const rowBytes = (intValue(hdu.keywords, 'NAXIS1') ?? 0) * (intValue(hdu.keywords, 'NAXIS2') ?? 0);
      const tableLength = Math.min(data.length, rowBytes);
      hdu.tableBytes = data.subarray(0, tableLength);
      hdu.heapBytes = data.subarray(tableLength);
    }
    if (hdu.image) this.readTiles(hdu, hdu.image, data);
    this.hdus.push(hdu);
    this.hdu = undefined;
    this.capture = undefined;
    this.state = 'header';
  }

  /** Decodes a compressed image's tiles from its captured data unit, keeping only their summary. */
  private readTiles(hdu: Hdu, view: NonNullable<Hdu['image']>, data: Uint8Array | undefined): void {
    if (hdu.dataBytesRead < hdu.paddedDataSize) view.tiles = skippedTiles('truncated');
    else if (!data && hdu.dataSize > 0) view.tiles = skippedTiles('too-large');
    else view.tiles = summarizeTiles(hdu, data ?? new Uint8Array(0), this.limits.maxDecodedTileBytes);
    if (view.tiles.dataSum !== undefined) {
      view.hdu.dataSum = view.tiles.dataSum;
      view.hdu.dataBytesRead = view.hdu.paddedDataSize;
    }
  }

  private notFitsText(): void {
    this.problem(
      'not-fits',
      null,
      0,
      "the file does not start with a FITS header (no card of its first block has the form 'KEYWORD = value')",
    );
    this.stop();
  }

  private endInHeader(streamFailed: boolean): void {
    const start = this.offset - this.blockFill;
    if (this.pending) {
      // The file stops inside a header: it was cut short, and a last partial block is part of that
      // header, not trailing bytes. One problem, reported by fits/truncated; fits/end-card stays quiet.
      this.problem(
        'header-truncated',
        this.pending.index,
        this.pending.headerOffset,
        `the file ends inside HDU ${this.pending.index}'s header, before its END card`,
      );
      this.addPartialBlockCards(this.pending, start);
      this.pushPendingWithoutEnd();
      this.blockFill = 0;
      return;
    }
    if (this.blockFill === 0) return;
    const startsExtension =
      latin1(this.block, 0, Math.min(8, this.blockFill)) === 'XTENSION'.slice(0, Math.min(8, this.blockFill));
    if (this.hdus.length === 0 && !streamFailed && !looksLikeHeader(this.block, this.blockFill)) {
      this.notFitsText();
      this.blockFill = 0;
      return;
    }
    if (this.hdus.length === 0 || startsExtension) {
      const index = this.hdus.length;
      this.problem(
        'header-truncated',
        index,
        start,
        `the file ends ${BLOCK_LENGTH - this.blockFill} bytes short of a whole 2880-byte header block in HDU ${index}`,
      );
      if (isPrintable(this.block, 0, Math.min(CARD_LENGTH, this.blockFill))) {
        this.pending = { index, headerOffset: start, cards: [], headerSum: 0, badHeaderFillBytes: 0 };
        this.addPartialBlockCards(this.pending, start);
        this.pushPendingWithoutEnd();
      }
    } else {
      this.trailingBytes += this.blockFill;
    }
    this.blockFill = 0;
  }

  /** Adds the whole cards of the last, partial header block, so rules can still read them. */
  private addPartialBlockCards(pending: PendingHdu, start: number): void {
    if (!isPrintable(this.block, 0, Math.min(CARD_LENGTH, this.blockFill))) return;
    for (let at = 0; at + CARD_LENGTH <= this.blockFill; at += CARD_LENGTH) {
      pending.cards.push(
        parseCard(latin1(this.block, at, at + CARD_LENGTH), pending.cards.length, start + at),
      );
    }
  }

  private stop(): void {
    this.state = 'stopped';
  }
}

function hasChecksumKeywords(hdu: Hdu): boolean {
  const datasum = stringValue(hdu.keywords, 'DATASUM');
  const checksum = stringValue(hdu.keywords, 'CHECKSUM');
  return (
    (datasum !== undefined && datasum.trim() !== '') || (checksum !== undefined && checksum.trim() !== '')
  );
}

export function parseFitsBytes(
  bytes: Uint8Array,
  options: ParserOptions = {},
): Omit<FitsFile, 'compressed' | 'sha256'> {
  const parser = new FitsParser(options);
  parser.push(bytes);
  return parser.end();
}
