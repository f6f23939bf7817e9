export {
  type Algorithm,
  type CompressedHdu,
  type CompressedImage,
  DEFAULT_MAX_TILE_BYTES,
  DEFAULT_MAX_TOTAL_BYTES,
  type DecompressOptions,
  type Described,
  decompressTiles,
  describeCompressedImage,
  fromBigEndian,
  type ImagePixels,
  type TileResult,
  tileGeometry,
  toBigEndian,
} from './decompress.js';
export { type InflateResult, inflateTile, unshuffle } from './gzip.js';
export { reconstructImageHeader } from './header.js';
export {
  type Dequantization,
  DITHER_SEQUENCE_LENGTH,
  dequantize,
  ditherValues,
  type QuantizeMethod,
  undefinedPixelWriter,
  ZERO_VALUE,
} from './quantize.js';
export { decodeRice, type RiceParameters, type RicePixels, type RiceResult } from './rice.js';
