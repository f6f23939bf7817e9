import { intValue } from './layout.js';
import type { Hdu } from './types.js';

/**
 * Reads a character (`rA`) column of a captured binary table as trimmed strings, e.g. the file
 * names in a PROVENANCE table. Returns [] when the column is absent, not text, or not captured.
 */
export function readTextColumn(hdu: Hdu, columnName: string, maxRows = 100_000): string[] {
  if (hdu.kind !== 'binary-table' || !hdu.tableBytes || !hdu.columns) return [];
  const rowLength = intValue(hdu.keywords, 'NAXIS1') ?? 0;
  const rows = Math.min(intValue(hdu.keywords, 'NAXIS2') ?? 0, maxRows);
  let start = 0;
  const wanted = columnName.toUpperCase();
  for (const column of hdu.columns) {
    if (column.width === undefined) return [];
    if (column.name?.trim().toUpperCase() === wanted) {
      if (column.code !== 'A') return [];
      const values: string[] = [];
      for (let row = 0; row < rows; row++) {
        const offset = row * rowLength + start;
        if (offset + column.width > hdu.tableBytes.length) break;
        const text = Buffer.from(
          hdu.tableBytes.buffer,
          hdu.tableBytes.byteOffset + offset,
          column.width,
        ).toString('latin1');
        const end = text.indexOf('\0');
        values.push((end < 0 ? text : text.slice(0, end)).trim());
      }
      return values;
    }
    start += column.width;
  }
  return [];
}
