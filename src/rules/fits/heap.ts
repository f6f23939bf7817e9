import { BINARY_CODE_BYTES, intValue } from '../../fits/layout.js';
import type { Hdu } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';

/** Stop reporting one column after this many bad rows: one finding says enough. */
const MAX_PER_COLUMN = 3;

function elementBytes(code: string): number {
  return BINARY_CODE_BYTES[code] ?? 1;
}

function checkHeap(hdu: Hdu, report: (f: FindingInput) => void): void {
  const naxis1 = intValue(hdu.keywords, 'NAXIS1') ?? 0;
  const naxis2 = intValue(hdu.keywords, 'NAXIS2') ?? 0;
  const pcount = intValue(hdu.keywords, 'PCOUNT') ?? 0;
  const tableBytes = naxis1 * naxis2;
  const theapCard = hdu.keywords.get('THEAP');
  const theap = intValue(hdu.keywords, 'THEAP') ?? tableBytes;
  const columns = hdu.columns ?? [];
  const hasArrays = columns.some((c) => c.code === 'P' || c.code === 'Q');
  if (theapCard && !hasArrays && pcount === 0) {
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
  const heapSize = tableBytes + pcount - theap;
  const rows = hdu.tableBytes;
  if (!rows || rows.length < tableBytes) return;
  const view = new DataView(rows.buffer, rows.byteOffset, rows.byteLength);
  let start = 0;
  for (const column of columns) {
    const width = column.width ?? 0;
    let bad = 0;
    if ((column.code === 'P' || column.code === 'Q') && column.arrayCode) {
      const size = elementBytes(column.arrayCode);
      for (let row = 0; row < naxis2 && bad < MAX_PER_COLUMN; row++) {
        const at = row * naxis1 + start;
        if (column.repeat === 0) break;
        const count = column.code === 'P' ? view.getUint32(at) : Number(view.getBigUint64(at));
        const offset = column.code === 'P' ? view.getUint32(at + 4) : Number(view.getBigUint64(at + 8));
        const bytes = column.arrayCode === 'X' ? Math.ceil(count / 8) : count * size;
        if (offset + bytes > heapSize) {
          bad++;
          report({
            hdu: hdu.index,
            keyword: `TFORM${column.n}`,
            offset: hdu.dataOffset + at,
            message: `row ${row + 1} of column ${column.n}${column.name ? ` (${column.name.trim()})` : ''} points at heap bytes ${offset}-${offset + bytes}, beyond the ${heapSize}-byte heap`,
            hint: 'the array descriptor or PCOUNT is wrong; write the table again',
          });
        } else if (column.arrayCode === 'L' && hdu.heapBytes) {
          const heapStart = theap - tableBytes + offset;
          for (let i = 0; i < count; i++) {
            const byte = hdu.heapBytes[heapStart + i];
            if (byte !== undefined && byte !== 0x54 && byte !== 0x46 && byte !== 0) {
              bad++;
              report({
                hdu: hdu.index,
                keyword: `TFORM${column.n}`,
                offset: hdu.dataOffset + theap + offset + i,
                message: `row ${row + 1} of logical array column ${column.n} holds byte 0x${byte.toString(16).padStart(2, '0')}; logicals are 'T', 'F' or 0 (undefined)`,
                hint: 'write the column again as booleans',
              });
              break;
            }
          }
        } else if (column.maxElements !== undefined && count > column.maxElements) {
          bad++;
          report({
            hdu: hdu.index,
            keyword: `TFORM${column.n}`,
            offset: hdu.dataOffset + at,
            message: `row ${row + 1} of column ${column.n} has ${count} elements, more than the maximum ${column.maxElements} in TFORM${column.n}`,
            hint: 'raise the (emax) in TFORMn',
          });
        }
      }
    } else if (column.code === 'L') {
      for (let row = 0; row < naxis2 && bad < 1; row++) {
        for (let i = 0; i < width; i++) {
          const byte = rows[row * naxis1 + start + i]!;
          if (byte !== 0x54 && byte !== 0x46 && byte !== 0) {
            bad++;
            report({
              hdu: hdu.index,
              keyword: `TFORM${column.n}`,
              offset: hdu.dataOffset + row * naxis1 + start + i,
              message: `logical column ${column.n} holds byte 0x${byte.toString(16).padStart(2, '0')} in row ${row + 1}; logicals are 'T', 'F' or 0 (undefined)`,
              hint: 'write the column again as booleans',
            });
            break;
          }
        }
      }
    }
    start += width;
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
