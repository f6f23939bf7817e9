import { BINARY_CODE_BYTES } from '../../fits/layout.js';
import type { CardMap, ColumnInfo, Hdu } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';

/** Stop reporting one column after this many bad rows: one finding says enough. */
const MAX_PER_COLUMN = 3;

type Report = (f: FindingInput) => void;

/** A column this rule reads, and where it starts in each row. */
interface PlacedColumn {
  column: ColumnInfo;
  start: number;
}

function elementBytes(code: string): bigint {
  return BigInt(BINARY_CODE_BYTES[code] ?? 1);
}

/**
 * An integer keyword as a BigInt: heap sizes, offsets and Q descriptors are 64-bit, and a message
 * that rounds them through a double would name the wrong byte.
 */
function exactInt(keywords: CardMap, name: string): bigint | undefined {
  const value = keywords.get(name)?.value;
  return value?.type === 'integer' ? BigInt(value.value) : undefined;
}

/** The (emax) of a P/Q TFORM exactly as written; the parsed number may have been rounded. */
function exactMaxElements(column: ColumnInfo): bigint | undefined {
  const digits = /\(([0-9]+)\)\s*$/.exec(column.tform ?? '')?.[1];
  return digits === undefined ? undefined : BigInt(digits);
}

function columnLabel(column: ColumnInfo): string {
  return `column ${column.n}${column.name?.trim() ? ` (${column.name.trim()})` : ''}`;
}

function isArrayColumn(column: ColumnInfo): boolean {
  return (column.code === 'P' || column.code === 'Q') && column.arrayCode !== undefined;
}

/**
 * Lays out the columns this rule reads (P/Q descriptors and logicals) from the header alone, and
 * reports one that runs past the end of the row: reading it would take bytes of the next row, or
 * of nothing at all.
 */
function placeColumns(hdu: Hdu, naxis1: bigint, report: Report): PlacedColumn[] {
  const placed: PlacedColumn[] = [];
  let start = 0;
  for (const column of hdu.columns ?? []) {
    // An unreadable TFORM has no width, so where the later columns start is unknown.
    if (column.width === undefined) break;
    const end = start + column.width;
    const read = isArrayColumn(column) || column.code === 'L';
    if (read && column.width > 0 && BigInt(end) > naxis1) {
      report({
        hdu: hdu.index,
        keyword: `TFORM${column.n}`,
        offset: hdu.keywords.get(`TFORM${column.n}`)?.offset ?? hdu.headerOffset,
        message: `${columnLabel(column)} needs bytes ${start + 1}-${end} of each row${isArrayColumn(column) ? ' for its array descriptor' : ''} (TFORM${column.n} = '${column.tform?.trim() ?? ''}'), but a row has only NAXIS1 = ${naxis1} bytes`,
        hint: 'NAXIS1 must be the sum of the column widths; write the table again',
      });
      // Every later column starts even further out.
      break;
    }
    if (read && column.repeat !== 0) placed.push({ column, start });
    start = end;
  }
  return placed;
}

interface Layout {
  naxis1: number;
  naxis2: number;
  tableBytes: bigint;
  theap: bigint;
  heapSize: bigint;
}

function checkArrayColumn(hdu: Hdu, layout: Layout, placed: PlacedColumn, report: Report): void {
  const { column, start } = placed;
  const rows = hdu.tableBytes!;
  const view = new DataView(rows.buffer, rows.byteOffset, rows.byteLength);
  const size = elementBytes(column.arrayCode!);
  const maxElements = exactMaxElements(column);
  let bad = 0;
  for (let row = 0; row < layout.naxis2 && bad < MAX_PER_COLUMN; row++) {
    const at = row * layout.naxis1 + start;
    const count = column.code === 'P' ? BigInt(view.getUint32(at)) : view.getBigUint64(at);
    const offset = column.code === 'P' ? BigInt(view.getUint32(at + 4)) : view.getBigUint64(at + 8);
    const bytes = column.arrayCode === 'X' ? (count + 7n) / 8n : count * size;
    if (offset + bytes > layout.heapSize) {
      bad++;
      report({
        hdu: hdu.index,
        keyword: `TFORM${column.n}`,
        offset: hdu.dataOffset + at,
        message: `row ${row + 1} of ${columnLabel(column)} points at heap bytes ${offset}-${offset + bytes}, beyond the ${layout.heapSize}-byte heap`,
        hint: 'the array descriptor or PCOUNT is wrong; write the table again',
      });
      continue;
    }
    if (column.arrayCode === 'L' && checkLogicalArray(hdu, layout, column, row, offset, count, report)) {
      bad++;
      continue;
    }
    if (maxElements !== undefined && count > maxElements) {
      bad++;
      report({
        hdu: hdu.index,
        keyword: `TFORM${column.n}`,
        offset: hdu.dataOffset + at,
        message: `row ${row + 1} of column ${column.n} has ${count} elements, more than the maximum ${maxElements} in TFORM${column.n}`,
        hint: 'raise the (emax) in TFORMn',
      });
    }
  }
}

/** Reports the first byte of one row's logical array that is not T, F or 0; true when it did. */
function checkLogicalArray(
  hdu: Hdu,
  layout: Layout,
  column: ColumnInfo,
  row: number,
  offset: bigint,
  count: bigint,
  report: Report,
): boolean {
  const heap = hdu.heapBytes;
  if (!heap) return false;
  // The array lies inside the declared heap here, but only the captured bytes can be looked at.
  const first = layout.theap - layout.tableBytes + offset;
  if (first >= BigInt(heap.length)) return false;
  const last = Math.min(Number(first + count), heap.length);
  for (let i = Number(first); i < last; i++) {
    const byte = heap[i]!;
    if (byte === 0x54 || byte === 0x46 || byte === 0) continue;
    report({
      hdu: hdu.index,
      keyword: `TFORM${column.n}`,
      offset: hdu.dataOffset + Number(layout.tableBytes) + i,
      message: `row ${row + 1} of logical array column ${column.n} holds byte 0x${byte.toString(16).padStart(2, '0')}; logicals are 'T', 'F' or 0 (undefined)`,
      hint: 'write the column again as booleans',
    });
    return true;
  }
  return false;
}

function checkLogicalColumn(hdu: Hdu, layout: Layout, placed: PlacedColumn, report: Report): void {
  const { column, start } = placed;
  const rows = hdu.tableBytes!;
  const width = column.width ?? 0;
  for (let row = 0; row < layout.naxis2; row++) {
    for (let i = 0; i < width; i++) {
      const at = row * layout.naxis1 + start + i;
      const byte = rows[at]!;
      if (byte === 0x54 || byte === 0x46 || byte === 0) continue;
      report({
        hdu: hdu.index,
        keyword: `TFORM${column.n}`,
        offset: hdu.dataOffset + at,
        message: `logical column ${column.n} holds byte 0x${byte.toString(16).padStart(2, '0')} in row ${row + 1}; logicals are 'T', 'F' or 0 (undefined)`,
        hint: 'write the column again as booleans',
      });
      // One finding per logical column says enough.
      return;
    }
  }
}

function checkHeap(hdu: Hdu, report: Report): void {
  const naxis1 = exactInt(hdu.keywords, 'NAXIS1') ?? 0n;
  const naxis2 = exactInt(hdu.keywords, 'NAXIS2') ?? 0n;
  const pcount = exactInt(hdu.keywords, 'PCOUNT') ?? 0n;
  // Negative sizes are reported by the rules on mandatory keywords; there is no layout to check.
  if (naxis1 < 0n || naxis2 < 0n || pcount < 0n) return;
  const tableBytes = naxis1 * naxis2;
  const theapCard = hdu.keywords.get('THEAP');
  const theap = exactInt(hdu.keywords, 'THEAP') ?? tableBytes;
  const columns = hdu.columns ?? [];
  const hasArrays = columns.some((c) => c.code === 'P' || c.code === 'Q');
  if (theapCard && !hasArrays && pcount === 0n) {
    report({
      hdu: hdu.index,
      keyword: 'THEAP',
      offset: theapCard.offset,
      message: 'THEAP is given, but the table has no heap (PCOUNT = 0)',
      hint: 'remove THEAP',
    });
  }
  if (theapCard && (theap < tableBytes || theap > tableBytes + pcount)) {
    report({
      hdu: hdu.index,
      keyword: 'THEAP',
      offset: theapCard.offset,
      message: `THEAP = ${theap} is outside the data (the table ends at byte ${tableBytes} and PCOUNT = ${pcount})`,
      hint: 'THEAP must be at least NAXIS1 × NAXIS2 and within PCOUNT bytes after it',
    });
    return;
  }
  const placed = placeColumns(hdu, naxis1, report);
  const rows = hdu.tableBytes;
  if (!rows || BigInt(rows.length) < tableBytes) return;
  // The whole table is in memory, so NAXIS1 and NAXIS2 fit in numbers from here on.
  const layout: Layout = {
    naxis1: Number(naxis1),
    naxis2: Number(naxis2),
    tableBytes,
    theap,
    heapSize: tableBytes + pcount - theap,
  };
  for (const column of placed) {
    if (isArrayColumn(column.column)) checkArrayColumn(hdu, layout, column, report);
    else checkLogicalColumn(hdu, layout, column, report);
  }
}

export const heap: FitsRule = {
  meta: {
    id: 'fits/heap',
    description:
      'Binary-table heaps are consistent: THEAP inside the data, every variable-length array inside the heap and within its maximum length, logical columns holding T, F or 0.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'A descriptor that points outside the heap makes readers crash or read other data; fitsverify calls it a severe error, astropy does not notice.',
    source: 'FITS Standard 4.0 §7.3.5',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) if (hdu.kind === 'binary-table') checkHeap(hdu, report);
  },
};
