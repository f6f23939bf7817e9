/**
 * What the reader keeps of a tile-compressed image: the image HDU the convention restores (its
 * header, for the rules that judge content) and a summary of its tiles, decoded one at a time
 * while the file is read, so that no rule ever holds the pixels.
 */
import { BLOCK_LENGTH, CARD_LENGTH, joinLongStrings, parseCard } from '../card.js';
import { addWords, ONES_MODULUS } from '../checksum.js';
import { cardMap, declaredDataSize, intValue, logicalValue, paddedSize } from '../layout.js';
import type { Card, Hdu, ImageView, TileSummary } from '../types.js';
import { type CompressedImage, decompressTiles, describeCompressedImage, toBigEndian } from './decompress.js';
import { reconstructImageCards } from './header.js';

/** Errors kept per HDU: enough to name the first bad tiles; the rest are counted. */
const KEPT_ERRORS = 3;

/** True for the BINTABLE of a tile-compressed image (ZIMAGE = T). */
export function isCompressedImage(hdu: Hdu): boolean {
  return hdu.kind === 'binary-table' && logicalValue(hdu.keywords, 'ZIMAGE') === true;
}

/**
 * The image view of a compressed HDU whose header is complete. Its cards sit at the offsets of the
 * table cards they came from, so findings on them point at bytes of the file.
 */
export function imageViewOf(table: Hdu): ImageView {
  const made = reconstructImageCards(table.cards);
  const cards: Card[] = made.map(({ raw, source }, index) =>
    parseCard(raw, index, source?.offset ?? table.headerOffset),
  );
  const endOffset = table.cards[table.endIndex]?.offset ?? table.headerOffset;
  cards.push(parseCard('END'.padEnd(CARD_LENGTH), cards.length, endOffset));
  joinLongStrings(cards);
  const keywords = cardMap(cards);
  const kind = keywords.has('SIMPLE') ? 'primary' : 'image';
  const declared = declaredDataSize(kind, keywords);
  const blocks = Math.ceil(cards.length / 36);
  const header = Buffer.alloc(blocks * BLOCK_LENGTH, 0x20);
  cards.forEach((card, i) => {
    header.write(card.raw, i * CARD_LENGTH, 'latin1');
  });
  const hdu: Hdu = {
    index: table.index,
    kind,
    headerOffset: table.headerOffset,
    headerSize: blocks * BLOCK_LENGTH,
    cards,
    keywords,
    endIndex: cards.length - 1,
    beforeEnd: undefined,
    dataOffset: table.dataOffset,
    dataSize: declared.error ? -1 : declared.size,
    paddedDataSize: declared.error ? 0 : paddedSize(declared.size),
    dataBytesRead: 0,
    sizeError: declared.error,
    dataSum: undefined,
    headerSum: undefined,
    badFillBytes: undefined,
    badFillOffset: undefined,
    badHeaderFillBytes: 0,
    badHeaderFillOffset: undefined,
    tableBytes: undefined,
    heapBytes: undefined,
    columns: undefined,
    image: undefined,
  };
  return { hdu, headerSum: addWords(0, header, 0, header.length), tiles: undefined };
}

/** A summary for tiles that were not read at all. */
export function skippedTiles(skipped: NonNullable<TileSummary['skipped']>): TileSummary {
  return { skipped, tileCount: 0, decoded: 0, notDecoded: 0, errorCount: 0, errors: [], quantized: false };
}

/**
 * Decodes every tile of a compressed image whose whole data unit (`data`: table, then heap) was
 * read, keeping counts, the first errors and the decoded image's data sum. Defects of the table
 * itself (Z keywords, tile count, descriptors outside the heap) are left to the structure checks.
 */
export function summarizeTiles(table: Hdu, data: Uint8Array, maxDecodedBytes: number): TileSummary {
  const described = describeCompressedImage(table);
  if (!described.ok || intValue(table.keywords, 'NAXIS2') !== described.image.tileCount)
    return skippedTiles('structure');
  const image = described.image;
  const summary: TileSummary = {
    algorithm: image.algorithm,
    tileCount: image.tileCount,
    decoded: 0,
    notDecoded: 0,
    errorCount: 0,
    errors: [],
    quantized: image.quantize !== undefined,
  };
  let sum = 0;
  let tableDefects = 0;
  let notDecodedSeen = false;
  for (const result of decompressTiles(table, data, { maxTotalBytes: maxDecodedBytes })) {
    if (result.status === 'decoded') {
      summary.decoded++;
      // A quantized image's ZDATASUM sums the floats before quantization: no use summing these.
      if (!summary.quantized)
        sum = addTile(sum, image, result.start, result.shape, toBigEndian(result.pixels));
    } else if (result.status === 'not-decoded') {
      notDecodedSeen = true;
      summary.notDecodedReason ??= result.reason;
    } else if (result.cause === 'limit') {
      summary.stopped = result.message;
    } else if (result.cause === 'descriptor' || result.tile === null) {
      tableDefects++;
    } else {
      summary.errorCount++;
      if (summary.errors.length < KEPT_ERRORS)
        summary.errors.push({ tile: result.tile, message: result.message });
    }
  }
  if (notDecodedSeen && !summary.stopped)
    summary.notDecoded = image.tileCount - summary.decoded - summary.errorCount - tableDefects;
  if (summary.decoded === image.tileCount) summary.dataSum = sum;
  return summary;
}

/**
 * Adds a tile's big-endian pixel bytes to the sum of the image's data unit. The sum is over 4-byte
 * words of the whole image in raster order, so each byte counts by its position modulo 4: rows of
 * a tile are placed where they lie in the image, and a tile is summed whole when every pixel is a
 * whole number of words.
 */
function addTile(
  sum: number,
  image: CompressedImage,
  start: number[],
  shape: number[],
  bytes: Uint8Array,
): number {
  const pixelBytes = Math.abs(image.bitpix) / 8;
  if (pixelBytes % 4 === 0) return addWords(sum, bytes, 0, bytes.length - (bytes.length % 4));
  const rowPixels = shape[0] ?? 1;
  const rowBytes = rowPixels * pixelBytes;
  const rows = rowBytes === 0 ? 0 : bytes.length / rowBytes;
  const strides: number[] = [];
  let stride = 1;
  for (const length of image.axes) {
    strides.push(stride);
    stride *= length;
  }
  const coordinate = new Array<number>(shape.length).fill(0);
  for (let row = 0; row < rows; row++) {
    let pixel = 0;
    for (let axis = 0; axis < shape.length; axis++)
      pixel += (start[axis]! + coordinate[axis]!) * strides[axis]!;
    sum = addBytesAt(sum, bytes, row * rowBytes, (row + 1) * rowBytes, pixel * pixelBytes);
    for (let axis = 1; axis < shape.length; axis++) {
      coordinate[axis] = coordinate[axis]! + 1;
      if (coordinate[axis]! < shape[axis]!) break;
      coordinate[axis] = 0;
    }
  }
  return sum;
}

/** Adds `bytes[start, end)` to a ones'-complement word sum as if they began at byte `position` of the data. */
export function addBytesAt(
  sum: number,
  bytes: Uint8Array,
  start: number,
  end: number,
  position: number,
): number {
  let i = start;
  let at = position;
  for (; i < end && at % 4 !== 0; i++, at++)
    sum = (sum + bytes[i]! * 2 ** (8 * (3 - (at % 4)))) % ONES_MODULUS;
  const aligned = i + ((end - i) & ~3);
  sum = addWords(sum, bytes, i, aligned);
  at += aligned - i;
  for (i = aligned; i < end; i++, at++) sum = (sum + bytes[i]! * 2 ** (8 * (3 - (at % 4)))) % ONES_MODULUS;
  return sum;
}
