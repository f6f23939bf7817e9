/**
 * A minimal Parquet writer for the tests and the demo: no Parquet writer is installed here (no
 * pyarrow, no DuckDB, no hyparquet-writer), and the format is small enough to write by hand. It
 * writes flat columns (required or optional) in PLAIN encoding, data page v1, uncompressed or
 * gzip, with column statistics; every part of the footer can be changed before it is encoded, so
 * the tests can build the lies a damaged or hostile file tells.
 */
import { gzipSync } from 'node:zlib';

// ---- Thrift compact protocol -------------------------------------------------------------------

/** A Thrift value with its wire type. */
export type ThriftValue =
  | { t: 'i32'; v: number }
  | { t: 'i64'; v: number | bigint }
  | { t: 'bool'; v: boolean }
  | { t: 'binary'; v: Uint8Array | string }
  | { t: 'list'; element: ThriftType; v: ThriftValue[] }
  | { t: 'struct'; v: ThriftStruct };
type ThriftType = ThriftValue['t'];
/** A struct: its fields by field id (absent fields are left out). */
export type ThriftStruct = Map<number, ThriftValue>;

export const i32 = (v: number): ThriftValue => ({ t: 'i32', v });
export const i64 = (v: number | bigint): ThriftValue => ({ t: 'i64', v });
export const bool = (v: boolean): ThriftValue => ({ t: 'bool', v });
export const binary = (v: Uint8Array | string): ThriftValue => ({ t: 'binary', v });
export const list = (element: ThriftType, v: ThriftValue[]): ThriftValue => ({ t: 'list', element, v });
export const struct = (fields: [number, ThriftValue | undefined][]): ThriftValue => ({
  t: 'struct',
  v: new Map(fields.filter((field): field is [number, ThriftValue] => field[1] !== undefined)),
});

const COMPACT_TYPE: Record<ThriftType, number> = { bool: 1, i32: 5, i64: 6, binary: 8, list: 9, struct: 12 };

class Bytes {
  readonly parts: number[] = [];
  byte(value: number) {
    this.parts.push(value & 0xff);
  }
  varint(value: bigint) {
    let rest = value;
    do {
      let byte = Number(rest & 0x7fn);
      rest >>= 7n;
      if (rest > 0n) byte |= 0x80;
      this.byte(byte);
    } while (rest > 0n);
  }
  zigzag(value: number | bigint) {
    const big = BigInt(value);
    this.varint(big >= 0n ? big << 1n : (-big << 1n) - 1n);
  }
  raw(bytes: Uint8Array) {
    for (const byte of bytes) this.parts.push(byte);
  }
}

function writeValue(out: Bytes, value: ThriftValue): void {
  switch (value.t) {
    case 'i32':
    case 'i64':
      out.zigzag(value.v);
      return;
    case 'bool':
      out.byte(value.v ? 1 : 0);
      return;
    case 'binary': {
      const bytes = typeof value.v === 'string' ? Buffer.from(value.v, 'utf8') : value.v;
      out.varint(BigInt(bytes.length));
      out.raw(bytes);
      return;
    }
    case 'list': {
      const type = COMPACT_TYPE[value.element];
      if (value.v.length < 15) out.byte((value.v.length << 4) | type);
      else {
        out.byte(0xf0 | type);
        out.varint(BigInt(value.v.length));
      }
      for (const item of value.v) writeValue(out, item);
      return;
    }
    case 'struct':
      writeStruct(out, value.v);
  }
}

function writeStruct(out: Bytes, fields: ThriftStruct): void {
  let last = 0;
  for (const id of [...fields.keys()].sort((a, b) => a - b)) {
    const value = fields.get(id)!;
    const type = value.t === 'bool' ? (value.v ? 1 : 2) : COMPACT_TYPE[value.t];
    const delta = id - last;
    if (delta > 0 && delta <= 15) out.byte((delta << 4) | type);
    else {
      out.byte(type);
      out.zigzag(id);
    }
    if (value.t !== 'bool') writeValue(out, value);
    last = id;
  }
  out.byte(0);
}

/** Encodes a struct in the Thrift compact protocol. */
export function encodeStruct(value: ThriftValue): Buffer {
  const out = new Bytes();
  if (value.t !== 'struct') throw new Error('a struct is needed');
  writeStruct(out, value.v);
  return Buffer.from(out.parts);
}

// ---- Parquet -------------------------------------------------------------------------------------

export type ColumnType = 'BOOLEAN' | 'INT32' | 'INT64' | 'FLOAT' | 'DOUBLE' | 'BYTE_ARRAY';
type Cell = number | bigint | string | boolean | null;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  values: Cell[];
  /** Whether nulls are allowed (OPTIONAL); default: when a value is null. */
  optional?: boolean;
  /** Statistics written for each column chunk: computed from the data (default), or none. */
  statistics?: boolean;
}

export interface ParquetSpec {
  columns: ColumnSpec[];
  /** Rows per row group (default: all in one). */
  rowGroupRows?: number;
  /** Rows per data page (default: all of a row group in one page). */
  pageRows?: number;
  codec?: 'UNCOMPRESSED' | 'GZIP';
  keyValue?: Record<string, string>;
  createdBy?: string;
  /** Changes a page header (PageHeader fields by id) before it is encoded. */
  editPage?: (header: ThriftStruct, where: { rowGroup: number; column: string; page: number }) => void;
  /** Changes the footer (FileMetaData) before it is encoded. */
  editFooter?: (footer: FooterParts) => void;
}

/** The footer as parts the tests can edit. */
export interface FooterParts {
  numRows: bigint;
  schema: ThriftValue[];
  rowGroups: { numRows: bigint; columns: Map<number, ThriftValue>[]; totalByteSize: bigint }[];
  keyValue: ThriftValue[];
  fields: [number, ThriftValue | undefined][];
}

/** Where a written column chunk and its pages are, for tests that damage bytes. */
export interface ChunkLayout {
  rowGroup: number;
  column: string;
  start: number;
  end: number;
  /** Where each page's data (after its header) starts. */
  pageData: number[];
}

const TYPE_ID: Record<ColumnType, number> = {
  BOOLEAN: 0,
  INT32: 1,
  INT64: 2,
  FLOAT: 4,
  DOUBLE: 5,
  BYTE_ARRAY: 6,
};
const CODEC_ID = { UNCOMPRESSED: 0, GZIP: 2 } as const;
const ENCODING = { PLAIN: 0, RLE: 3 } as const;

function plainValues(type: ColumnType, values: Cell[]): Buffer {
  switch (type) {
    case 'BOOLEAN': {
      const out = Buffer.alloc(Math.ceil(values.length / 8));
      values.forEach((value, i) => {
        if (value) out[i >> 3]! |= 1 << (i & 7);
      });
      return out;
    }
    case 'INT32': {
      const out = Buffer.alloc(4 * values.length);
      values.forEach((value, i) => {
        out.writeInt32LE(Number(value), 4 * i);
      });
      return out;
    }
    case 'INT64': {
      const out = Buffer.alloc(8 * values.length);
      values.forEach((value, i) => {
        out.writeBigInt64LE(BigInt(value as number | bigint), 8 * i);
      });
      return out;
    }
    case 'FLOAT': {
      const out = Buffer.alloc(4 * values.length);
      values.forEach((value, i) => {
        out.writeFloatLE(Number(value), 4 * i);
      });
      return out;
    }
    case 'DOUBLE': {
      const out = Buffer.alloc(8 * values.length);
      values.forEach((value, i) => {
        out.writeDoubleLE(Number(value), 8 * i);
      });
      return out;
    }
    case 'BYTE_ARRAY':
      return Buffer.concat(
        values.map((value) => {
          const bytes = Buffer.from(String(value), 'utf8');
          const length = Buffer.alloc(4);
          length.writeUInt32LE(bytes.length);
          return Buffer.concat([length, bytes]);
        }),
      );
  }
}

/** Definition levels (bit width 1) as RLE runs, with their 4-byte length. */
function definitionLevels(cells: Cell[]): Buffer {
  const out = new Bytes();
  let i = 0;
  while (i < cells.length) {
    const defined = cells[i] !== null;
    let run = 1;
    while (i + run < cells.length && (cells[i + run] !== null) === defined) run++;
    out.varint(BigInt(run) << 1n);
    out.byte(defined ? 1 : 0);
    i += run;
  }
  const body = Buffer.from(out.parts);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([length, body]);
}

/** A statistic value in Parquet's plain encoding (BYTE_ARRAY without its length). */
function statValue(type: ColumnType, value: Cell): Buffer {
  return type === 'BYTE_ARRAY' ? Buffer.from(String(value), 'utf8') : plainValues(type, [value]);
}

function compare(a: Cell, b: Cell): number {
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
}

function statistics(column: ColumnSpec, cells: Cell[]): ThriftValue | undefined {
  if (column.statistics === false) return undefined;
  const present = cells.filter(
    (cell): cell is Exclude<Cell, null> => cell !== null && !(typeof cell === 'number' && Number.isNaN(cell)),
  );
  const nulls = cells.length - cells.filter((cell) => cell !== null).length;
  let min: Cell | undefined;
  let max: Cell | undefined;
  for (const cell of present) {
    if (min === undefined || compare(cell, min) < 0) min = cell;
    if (max === undefined || compare(cell, max) > 0) max = cell;
  }
  return struct([
    [3, i64(nulls)],
    [5, max === undefined ? undefined : binary(statValue(column.type, max))],
    [6, min === undefined ? undefined : binary(statValue(column.type, min))],
  ]);
}

/** Writes a Parquet file; returns its bytes and where each column chunk went. */
export function writeParquet(spec: ParquetSpec): { bytes: Buffer; chunks: ChunkLayout[] } {
  const rows = spec.columns[0]?.values.length ?? 0;
  const groupRows = spec.rowGroupRows ?? Math.max(rows, 1);
  const codec = spec.codec ?? 'UNCOMPRESSED';
  const parts: Buffer[] = [Buffer.from('PAR1')];
  let offset = 4;
  const chunks: ChunkLayout[] = [];
  const rowGroups: FooterParts['rowGroups'] = [];
  for (let first = 0, group = 0; first < rows || (rows === 0 && group === 0); first += groupRows, group++) {
    const count = Math.min(groupRows, rows - first);
    const columns: Map<number, ThriftValue>[] = [];
    let groupBytes = 0n;
    for (const column of spec.columns) {
      const optional = column.optional ?? column.values.some((value) => value === null);
      const cells = column.values.slice(first, first + count);
      const start = offset;
      const pageData: number[] = [];
      let uncompressedTotal = 0;
      const pageRows = spec.pageRows ?? Math.max(count, 1);
      for (let at = 0; at < count || (count === 0 && at === 0); at += pageRows) {
        const pageCells = cells.slice(at, at + pageRows);
        const body = Buffer.concat([
          optional ? definitionLevels(pageCells) : Buffer.alloc(0),
          plainValues(
            column.type,
            pageCells.filter((cell) => cell !== null),
          ),
        ]);
        const stored = codec === 'GZIP' ? gzipSync(body) : body;
        const headerStruct = struct([
          [1, i32(0)],
          [2, i32(body.length)],
          [3, i32(stored.length)],
          [
            5,
            struct([
              [1, i32(pageCells.length)],
              [2, i32(ENCODING.PLAIN)],
              [3, i32(ENCODING.RLE)],
              [4, i32(ENCODING.RLE)],
            ]),
          ],
        ]);
        if (headerStruct.t === 'struct')
          spec.editPage?.(headerStruct.v, { rowGroup: group, column: column.name, page: pageData.length });
        const header = encodeStruct(headerStruct);
        parts.push(header, stored);
        pageData.push(offset + header.length);
        offset += header.length + stored.length;
        uncompressedTotal += header.length + body.length;
        if (count === 0) break;
      }
      chunks.push({ rowGroup: group, column: column.name, start, end: offset, pageData });
      groupBytes += BigInt(uncompressedTotal);
      columns.push(
        new Map([
          [2, i64(start)],
          [
            3,
            struct([
              [1, i32(TYPE_ID[column.type])],
              [2, list('i32', [i32(ENCODING.PLAIN), i32(ENCODING.RLE)])],
              [3, list('binary', [binary(column.name)])],
              [4, i32(CODEC_ID[codec])],
              [5, i64(cells.length)],
              [6, i64(uncompressedTotal)],
              [7, i64(offset - start)],
              [9, i64(start)],
              [12, statistics(column, cells)],
            ]),
          ],
        ]),
      );
    }
    rowGroups.push({ numRows: BigInt(count), columns, totalByteSize: groupBytes });
    if (rows === 0) break;
  }
  const schema: ThriftValue[] = [
    struct([
      [4, binary('schema')],
      [5, i32(spec.columns.length)],
    ]),
    ...spec.columns.map((column) =>
      struct([
        [1, i32(TYPE_ID[column.type])],
        [3, i32((column.optional ?? column.values.some((value) => value === null)) ? 1 : 0)],
        [4, binary(column.name)],
        [6, column.type === 'BYTE_ARRAY' ? i32(0) : undefined],
      ]),
    ),
  ];
  const footer: FooterParts = {
    numRows: BigInt(rows),
    schema,
    rowGroups,
    keyValue: Object.entries(spec.keyValue ?? {}).map(([key, value]) =>
      struct([
        [1, binary(key)],
        [2, binary(value)],
      ]),
    ),
    fields: [[6, binary(spec.createdBy ?? 'hlsp-validate test writer')]],
  };
  spec.editFooter?.(footer);
  parts.push(encodeFooter(footer));
  return { bytes: Buffer.concat(parts), chunks };
}

/** The footer (FileMetaData), its length and the closing PAR1. */
export function encodeFooter(footer: FooterParts): Buffer {
  const metadata = encodeStruct(
    struct([
      [1, i32(1)],
      [2, list('struct', footer.schema)],
      [3, i64(footer.numRows)],
      [
        4,
        list(
          'struct',
          footer.rowGroups.map((group) =>
            struct([
              [
                1,
                list(
                  'struct',
                  group.columns.map((fields) => ({ t: 'struct', v: fields }) as ThriftValue),
                ),
              ],
              [2, i64(group.totalByteSize)],
              [3, i64(group.numRows)],
            ]),
          ),
        ),
      ],
      [5, footer.keyValue.length > 0 ? list('struct', footer.keyValue) : undefined],
      ...footer.fields,
    ]),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(metadata.length);
  return Buffer.concat([metadata, length, Buffer.from('PAR1')]);
}

/** The ColumnMetaData struct of a column chunk in an editable footer. */
export function chunkMeta(footer: FooterParts, rowGroup: number, column: number): ThriftStruct {
  const meta = footer.rowGroups[rowGroup]!.columns[column]!.get(3)!;
  if (meta.t !== 'struct') throw new Error('column chunk without meta_data');
  return meta.v;
}
