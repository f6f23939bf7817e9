/**
 * Tile by tile decompression of a tile-compressed image (FITS 4.0 §10): one BINTABLE row per
 * tile, the tile's bytes in the heap. Nothing here throws on bad input and nothing holds more
 * than one tile's pixels: damage becomes an error result naming the 1-based tile, and caps on
 * the tile size and the total decoded bytes bound the work a hostile header can ask for.
 */
import { describeColumns, intValue, stringValue } from '../layout.js';
import type { CardMap, ColumnInfo } from '../types.js';
import { inflateTile } from './gzip.js';
import { DITHER_SEQUENCE_LENGTH, dequantize, type QuantizeMethod } from './quantize.js';
import { decodeRice } from './rice.js';

/** A tile's pixels in the image's type: BITPIX 8, 16, 32, 64, -32, -64. */
export type ImagePixels = Uint8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;

export type TileResult =
  | {
      status: 'decoded';
      /** 1-based tile number, which is also the table row. */
      tile: number;
      /** 0-based pixel coordinates of the tile's first pixel, axis 1 first. */
      start: number[];
      /** The tile's length along each axis; edge tiles may be shorter than ZTILEn. */
      shape: number[];
      /** The pixels, axis 1 varying fastest. */
      pixels: ImagePixels;
    }
  /** An algorithm or feature this decoder leaves alone (tile null: the whole image). */
  | { status: 'not-decoded'; tile: number | null; reason: string }
  /**
   * Damage; tile null when the header itself cannot be decompressed. `cause` marks what is not the
   * tile's own bytes: a row's array descriptor outside the heap (a table defect), or a cap reached.
   */
  | { status: 'error'; tile: number | null; message: string; cause?: 'descriptor' | 'limit' };

export interface DecompressOptions {
  /** Largest decoded tile, in bytes. */
  maxTileBytes?: number;
  /** Largest number of decoded bytes over all tiles; decoding stops with an error beyond it. */
  maxTotalBytes?: number;
}

export const DEFAULT_MAX_TILE_BYTES = 512 * 1024 * 1024;
export const DEFAULT_MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

/** What decompression needs from the compressed HDU: its keywords, and its columns if known. */
export interface CompressedHdu {
  keywords: CardMap;
  columns?: ColumnInfo[];
}

export type Algorithm = 'RICE_1' | 'GZIP_1' | 'GZIP_2' | 'NOCOMPRESS' | 'HCOMPRESS_1' | 'PLIO_1';

/** The compressed image as its header describes it. */
export interface CompressedImage {
  algorithm: Algorithm;
  bitpix: 8 | 16 | 32 | 64 | -32 | -64;
  /** ZNAXISn. */
  axes: number[];
  /** ZTILEn (defaults: a whole row of axis 1, then 1). */
  tileShape: number[];
  tileCount: number;
  /** How floating-point tiles were quantized; undefined for integer and lossless images. */
  quantize?: QuantizeMethod;
  ditherSeed: number;
  blockSize: number;
  bytePix: number;
}

const IMAGE_BITPIX = [8, 16, 32, 64, -32, -64] as const;
const QUANTIZE_METHODS: QuantizeMethod[] = ['NO_DITHER', 'SUBTRACTIVE_DITHER_1', 'SUBTRACTIVE_DITHER_2'];
const ELEMENT_BYTES: Record<string, number> = { B: 1, I: 2, J: 4, K: 8, E: 4, D: 8 };

export type Described = { ok: true; image: CompressedImage } | { ok: false; error: string };

function algorithmOf(name: string | undefined): Algorithm | undefined {
  const type = name?.trim().toUpperCase();
  if (type === 'RICE_1' || type === 'RICE_ONE') return 'RICE_1';
  if (type === 'GZIP_1' || type === 'GZIP_2' || type === 'NOCOMPRESS') return type;
  if (type === 'HCOMPRESS_1' || type === 'PLIO_1') return type;
  return undefined;
}

/** The ZVALi whose ZNAMEi is `name`, when it is an integer. */
function compressionParameter(keywords: CardMap, name: string): number | undefined {
  for (let i = 1; i <= 999; i++) {
    const parameter = stringValue(keywords, `ZNAME${i}`);
    if (parameter === undefined) return undefined;
    if (parameter.trim().toUpperCase() === name) return intValue(keywords, `ZVAL${i}`);
  }
  return undefined;
}

/** Reads and checks the Z keywords; an error says which one is wrong. */
export function describeCompressedImage(hdu: CompressedHdu): Described {
  const { keywords } = hdu;
  const rawType = stringValue(keywords, 'ZCMPTYPE');
  const algorithm = algorithmOf(rawType);
  if (!algorithm)
    return { ok: false, error: `ZCMPTYPE = '${rawType?.trim() ?? ''}' is not a known algorithm` };
  const bitpix = intValue(keywords, 'ZBITPIX');
  if (bitpix === undefined || !(IMAGE_BITPIX as readonly number[]).includes(bitpix))
    return {
      ok: false,
      error: `ZBITPIX = ${bitpix ?? '(missing)'} is not one of ${IMAGE_BITPIX.join(', ')}`,
    };
  const naxis = intValue(keywords, 'ZNAXIS');
  if (naxis === undefined || naxis < 0 || naxis > 999)
    return { ok: false, error: `ZNAXIS = ${naxis ?? '(missing)'} is not an integer from 0 to 999` };
  const axes: number[] = [];
  const tileShape: number[] = [];
  let tileCount = naxis === 0 ? 0 : 1;
  for (let axis = 1; axis <= naxis; axis++) {
    const length = intValue(keywords, `ZNAXIS${axis}`);
    if (length === undefined || length < 0)
      return { ok: false, error: `ZNAXIS${axis} is missing, not an integer or negative` };
    const tile = intValue(keywords, `ZTILE${axis}`) ?? (axis === 1 ? length : 1);
    if (tile < 1 && length > 0) return { ok: false, error: `ZTILE${axis} = ${tile} is not positive` };
    axes.push(length);
    tileShape.push(Math.max(1, Math.min(tile, length)));
    tileCount *= length === 0 ? 0 : Math.ceil(length / tileShape[axis - 1]!);
  }
  if (!Number.isSafeInteger(tileCount)) return { ok: false, error: 'the image has too many tiles to count' };

  const image: CompressedImage = {
    algorithm,
    bitpix: bitpix as CompressedImage['bitpix'],
    axes,
    tileShape,
    tileCount,
    ditherSeed: intValue(keywords, 'ZDITHER0') ?? 1,
    blockSize: compressionParameter(keywords, 'BLOCKSIZE') ?? 32,
    bytePix: compressionParameter(keywords, 'BYTEPIX') ?? 4,
  };
  const columns = hdu.columns ?? describeColumns(keywords, true);
  const zquantiz = stringValue(keywords, 'ZQUANTIZ')?.trim().toUpperCase();
  const scaled = keywords.has('ZSCALE') || columns.some((column) => columnName(column) === 'ZSCALE');
  // Quantized when scaled, unless ZQUANTIZ says the floats were kept as they were.
  if (bitpix < 0 && scaled && zquantiz !== 'NONE') {
    const method = (zquantiz ?? 'NO_DITHER') as QuantizeMethod;
    if (!QUANTIZE_METHODS.includes(method))
      return { ok: false, error: `ZQUANTIZ = '${zquantiz}' is not a known quantization method` };
    image.quantize = method;
  }
  return { ok: true, image };
}

/** Where tile `tile` (1-based) lies: its first pixel and its length along each axis. */
export function tileGeometry(image: CompressedImage, tile: number): { start: number[]; shape: number[] } {
  let rest = tile - 1;
  const start: number[] = [];
  const shape: number[] = [];
  image.axes.forEach((length, axis) => {
    const size = image.tileShape[axis]!;
    const across = Math.ceil(length / size);
    const position = rest % across;
    rest = Math.floor(rest / across);
    start.push(position * size);
    shape.push(Math.min(size, length - position * size));
  });
  return { start, shape };
}

function columnName(column: ColumnInfo): string {
  return column.name?.trim().toUpperCase() ?? '';
}

/** A column's place in a row. */
interface Field {
  offset: number;
  code: string;
  arrayCode?: string;
}

interface Layout {
  rowLength: number;
  rows: number;
  /** Heap start and declared end, as offsets in the data unit. */
  heapStart: number;
  heapEnd: number;
  fields: Map<string, Field>;
}

function tableLayout(hdu: CompressedHdu): { ok: true; layout: Layout } | { ok: false; error: string } {
  const { keywords } = hdu;
  const rowLength = intValue(keywords, 'NAXIS1');
  const rows = intValue(keywords, 'NAXIS2');
  const pcount = intValue(keywords, 'PCOUNT') ?? 0;
  if (rowLength === undefined || rows === undefined || rowLength < 0 || rows < 0 || pcount < 0)
    return { ok: false, error: 'the table has no valid NAXIS1, NAXIS2 and PCOUNT' };
  const tableLength = rowLength * rows;
  const heapStart = intValue(keywords, 'THEAP') ?? tableLength;
  const heapEnd = tableLength + pcount;
  if (heapStart < tableLength || heapStart > heapEnd)
    return { ok: false, error: `THEAP = ${heapStart} is outside ${tableLength}..${heapEnd}` };
  const fields = new Map<string, Field>();
  let offset = 0;
  for (const column of hdu.columns ?? describeColumns(keywords, true)) {
    if (column.width === undefined || column.code === undefined)
      return { ok: false, error: `column ${column.n} has no valid TFORM${column.n}` };
    const name = columnName(column);
    if (!fields.has(name)) {
      const field: Field = { offset, code: column.code };
      if (column.arrayCode) field.arrayCode = column.arrayCode;
      fields.set(name, field);
    }
    offset += column.width;
  }
  if (offset > rowLength)
    return { ok: false, error: `the columns need ${offset} bytes per row; NAXIS1 = ${rowLength}` };
  return { ok: true, layout: { rowLength, rows, heapStart, heapEnd, fields } };
}

/** A descriptor's array in the heap, checked to lie inside the heap and inside the bytes given. */
type HeapArray = { ok: true; bytes: Uint8Array; count: number } | { ok: false; error: string };

function heapArray(
  data: Uint8Array,
  view: DataView,
  rowStart: number,
  layout: Layout,
  name: string,
): HeapArray {
  const field = layout.fields.get(name);
  if (!field) return { ok: true, bytes: new Uint8Array(0), count: 0 };
  if (field.code !== 'P' && field.code !== 'Q')
    return { ok: false, error: `column ${name} is not a variable-length array` };
  const at = rowStart + field.offset;
  const count = field.code === 'P' ? view.getInt32(at) : Number(view.getBigInt64(at));
  const offset = field.code === 'P' ? view.getInt32(at + 4) : Number(view.getBigInt64(at + 8));
  const elementBytes = ELEMENT_BYTES[field.arrayCode ?? ''];
  if (elementBytes === undefined)
    return { ok: false, error: `column ${name} holds '${field.arrayCode}' elements, not B, I, J, K, E or D` };
  const length = count * elementBytes;
  const heapLength = layout.heapEnd - layout.heapStart;
  if (count < 0 || offset < 0 || !Number.isSafeInteger(offset + length) || offset + length > heapLength) {
    return {
      ok: false,
      error: `its ${name} descriptor (${count} elements at heap offset ${offset}) lies outside the ${heapLength}-byte heap`,
    };
  }
  const start = layout.heapStart + offset;
  if (start + length > data.length) {
    return {
      ok: false,
      error: `the data unit is truncated: its ${name} bytes end at ${start + length}, only ${data.length} bytes are present`,
    };
  }
  return { ok: true, bytes: data.subarray(start, start + length), count };
}

function readNumber(view: DataView, at: number, code: string): number | undefined {
  switch (code) {
    case 'D':
      return view.getFloat64(at);
    case 'E':
      return view.getFloat32(at);
    case 'J':
      return view.getInt32(at);
    case 'I':
      return view.getInt16(at);
    case 'B':
      return view.getUint8(at);
    case 'K':
      return Number(view.getBigInt64(at));
    default:
      return undefined;
  }
}

/** The row's value in a scalar column, else the keyword of the same name. */
function rowOrKeyword(hdu: CompressedHdu, view: DataView, rowStart: number, layout: Layout, name: string) {
  const field = layout.fields.get(name);
  if (field) return readNumber(view, rowStart + field.offset, field.code);
  const card = hdu.keywords.get(name)?.value;
  if (card?.type === 'integer') return Number(card.value);
  if (card?.type === 'float') return card.value;
  return undefined;
}

/** Big-endian bytes of `code` elements (B, I, J, K, E, D) as a typed array. */
export function fromBigEndian(bytes: Uint8Array, code: string): ImagePixels {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = ELEMENT_BYTES[code]!;
  const count = Math.floor(bytes.length / size);
  switch (code) {
    case 'B':
      return bytes.slice(0, count);
    case 'I': {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2);
      return out;
    }
    case 'J': {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4);
      return out;
    }
    case 'K': {
      const out = new BigInt64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getBigInt64(i * 8);
      return out;
    }
    // Floats are copied as bits, so that NaN payloads survive (numbers may be canonicalized).
    case 'E': {
      const out = new Float32Array(count);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < count; i++) bits[i] = view.getUint32(i * 4);
      return out;
    }
    default: {
      const out = new Float64Array(count);
      const bits = new BigUint64Array(out.buffer);
      for (let i = 0; i < count; i++) bits[i] = view.getBigUint64(i * 8);
      return out;
    }
  }
}

/** Pixels as the big-endian bytes a FITS data unit holds (what funpack writes), NaN bits included. */
export function toBigEndian(pixels: ImagePixels): Uint8Array {
  const bytes = new Uint8Array(pixels.length * pixels.BYTES_PER_ELEMENT);
  if (pixels instanceof Uint8Array) {
    bytes.set(pixels);
    return bytes;
  }
  const view = new DataView(bytes.buffer);
  const { buffer, byteOffset, length } = pixels;
  if (pixels instanceof Int16Array) for (let i = 0; i < length; i++) view.setInt16(i * 2, pixels[i]!);
  else if (pixels instanceof Int32Array) for (let i = 0; i < length; i++) view.setInt32(i * 4, pixels[i]!);
  else if (pixels instanceof BigInt64Array)
    for (let i = 0; i < length; i++) view.setBigInt64(i * 8, pixels[i]!);
  else if (pixels instanceof Float32Array) {
    const bits = new Uint32Array(buffer, byteOffset, length);
    for (let i = 0; i < length; i++) view.setUint32(i * 4, bits[i]!);
  } else {
    const bits = new BigUint64Array(buffer, byteOffset, length);
    for (let i = 0; i < length; i++) view.setBigUint64(i * 8, bits[i]!);
  }
  return bytes;
}

const CODE_OF_BITPIX: Record<number, string> = { 8: 'B', 16: 'I', 32: 'J', 64: 'K', [-32]: 'E', [-64]: 'D' };

function emptyPixels(bitpix: number, count: number): ImagePixels {
  switch (bitpix) {
    case 8:
      return new Uint8Array(count);
    case 16:
      return new Int16Array(count);
    case 32:
      return new Int32Array(count);
    case 64:
      return new BigInt64Array(count);
    case -32:
      return new Float32Array(count);
    default:
      return new Float64Array(count);
  }
}

/** Values of any type converted to the image's type (e.g. RICE's Int32Array for a BITPIX 16 image). */
function asImagePixels(values: ImagePixels, bitpix: number): ImagePixels {
  const wanted = emptyPixels(bitpix, 0);
  if (values.constructor === wanted.constructor) return values;
  const out = emptyPixels(bitpix, values.length);
  if (out instanceof BigInt64Array) {
    for (let i = 0; i < values.length; i++) out[i] = BigInt(Math.trunc(Number(values[i])));
  } else {
    for (let i = 0; i < values.length; i++) out[i] = Number(values[i]);
  }
  return out;
}

type Decoded =
  | { ok: true; values: ImagePixels }
  | { ok: false; error: string }
  | { ok: 'skip'; reason: string };

/**
 * Decodes the COMPRESSED_DATA bytes of a tile into integers (quantized or integer images) or
 * floats (lossless floating-point images).
 */
function decodeCompressed(
  image: CompressedImage,
  bytes: Uint8Array,
  pixelCount: number,
  columnCode: string,
): Decoded {
  // Quantized tiles hold 32-bit integers; the others hold pixels of the image's own type.
  const code = image.quantize ? 'J' : CODE_OF_BITPIX[image.bitpix]!;
  switch (image.algorithm) {
    case 'RICE_1': {
      const result = decodeRice(bytes, pixelCount, { blockSize: image.blockSize, bytePix: image.bytePix });
      return result.ok ? { ok: true, values: result.pixels } : result;
    }
    case 'GZIP_1':
    case 'GZIP_2': {
      const elementBytes = ELEMENT_BYTES[code]!;
      const result = inflateTile(bytes, pixelCount * elementBytes, {
        shuffled: image.algorithm === 'GZIP_2',
        elementBytes,
      });
      if (!result.ok && image.algorithm === 'GZIP_1' && elementBytes < 4) {
        // CFITSIO before 3.0 gzipped 8- and 16-bit tiles as 4-byte integers; its readers still
        // accept a tile of exactly that size, so such files decode.
        const old = inflateTile(bytes, pixelCount * 4, { shuffled: false, elementBytes: 4 });
        if (old.ok) return { ok: true, values: fromBigEndian(old.bytes, 'J') };
      }
      return result.ok ? { ok: true, values: fromBigEndian(result.bytes, code) } : result;
    }
    case 'NOCOMPRESS': {
      const size = ELEMENT_BYTES[columnCode]!;
      if (bytes.length !== pixelCount * size)
        return { ok: false, error: `it holds ${bytes.length / size} values for ${pixelCount} pixels` };
      return { ok: true, values: fromBigEndian(bytes, columnCode) };
    }
    default:
      return { ok: 'skip', reason: `${image.algorithm} tiles are not decoded` };
  }
}

/**
 * Decodes the tiles of a compressed image in table order. `data` is the HDU's data unit: the main
 * table followed by the heap (fill may follow; a shorter array means a truncated file). After an
 * error in one tile the next tiles are still tried, except when a cap is reached.
 */
export function* decompressTiles(
  hdu: CompressedHdu,
  data: Uint8Array,
  options: DecompressOptions = {},
): Generator<TileResult, void, undefined> {
  const described = describeCompressedImage(hdu);
  if (!described.ok) {
    yield { status: 'error', tile: null, message: described.error };
    return;
  }
  const image = described.image;
  const table = tableLayout(hdu);
  if (!table.ok) {
    yield { status: 'error', tile: null, message: table.error };
    return;
  }
  const layout = table.layout;
  const compressedField = layout.fields.get('COMPRESSED_DATA');
  if (!compressedField) {
    yield { status: 'error', tile: null, message: 'the table has no COMPRESSED_DATA column' };
    return;
  }
  if (compressedField.code !== 'P' && compressedField.code !== 'Q') {
    yield { status: 'error', tile: null, message: 'COMPRESSED_DATA is not a variable-length array column' };
    return;
  }
  const decodable = image.algorithm !== 'HCOMPRESS_1' && image.algorithm !== 'PLIO_1';
  const maxTileBytes = options.maxTileBytes ?? DEFAULT_MAX_TILE_BYTES;
  const maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const pixelBytes = Math.abs(image.bitpix) / 8;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let totalBytes = 0;

  for (let tile = 1; tile <= image.tileCount; tile++) {
    const fail = (message: string): Extract<TileResult, { status: 'error' }> => ({
      status: 'error',
      tile,
      message: `tile ${tile}: ${message}`,
    });
    if (tile > layout.rows) {
      yield fail(`the table has only ${layout.rows} rows for ${image.tileCount} tiles`);
      return;
    }
    const rowStart = (tile - 1) * layout.rowLength;
    if (rowStart + layout.rowLength > data.length) {
      yield fail('the data unit is truncated before this tile’s table row');
      return;
    }
    const { start, shape } = tileGeometry(image, tile);
    const pixelCount = shape.reduce((product, length) => product * length, 1);
    const tileBytes = pixelCount * pixelBytes;
    if (decodable) {
      if (tileBytes > maxTileBytes) {
        yield {
          ...fail(`its ${tileBytes} decoded bytes exceed the ${maxTileBytes}-byte tile limit`),
          cause: 'limit',
        };
        return;
      }
      totalBytes += tileBytes;
      if (totalBytes > maxTotalBytes) {
        yield {
          ...fail(`decoding stopped: the image exceeds the ${maxTotalBytes}-byte limit on decoded bytes`),
          cause: 'limit',
        };
        return;
      }
    }

    const arrays = ['COMPRESSED_DATA', 'GZIP_COMPRESSED_DATA', 'UNCOMPRESSED_DATA', 'NULL_PIXEL_MASK'].map(
      (name) => heapArray(data, view, rowStart, layout, name),
    );
    const bad = arrays.find((array) => !array.ok);
    if (bad && !bad.ok) {
      yield { ...fail(bad.error), cause: 'descriptor' };
      continue;
    }
    if (!decodable) continue;
    const [compressed, gzipped, uncompressed, nullMask] = arrays as Extract<HeapArray, { ok: true }>[];
    if (nullMask!.count > 0) {
      yield { status: 'not-decoded', tile, reason: `tile ${tile}: NULL_PIXEL_MASK tiles are not decoded` };
      continue;
    }

    let decoded: Decoded;
    if (compressed!.count > 0) {
      decoded = decodeCompressed(image, compressed!.bytes, pixelCount, compressedField.arrayCode ?? 'B');
    } else if (gzipped!.count > 0) {
      // A tile the writer could not quantize: its pixels gzipped as they were.
      const code = CODE_OF_BITPIX[image.bitpix]!;
      const result = inflateTile(gzipped!.bytes, tileBytes, { shuffled: false, elementBytes: pixelBytes });
      decoded = result.ok ? { ok: true, values: fromBigEndian(result.bytes, code) } : result;
    } else if (uncompressed!.count > 0) {
      const code = layout.fields.get('UNCOMPRESSED_DATA')!.arrayCode!;
      decoded =
        uncompressed!.count === pixelCount
          ? { ok: true, values: fromBigEndian(uncompressed!.bytes, code) }
          : {
              ok: false,
              error: `UNCOMPRESSED_DATA holds ${uncompressed!.count} values for ${pixelCount} pixels`,
            };
    } else {
      decoded = { ok: false, error: 'the row holds no data for the tile' };
    }
    if (decoded.ok === 'skip') {
      yield { status: 'not-decoded', tile, reason: `tile ${tile}: ${decoded.reason}` };
      continue;
    }
    if (!decoded.ok) {
      yield fail(decoded.error);
      continue;
    }

    let pixels: ImagePixels;
    if (image.quantize && compressed!.count > 0) {
      const scale = rowOrKeyword(hdu, view, rowStart, layout, 'ZSCALE');
      const zero = rowOrKeyword(hdu, view, rowStart, layout, 'ZZERO') ?? 0;
      if (scale === undefined) {
        yield fail('a quantized tile needs ZSCALE');
        continue;
      }
      // Checked here, not up front: writers put ZDITHER0 = 0 on images none of whose tiles is dithered.
      const seed = image.ditherSeed;
      if (image.quantize !== 'NO_DITHER' && !(seed >= 1 && seed <= DITHER_SEQUENCE_LENGTH)) {
        yield fail(`ZDITHER0 = ${seed} is outside 1..${DITHER_SEQUENCE_LENGTH}`);
        continue;
      }
      const blank = rowOrKeyword(hdu, view, rowStart, layout, 'ZBLANK');
      const floats = image.bitpix === -32 ? new Float32Array(pixelCount) : new Float64Array(pixelCount);
      const integers = decoded.values as Exclude<ImagePixels, BigInt64Array>;
      dequantize(integers, floats, {
        method: image.quantize,
        scale,
        zero,
        ...(blank === undefined ? {} : { blank }),
        ditherSeed: image.ditherSeed,
        tile,
      });
      pixels = floats;
    } else {
      pixels = asImagePixels(decoded.values, image.bitpix);
    }
    yield { status: 'decoded', tile, start, shape, pixels };
  }
  if (!decodable)
    yield { status: 'not-decoded', tile: null, reason: `${image.algorithm} images are not decoded` };
}
