/** Small inputs shared by the fits/* rule tests: a clean image, a binary table, an ASCII table. */
import {
  binaryTableCards,
  type CardSpec,
  type ColumnSpec,
  card,
  fitsFile,
  type HduSpec,
  int16Data,
  primaryCards,
} from '../../support/fits-builder.js';

export const PIXELS = int16Data(Array.from({ length: 100 }, (_, i) => i));

/** A primary HDU holding a 10×10 int16 image, with `extra` cards after the mandatory ones. */
export function image(extra: CardSpec[] = [], options: Partial<HduSpec> = {}): HduSpec {
  return { cards: [...primaryCards({ bitpix: 16, axes: [10, 10] }), ...extra], data: PIXELS, ...options };
}

export function imageFile(extra: CardSpec[] = [], options: Partial<HduSpec> = {}): Buffer {
  return fitsFile([image(extra, options)]);
}

/** A file with an empty primary HDU and one binary table extension. */
export function tableFile(
  columns: ColumnSpec[],
  rows: number,
  rowBytes: number,
  extra: CardSpec[] = [],
  options: { pcount?: number; data?: Uint8Array } = {},
): Buffer {
  const cards = [...binaryTableCards(columns, rows, rowBytes, { pcount: options.pcount ?? 0 }), ...extra];
  return fitsFile([
    { cards: primaryCards() },
    { cards, data: options.data ?? Buffer.alloc(rows * rowBytes + (options.pcount ?? 0)) },
  ]);
}

/** Header cards of an ASCII table (XTENSION = 'TABLE') with one column per entry. */
export function asciiTableCards(
  columns: { name: string; format: string; tbcol: number }[],
  rows: number,
  rowChars: number,
): CardSpec[] {
  const cards = [
    card('XTENSION', 'TABLE', 'ASCII table extension'),
    card('BITPIX', 8),
    card('NAXIS', 2),
    card('NAXIS1', rowChars),
    card('NAXIS2', rows),
    card('PCOUNT', 0),
    card('GCOUNT', 1),
    card('TFIELDS', columns.length),
  ];
  columns.forEach((column, i) => {
    cards.push(
      card(`TTYPE${i + 1}`, column.name),
      card(`TBCOL${i + 1}`, column.tbcol),
      card(`TFORM${i + 1}`, column.format),
    );
  });
  return cards;
}

/** Replaces bytes at an offset in a copy of `bytes`. */
export function patch(bytes: Uint8Array, offset: number, text: string): Buffer {
  const copy = Buffer.from(bytes);
  copy.write(text, offset, 'latin1');
  return copy;
}
