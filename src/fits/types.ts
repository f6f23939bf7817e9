/** A parsed header value. Integers beyond Number.MAX_SAFE_INTEGER are BigInt. */
export type FitsValue =
  | { type: 'string'; value: string }
  | { type: 'logical'; value: boolean }
  | { type: 'integer'; value: number | bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; re: number; im: number }
  | { type: 'undefined' };

/** One 80-byte header card, with its raw text and where it sits in the file. */
export interface Card {
  /** 0-based position of the card in its header. */
  index: number;
  /** Byte offset of the card's first byte in the (uncompressed) file. */
  offset: number;
  /** The 80 bytes as latin1 text (one character per byte). */
  raw: string;
  /** Keyword name: bytes 1-8 trimmed, or the dotted-less HIERARCH name (e.g. `ESO DET CHIP`). */
  keyword: string;
  /** True when the card is a HIERARCH card. */
  hierarch: boolean;
  /** True when the card carries a value indicator (`= ` in bytes 9-10, or HIERARCH `=`). */
  hasValue: boolean;
  /** The parsed value; undefined for commentary cards. */
  value?: FitsValue;
  /** The value text as written (trimmed), for messages. */
  valueText?: string;
  /** Comment text after `/`, or the commentary text. */
  comment?: string;
  /** Why the value field could not be parsed, when it could not. */
  valueError?: string;
  /** 0-based column in the card where the value starts (for fixed-format checks). */
  valueColumn?: number;
  /** 0-based column of the last character of the value. */
  valueEndColumn?: number;
  /** For a long string: how many CONTINUE cards were joined into this card's value. */
  continuedBy?: number;
  /**
   * What checks worked out from the card's text (see `cardFact`): shared by every copy of one
   * distinct card that the card cache hands out, so each fact is worked out once per thread.
   */
  facts: unknown[];
}

export type HduKind = 'primary' | 'random-groups' | 'image' | 'ascii-table' | 'binary-table' | 'unknown';

/** One binary or ASCII table column, as described by its TFORMn etc. */
export interface ColumnInfo {
  /** 1-based column number. */
  n: number;
  name?: string;
  tform?: string;
  /** Parsed binary TFORM: repeat count, type code, width in bytes within a row. */
  repeat?: number;
  code?: string;
  width?: number;
  /** For P/Q columns: the element type code and maximum element count. */
  arrayCode?: string;
  maxElements?: number;
  unit?: string;
  tdim?: string;
}

/** Header keywords collected for quick lookup: the first card of each name. */
export type CardMap = Map<string, Card>;

export interface Hdu {
  index: number;
  kind: HduKind;
  /** Byte offset of the first header block. */
  headerOffset: number;
  /** Bytes of header, a multiple of 2880 when complete. */
  headerSize: number;
  cards: Card[];
  /** Keyword → first card with that keyword (commentary cards excluded). */
  keywords: CardMap;
  /** Index of the END card, or -1 when none was found. */
  endIndex: number;
  /** The cards before END (all of them when there is no END), once a rule has asked for them. */
  beforeEnd?: Card[];
  /** Offset of the data unit. */
  dataOffset: number;
  /** Data bytes that the header declares, without fill; -1 when it cannot be computed. */
  dataSize: number;
  /** Data bytes including fill to a multiple of 2880. */
  paddedDataSize: number;
  /** Data bytes actually present in the file (less than paddedDataSize when truncated). */
  dataBytesRead: number;
  /** Why dataSize could not be computed from the header. */
  sizeError?: string;
  /** Ones'-complement sum of the data unit including fill (only when the data was read). */
  dataSum?: number;
  /** Ones'-complement sum of the raw header blocks. */
  headerSum?: number;
  /** Count of non-zero (or non-blank for ASCII tables) bytes found in the data fill. */
  badFillBytes?: number;
  /** Offset of the first bad fill byte. */
  badFillOffset?: number;
  /** Count of non-blank bytes after END in the header, and the first offset. */
  badHeaderFillBytes: number;
  badHeaderFillOffset?: number;
  /** The main table (NAXIS1*NAXIS2 bytes) and heap, when captured for table checks. */
  tableBytes?: Uint8Array;
  heapBytes?: Uint8Array;
  columns?: ColumnInfo[];
  /** For a tile-compressed image (a BINTABLE with ZIMAGE = T): the image it stands for. */
  image?: ImageView;
}

/**
 * A tile-compressed image as the tiled-image convention restores it (FITS 4.0 §10): the header and
 * rules that judge content read `hdu`, while the structure rules keep judging the BINTABLE.
 */
export interface ImageView {
  /**
   * The image HDU: its header rebuilt from the table's (ZBITPIX → BITPIX…), each card at the offset
   * of the table card it came from; index, header and data offsets are the table's.
   */
  hdu: Hdu;
  /** Ones'-complement sum of the rebuilt header in 2880-byte blocks with END (for ZHECKSUM). */
  headerSum: number;
  /** What the tiles held; undefined while the data unit has not been read. */
  tiles?: TileSummary;
}

/** What decoding a compressed image's tiles found, kept instead of the pixels. */
export interface TileSummary {
  /** Why the tiles were not read at all (the rules say so once); undefined when they were. */
  skipped?: 'structure' | 'truncated' | 'too-large';
  /** Algorithm as ZCMPTYPE names it, once known. */
  algorithm?: string;
  tileCount: number;
  decoded: number;
  /** Tiles left alone (HCOMPRESS_1, PLIO_1, null-pixel masks), with the first reason. */
  notDecoded: number;
  notDecodedReason?: string;
  /** Why decoding stopped before the last tile (a cap on decoded bytes was reached). */
  stopped?: string;
  /** Damaged tiles: how many, and the first few by 1-based number with what was wrong. */
  errorCount: number;
  errors: { tile: number; message: string }[];
  /** True when the pixels were quantized floats: ZDATASUM then sums the image before quantization. */
  quantized: boolean;
  /** Ones'-complement sum of the decoded image's data unit, when every tile was decoded. */
  dataSum?: number;
}

export interface ReadLimits {
  /** Largest header accepted, in bytes; larger headers are cut off with a finding. */
  maxHeaderBytes: number;
  /** Largest number of HDUs walked in one file. */
  maxHdus: number;
  /** Largest table + heap captured for column checks, per HDU. */
  maxTableCaptureBytes: number;
  /** Largest number of decompressed bytes read from a compressed file. */
  maxInflatedBytes: number;
  /** Largest number of pixel bytes decoded from the tiles of one compressed image. */
  maxDecodedTileBytes: number;
}

/** Shared by every parser that is given no limits of its own, so frozen. */
export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxHeaderBytes: 16 * 1024 * 1024,
  maxHdus: 10_000,
  maxTableCaptureBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 8 * 1024 * 1024 * 1024,
  maxDecodedTileBytes: 2 * 1024 * 1024 * 1024,
});

/** A structural fact the reader could not get past; rules turn these into findings. */
export interface ReadProblem {
  code:
    | 'empty-file'
    | 'not-fits'
    | 'no-end'
    | 'header-truncated'
    | 'header-too-large'
    | 'data-truncated'
    | 'trailing-bytes'
    | 'too-many-hdus'
    | 'bad-size'
    | 'gzip-error'
    | 'bzip2-error'
    | 'inflate-limit'
    | 'io-error';
  hdu: number | null;
  offset: number;
  message: string;
}

export interface FitsFile {
  /** Bytes in the (uncompressed) FITS stream that were seen. */
  size: number;
  /** True when the stream was compressed (gzip or bzip2). */
  compressed: boolean;
  /** Bytes of the file as stored on disk, when the reader measured them. */
  storedSize?: number;
  hdus: Hdu[];
  problems: ReadProblem[];
  /** Bytes after the last complete HDU. */
  trailingBytes: number;
  /** SHA-256 hex of the file as stored on disk. */
  sha256?: string;
}
