/**
 * The Parquet reader: the footer (PAR1 at both ends, a length inside the file and under a cap),
 * the schema, every byte range the footer claims, then every row group decoded one column chunk
 * and one page at a time (hyparquet decodes a page; this file decides what is read and keeps only
 * counts and the least and greatest values), with row counts and statistics held against the
 * data. Key/value metadata becomes FITS-style keywords (parquet-keywords.ts).
 */
import { open } from 'node:fs/promises';
import type {
  ColumnChunk,
  ColumnMetaData,
  FileMetaData,
  PageHeader,
  SchemaElement,
  SchemaTree,
} from 'hyparquet';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { parquetHeader, readPage } from 'hyparquet/src/column.js';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { getTreePath, isFlatColumn } from 'hyparquet/src/schema.js';
import type { ColumnDecoder, DecodedArray } from 'hyparquet/src/types.js';
import { compressors } from 'hyparquet-compressors';
import type { ContentProblem, ReadContent } from '../types.js';
import { RangeRefused, readRange } from './parquet-file.js';
import { keywordsOf, readTableMeta, type TableMeta } from './parquet-keywords.js';
import { ChunkTally, statisticsDisagreements } from './parquet-statistics.js';
import type { ContentLimits, ContentReader, ContentSource } from './types.js';

const MAGIC = 0x31524150; // 'PAR1' read little-endian
/** A footer larger than this is refused before it is allocated (real footers are kilobytes). */
export const MAX_FOOTER_BYTES = 64 * 1024 * 1024;
/** A page larger than this (compressed or not) is refused before it is allocated. */
export const MAX_PAGE_BYTES = 256 * 1024 * 1024;
/** Values one page may claim: hyparquet allocates for the claim before it reads. */
export const MAX_PAGE_VALUES = 1 << 24;
/** Page headers are read through a window that grows to this size (statistics can make them long). */
const MAX_PAGE_HEADER_BYTES = 16 * 1024 * 1024;
const FIRST_HEADER_WINDOW = 64 * 1024;

/** The details the parquet/* rules read beside the problems. */
export interface ParquetDetails {
  rows?: number;
  rowGroups?: number;
  createdBy?: string;
  columns: { name: string; unit?: string; ucd?: string }[];
}

export const parquetReader: ContentReader = {
  formats: ['parquet'],
  read: readParquet,
};

/** Problems with a cap per kind: beyond `maxProblems` of a code, one problem says how many more. */
class Problems {
  readonly list: ContentProblem[] = [];
  private readonly kept = new Map<string, number>();
  private readonly withheld = new Map<string, number>();
  constructor(private readonly max: number) {}
  add(problem: ContentProblem): void {
    const kept = this.kept.get(problem.code) ?? 0;
    if (kept < this.max) {
      this.list.push(problem);
      this.kept.set(problem.code, kept + 1);
    } else this.withheld.set(problem.code, (this.withheld.get(problem.code) ?? 0) + 1);
  }
  done(): ContentProblem[] {
    for (const [code, count] of this.withheld)
      this.list.push({
        code,
        message: `and ${count} more ${count === 1 ? 'problem' : 'problems'} of this kind`,
      });
    return this.list;
  }
}

const num = (value: bigint | number | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

async function readParquet(source: ContentSource, limits: ContentLimits): Promise<ReadContent> {
  const problems = new Problems(limits.maxProblems);
  const details: ParquetDetails = { columns: [] };
  if (source.gzip) {
    problems.add({
      code: 'compressed',
      message: 'Parquet data inside gzip is not read: Parquet compresses its own pages',
      hint: 'deliver the .parquet file itself, with a codec such as zstd or snappy inside it',
    });
    return { problems: problems.done(), details: { parquet: details } };
  }
  const handle = await open(source.path, 'r');
  try {
    const size = (await handle.stat()).size;
    try {
      const content = await readFile(
        (start, end, cap = MAX_PAGE_BYTES) => readRange(handle, size, start, end, cap),
        size,
        problems,
        details,
      );
      return { ...content, problems: problems.done(), details: { parquet: details } };
    } catch (error) {
      // A damage no check above foresaw: still one finding, never a crash of the run.
      problems.add({
        code: 'unreadable',
        message: `the file cannot be read as Parquet: ${errorText(error)}`,
        hint: 'the file is damaged; write it again',
      });
      return { problems: problems.done(), details: { parquet: details } };
    }
  } finally {
    await handle.close();
  }
}

type Read = (start: number, end: number, cap?: number) => Promise<Uint8Array>;

async function readFile(
  read: Read,
  size: number,
  problems: Problems,
  details: ParquetDetails,
): Promise<Omit<ReadContent, 'problems'>> {
  const metadata = await readFooter(read, size, problems);
  if (!metadata) return {};
  details.rows = num(metadata.num_rows);
  details.rowGroups = metadata.row_groups.length;
  if (metadata.created_by) details.createdBy = metadata.created_by;

  const pairs = metadata.key_value_metadata ?? [];
  let tableMeta: TableMeta | undefined;
  const yamlText = pairs.find((pair) => pair.key === 'table_meta_yaml')?.value;
  if (yamlText !== undefined) {
    const { tableMeta: meta, problem } = readTableMeta(yamlText);
    tableMeta = meta;
    if (problem) problems.add(problem);
  }
  const keywords = keywordsOf(pairs, tableMeta);

  const footerStart = size - 8 - metadata.metadata_length;
  const schema = readSchema(metadata, problems);
  checkTotalRows(metadata, problems);
  const columns = schema?.leaves.map(({ path, element }) => {
    const annotation = tableMeta?.columns.get(path.join('.')) ?? tableMeta?.columns.get(path[0]!);
    return {
      name: path.join('.'),
      datatype: element.logical_type?.type ?? element.converted_type ?? element.type,
      ...(annotation?.unit !== undefined ? { unit: annotation.unit } : {}),
      ...(annotation?.ucd !== undefined ? { ucd: annotation.ucd } : {}),
    };
  });
  if (columns) details.columns = columns;
  const table = columns ? { columns, rows: num(metadata.num_rows) ?? 0 } : undefined;

  metadata.row_groups.forEach((group, index) => {
    checkRanges(group.columns, index, footerStart, problems);
  });
  if (schema) {
    const budget = { values: Math.max(256 * 1024 * 1024, 64 * size) };
    for (const [index, group] of metadata.row_groups.entries()) {
      if (!rangesOk(group.columns, footerStart)) continue;
      const stop = await decodeRowGroup(
        read,
        schema,
        group.columns,
        num(group.num_rows) ?? 0,
        index,
        problems,
        budget,
      );
      if (stop) break;
    }
  }
  return { metadata: keywords, ...(table ? { table } : {}) };
}

/** The footer: PAR1 at both ends, its length inside the file and under the cap, then decoded. */
async function readFooter(read: Read, size: number, problems: Problems): Promise<FileMetaData | undefined> {
  if (size < 12) {
    problems.add({
      code: 'footer-length',
      message: `the file has ${size} bytes, fewer than the 12 of an empty Parquet file (PAR1, footer length, PAR1)`,
    });
    return undefined;
  }
  const head = await read(0, 4);
  const tail = await read(size - 8, size);
  const tailView = new DataView(tail.buffer);
  if (new DataView(head.buffer).getUint32(0, true) !== MAGIC) {
    problems.add({ code: 'magic', offset: 0, message: 'the file does not start with PAR1' });
    return undefined;
  }
  if (tailView.getUint32(4, true) !== MAGIC) {
    problems.add({
      code: 'magic-end',
      offset: size - 4,
      message: 'the file does not end with PAR1: it is truncated or was not closed by its writer',
      hint: 'copy the file again from where it was written, or let the writer close the file',
    });
    return undefined;
  }
  const length = tailView.getUint32(0, true);
  if (length > size - 12) {
    problems.add({
      code: 'footer-length',
      offset: size - 8,
      message: `the footer claims ${length} bytes, but only ${size - 12} lie between the two PAR1 markers`,
      hint: 'the file is damaged; write it again',
    });
    return undefined;
  }
  if (length > MAX_FOOTER_BYTES) {
    problems.add({
      code: 'footer-length',
      offset: size - 8,
      message: `the footer claims ${length} bytes, more than the ${MAX_FOOTER_BYTES} this tool reads`,
      hint: 'a footer this large is unusual: write fewer row groups or less key/value metadata',
    });
    return undefined;
  }
  const footer = await read(size - 8 - length, size, MAX_FOOTER_BYTES + 8);
  try {
    const metadata = parquetMetadata(footer.buffer as ArrayBuffer, { geoparquet: false });
    const wrong = shapeError(metadata);
    if (wrong) throw new Error(wrong);
    return metadata;
  } catch (error) {
    problems.add({
      code: 'footer',
      offset: size - 8 - length,
      message: `the footer (Thrift FileMetaData, ${length} bytes) cannot be decoded: ${errorText(error)}`,
      hint: 'the file is damaged; write it again',
    });
    return undefined;
  }
}

const isInt = (value: unknown) => typeof value === 'bigint' || typeof value === 'number';
const isOptionalInt = (value: unknown) => value === undefined || isInt(value);

/**
 * What in the decoded footer has a Thrift type other than the format's (hyparquet decodes any
 * field of any type): damaged footers decode to such values rather than fail.
 */
function shapeError(metadata: FileMetaData): string | undefined {
  if (!Array.isArray(metadata.schema) || !metadata.schema.every((e) => e && typeof e.name === 'string'))
    return 'the schema is not a list of named elements';
  if (!isInt(metadata.num_rows)) return 'num_rows is not an integer';
  if (!Array.isArray(metadata.row_groups)) return 'the row groups are not a list';
  for (const [index, group] of metadata.row_groups.entries()) {
    if (!group || !Array.isArray(group.columns) || !isInt(group.num_rows))
      return `row group ${index + 1} has no column list or no num_rows`;
    for (const chunk of group.columns) {
      const meta = chunk?.meta_data;
      if (!chunk || (chunk.file_path !== undefined && typeof chunk.file_path !== 'string'))
        return `row group ${index + 1} has a malformed column chunk`;
      if (
        ![
          chunk.offset_index_offset,
          chunk.offset_index_length,
          chunk.column_index_offset,
          chunk.column_index_length,
        ].every(isOptionalInt)
      )
        return `row group ${index + 1} has a column chunk with malformed index offsets`;
      if (!meta) continue;
      if (
        typeof meta.type !== 'string' ||
        typeof meta.codec !== 'string' ||
        !Array.isArray(meta.path_in_schema) ||
        !meta.path_in_schema.every((part) => typeof part === 'string') ||
        ![meta.num_values, meta.total_compressed_size, meta.data_page_offset].every(isInt) ||
        ![
          meta.dictionary_page_offset,
          meta.index_page_offset,
          meta.bloom_filter_offset,
          meta.bloom_filter_length,
        ].every(isOptionalInt)
      )
        return `row group ${index + 1} has a column chunk whose metadata is malformed`;
      const stats = meta.statistics;
      if (stats && !isOptionalInt(stats.null_count)) return `row group ${index + 1} has malformed statistics`;
    }
  }
  const pairs = metadata.key_value_metadata;
  if (
    pairs !== undefined &&
    !(
      Array.isArray(pairs) &&
      pairs.every(
        (pair) =>
          pair &&
          typeof pair.key === 'string' &&
          (pair.value === undefined || typeof pair.value === 'string'),
      )
    )
  )
    return 'the key/value metadata is malformed';
  if (metadata.created_by !== undefined && typeof metadata.created_by !== 'string')
    return 'created_by is not text';
  return undefined;
}

interface Schema {
  tree: SchemaTree;
  leaves: { path: string[]; element: SchemaElement; schemaPath: SchemaTree[] }[];
}

function leavesOf(tree: SchemaTree): SchemaTree[] {
  return tree.children.length === 0 ? [tree] : tree.children.flatMap(leavesOf);
}

/** The schema as a tree whose leaves are the column chunks of every row group, in order. */
function readSchema(metadata: FileMetaData, problems: Problems): Schema | undefined {
  const fail = (message: string) => {
    problems.add({
      code: 'schema',
      message,
      hint: 'the file is damaged or its writer is faulty; write it again',
    });
    return undefined;
  };
  if (metadata.schema.length < 2) return fail('the schema has no columns');
  let tree: SchemaTree;
  try {
    tree = parquetSchema(metadata);
  } catch (error) {
    return fail(`the schema cannot be read: ${errorText(error)}`);
  }
  if (tree.count !== metadata.schema.length)
    return fail(
      `the schema's child counts describe ${tree.count} elements, but it lists ${metadata.schema.length}`,
    );
  const leaves = leavesOf(tree).map((leaf) => ({
    path: leaf.path,
    element: leaf.element,
    schemaPath: getTreePath(tree, leaf.path),
  }));
  const untyped = leaves.find((leaf) => leaf.element.type === undefined);
  if (untyped) return fail(`column '${untyped.path.join('.')}' has no physical type`);
  for (const [index, group] of metadata.row_groups.entries()) {
    if (group.columns.length !== leaves.length)
      return fail(
        `row group ${index + 1} has ${group.columns.length} column chunks, but the schema has ${leaves.length} columns`,
      );
    for (const [column, chunk] of group.columns.entries()) {
      const meta = chunk.meta_data;
      if (!meta)
        return fail(`row group ${index + 1}, column ${column + 1}: the column chunk has no metadata`);
      const path = meta.path_in_schema?.join('.');
      const expected = leaves[column]!.path.join('.');
      if (path !== expected)
        return fail(
          `row group ${index + 1}, column ${column + 1} is for '${path}', but the schema's is '${expected}'`,
        );
      if (meta.type !== leaves[column]!.element.type)
        return fail(
          `row group ${index + 1}, column '${expected}' is ${meta.type}, but the schema says ${leaves[column]!.element.type}`,
        );
    }
  }
  return { tree, leaves };
}

function checkTotalRows(metadata: FileMetaData, problems: Problems): void {
  const total = metadata.row_groups.reduce((sum, group) => sum + BigInt(group.num_rows ?? 0), 0n);
  if (BigInt(metadata.num_rows ?? 0) === total) return;
  problems.add({
    code: 'row-count',
    message: `the footer says the file has ${metadata.num_rows} rows, but its ${metadata.row_groups.length} row groups add up to ${total}`,
    hint: 'the file is damaged or its writer is faulty; write it again',
  });
}

/** Every byte range a column chunk claims: [start, end) must lie between the leading PAR1 and the footer. */
function chunkRanges(chunk: ColumnChunk): { what: string; start: number; end: number }[] {
  const meta = chunk.meta_data;
  const ranges: { what: string; start: number; end: number }[] = [];
  if (meta) {
    const start = num(meta.dictionary_page_offset) || num(meta.data_page_offset) || 0;
    ranges.push({ what: 'pages', start, end: start + (num(meta.total_compressed_size) ?? 0) });
    const data = num(meta.data_page_offset) ?? 0;
    ranges.push({ what: 'first data page', start: data, end: data + 1 });
    if (meta.bloom_filter_offset !== undefined) {
      const bloom = num(meta.bloom_filter_offset)!;
      ranges.push({ what: 'bloom filter', start: bloom, end: bloom + (num(meta.bloom_filter_length) ?? 1) });
    }
  }
  if (chunk.column_index_offset !== undefined) {
    const at = num(chunk.column_index_offset)!;
    ranges.push({ what: 'column index', start: at, end: at + (num(chunk.column_index_length) ?? 0) });
  }
  if (chunk.offset_index_offset !== undefined) {
    const at = num(chunk.offset_index_offset)!;
    ranges.push({ what: 'offset index', start: at, end: at + (num(chunk.offset_index_length) ?? 0) });
  }
  return ranges;
}

function badRanges(chunk: ColumnChunk, footerStart: number) {
  if (chunk.file_path) return [{ what: `data in another file ('${chunk.file_path}')`, start: 0, end: 0 }];
  return chunkRanges(chunk).filter(
    ({ start, end }) =>
      !(
        Number.isSafeInteger(start) &&
        Number.isSafeInteger(end) &&
        start >= 4 &&
        start <= end &&
        end <= footerStart
      ),
  );
}

function rangesOk(columns: ColumnChunk[], footerStart: number): boolean {
  return columns.every((chunk) => badRanges(chunk, footerStart).length === 0);
}

/** One problem per row group whose column chunks claim bytes outside the data. */
function checkRanges(columns: ColumnChunk[], index: number, footerStart: number, problems: Problems): void {
  const bad = columns.flatMap((chunk) =>
    badRanges(chunk, footerStart).map((range) => ({
      ...range,
      column: chunk.meta_data?.path_in_schema?.join('.') ?? '?',
    })),
  );
  const first = bad[0];
  if (!first) return;
  const more =
    bad.length > 1
      ? ` (and ${bad.length - 1} more ${bad.length === 2 ? 'range' : 'ranges'} in this row group)`
      : '';
  const where = first.what.startsWith('data in another file')
    ? `keeps its ${first.what}: a delivered file must hold its own data`
    : `claims its ${first.what} at bytes ${first.start}–${first.end}, outside the data (bytes 4–${footerStart})`;
  problems.add({
    code: 'offset',
    key: first.column,
    message: `row group ${index + 1}, column '${first.column}' ${where}${more}`,
    hint: 'the footer does not match the data: the file is damaged; write it again',
  });
}

interface ChunkResult {
  rows: number;
  values: number;
}

/** Decodes the row group column by column; true when the value budget ran out. */
async function decodeRowGroup(
  read: Read,
  schema: Schema,
  columns: ColumnChunk[],
  numRows: number,
  index: number,
  problems: Problems,
  budget: { values: number },
): Promise<boolean> {
  const counted: { column: string; rows: number }[] = [];
  for (const [column, chunk] of columns.entries()) {
    const leaf = schema.leaves[column]!;
    const meta = chunk.meta_data!;
    const result = await decodeChunk(read, leaf, meta, index, problems, budget);
    if (result === 'budget') return true;
    if (!result) continue;
    counted.push({ column: leaf.path.join('.'), rows: result.rows });
    if (result.rows === numRows && result.values !== num(meta.num_values))
      problems.add({
        code: 'value-count',
        key: leaf.path.join('.'),
        message: `row group ${index + 1}, column '${leaf.path.join('.')}': the column chunk says ${meta.num_values} values, but its pages hold ${result.values}`,
        hint: 'the file is damaged or its writer is faulty; write it again',
      });
  }
  const wrong = counted.filter((entry) => entry.rows !== numRows);
  const first = wrong[0];
  if (first) {
    const more =
      wrong.length > 1 ? ` (and ${wrong.length - 1} more ${wrong.length === 2 ? 'column' : 'columns'})` : '';
    problems.add({
      code: 'row-count',
      key: first.column,
      message: `row group ${index + 1} says ${numRows} rows, but column '${first.column}' holds ${first.rows}${more}`,
      hint: 'the file is damaged or its writer is faulty; write it again',
    });
  }
  return false;
}

/** Reads a page header at `offset`, through a window that grows while the header is longer. */
async function readPageHeader(
  read: Read,
  offset: number,
  end: number,
): Promise<{ header: PageHeader; length: number; window: Uint8Array }> {
  let size = Math.min(FIRST_HEADER_WINDOW, end - offset);
  for (;;) {
    const window = await read(offset, offset + size);
    const reader = { view: new DataView(window.buffer, window.byteOffset, window.byteLength), offset: 0 };
    try {
      const header = parquetHeader(reader);
      return { header, length: reader.offset, window };
    } catch (error) {
      const grown = Math.min(size * 4, MAX_PAGE_HEADER_BYTES, end - offset);
      if (!(error instanceof RangeError) || grown <= size) throw error;
      size = grown;
    }
  }
}

function pageValues(header: PageHeader): number {
  return (
    header.data_page_header?.num_values ??
    header.data_page_header_v2?.num_values ??
    header.dictionary_page_header?.num_values ??
    0
  );
}

/** Decodes one column chunk page by page; undefined when it could not be decoded (reported). */
async function decodeChunk(
  read: Read,
  leaf: Schema['leaves'][number],
  meta: ColumnMetaData,
  index: number,
  problems: Problems,
  budget: { values: number },
): Promise<ChunkResult | undefined | 'budget'> {
  const name = leaf.path.join('.');
  const at = `row group ${index + 1}, column '${name}'`;
  const decoder: ColumnDecoder = {
    pathInSchema: leaf.path,
    type: meta.type,
    element: leaf.element,
    schemaPath: leaf.schemaPath,
    codec: meta.codec,
    parsers: DEFAULT_PARSERS,
    compressors,
    utf8: true,
  };
  const flat = isFlatColumn(leaf.schemaPath);
  const tally = new ChunkTally();
  const start = num(meta.dictionary_page_offset) || num(meta.data_page_offset)!;
  const end = start + num(meta.total_compressed_size)!;
  let dictionary: DecodedArray | undefined;
  let rows = 0;
  let values = 0;
  const damaged = (code: string, offset: number, message: string, hint?: string) => {
    problems.add({
      code,
      offset,
      key: name,
      message: `${at}: ${message}`,
      hint: hint ?? 'the file is damaged; write it again',
    });
    return undefined;
  };
  let offset = start;
  while (offset < end) {
    let header: PageHeader;
    let headerLength: number;
    let window: Uint8Array;
    try {
      ({ header, length: headerLength, window } = await readPageHeader(read, offset, end));
    } catch (error) {
      // A header cut by the chunk's end: the chunk's size, not the page, is what is wrong.
      if (error instanceof RangeError && end - offset < MAX_PAGE_HEADER_BYTES)
        return damaged(
          'page-bounds',
          offset,
          `the page header at byte ${offset} runs past the end of its column chunk at byte ${end}`,
        );
      return damaged('page', offset, `the page header at byte ${offset} cannot be read: ${errorText(error)}`);
    }
    const dataStart = offset + headerLength;
    const compressed = header.compressed_page_size;
    const dataEnd = dataStart + compressed;
    if (!Number.isSafeInteger(compressed) || compressed < 0 || dataEnd > end)
      return damaged(
        'page-bounds',
        offset,
        `the page at byte ${offset} claims ${compressed} bytes, past the end of its column chunk at byte ${end}`,
      );
    const uncompressed = header.uncompressed_page_size;
    const claimed = pageValues(header);
    if (
      !Number.isSafeInteger(uncompressed) ||
      uncompressed < 0 ||
      !Number.isSafeInteger(claimed) ||
      claimed < 0 ||
      (meta.codec === 'UNCOMPRESSED' && header.type !== 'DATA_PAGE_V2' && uncompressed !== compressed)
    )
      return damaged(
        'page',
        offset,
        `the page at byte ${offset} has a header with impossible sizes or counts`,
      );
    if (uncompressed > MAX_PAGE_BYTES || compressed > MAX_PAGE_BYTES || claimed > MAX_PAGE_VALUES)
      return damaged(
        'cap',
        offset,
        `the page at byte ${offset} claims ${uncompressed} bytes and ${claimed} values, more than this tool decodes in one page (${MAX_PAGE_BYTES} bytes, ${MAX_PAGE_VALUES} values); the column was not checked`,
        'write smaller pages (e.g. pyarrow data_page_size, or fewer rows per page)',
      );
    budget.values -= claimed;
    if (budget.values < 0) {
      problems.add({
        code: 'cap',
        offset,
        key: name,
        message: `${at}: the pages claim more values than this tool decodes for a file of this size; the rest of the file was not checked`,
        hint: 'a file of many small, highly compressed pages; check it with the writer’s own reader too',
      });
      return 'budget';
    }
    const bytes =
      headerLength + compressed <= window.length
        ? window.subarray(0, headerLength + compressed)
        : await read(offset, dataEnd).catch((error: unknown) => {
            if (error instanceof RangeRefused) return undefined;
            throw error;
          });
    if (!bytes) return damaged('page-bounds', offset, `the page at byte ${offset} cannot be read`);
    const reader = {
      view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      offset: headerLength,
    };
    try {
      if (header.type === 'DICTIONARY_PAGE') {
        const { data } = readPage(reader, header, decoder, undefined, undefined, 0);
        if (data) dictionary = convert(data, decoder);
      } else if (header.type === 'DATA_PAGE' || header.type === 'DATA_PAGE_V2') {
        if (flat) {
          const { data } = readPage(reader, header, decoder, dictionary, undefined, 0);
          const decoded = data ?? [];
          tally.add(decoded);
          rows += decoded.length;
          values += decoded.length;
        } else {
          const page = bytes.subarray(headerLength);
          if (header.type === 'DATA_PAGE') {
            const daph = header.data_page_header!;
            const raw = decompressPage(page, uncompressed, meta.codec, compressors);
            const { repetitionLevels } = readDataPage(raw, daph, decoder);
            rows += repetitionLevels.length
              ? repetitionLevels.filter((level) => level === 0).length
              : daph.num_values;
            values += daph.num_values;
          } else {
            readDataPageV2(page, header, decoder);
            rows += header.data_page_header_v2!.num_rows;
            values += header.data_page_header_v2!.num_values;
          }
        }
      }
      // Index pages carry nothing to check here.
    } catch (error) {
      return damaged(
        'page',
        offset,
        `the ${header.type ?? 'unknown'} page at byte ${offset} cannot be decoded: ${errorText(error)}`,
      );
    }
    offset = dataEnd;
  }
  if (flat) {
    const disagreements = statisticsDisagreements(meta, leaf.element, tally);
    if (disagreements.length > 0)
      problems.add({
        code: 'statistics',
        key: name,
        message: `${at}: the statistics disagree with the data: ${disagreements.join('; ')}`,
        hint: 'readers skip row groups by these statistics and would miss rows; write the file again with its writer',
      });
  }
  return { rows, values };
}
