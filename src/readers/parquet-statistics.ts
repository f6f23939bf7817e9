/**
 * Column statistics (min, max, null count) held against the values of a column chunk, page by
 * page: the least and greatest values seen are all that is kept, so the work is bounded by the
 * data and the memory by one page.
 */
import type { ColumnMetaData, SchemaElement, Statistics } from 'hyparquet';

type Comparable = number | bigint | string | boolean | Date;

/** Whether the statistics of a column of this type can be compared with its decoded values. */
export function comparableType(element: SchemaElement): boolean {
  const { type, converted_type: converted, logical_type: logical } = element;
  if (type === 'INT96' || converted === 'INTERVAL') return false;
  if (type === 'BYTE_ARRAY' || type === 'FIXED_LEN_BYTE_ARRAY') {
    // Binary data decodes to strings lossily; its order is the bytes' order, not the text's.
    return (
      converted === 'UTF8' ||
      converted === 'ENUM' ||
      converted === 'JSON' ||
      converted === 'DECIMAL' ||
      logical?.type === 'STRING' ||
      logical?.type === 'ENUM' ||
      logical?.type === 'JSON' ||
      logical?.type === 'UUID' ||
      logical?.type === 'FLOAT16' ||
      logical?.type === 'DECIMAL'
    );
  }
  return true;
}

function asComparable(value: unknown): Comparable | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'bigint' || typeof value === 'string' || typeof value === 'boolean') return value;
  return undefined;
}

/** Parquet orders strings by their UTF-8 bytes, which is code point order, not UTF-16 order. */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function compareValues(a: Comparable, b: Comparable): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const x = a instanceof Date ? a.getTime() : typeof a === 'boolean' ? Number(a) : a;
  const y = b instanceof Date ? b.getTime() : typeof b === 'boolean' ? Number(b) : b;
  if (typeof x === 'string' || typeof y === 'string')
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  return x < y ? -1 : x > y ? 1 : 0;
}

function show(value: Comparable): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return String(value);
}

/** The least and greatest values and the nulls of one column chunk, as its pages are decoded. */
export class ChunkTally {
  least: Comparable | undefined;
  greatest: Comparable | undefined;
  nulls = 0;
  values = 0;

  add(values: ArrayLike<unknown>): void {
    this.values += values.length;
    for (let i = 0; i < values.length; i++) {
      const raw = values[i];
      if (raw === null || raw === undefined) {
        this.nulls++;
        continue;
      }
      const value = asComparable(raw);
      if (value === undefined) continue;
      if (this.least === undefined || compareValues(value, this.least) < 0) this.least = value;
      if (this.greatest === undefined || compareValues(value, this.greatest) > 0) this.greatest = value;
    }
  }
}

/**
 * How the chunk's statistics disagree with its data, as phrases ('min is 3, but the least value is
 * 2'); empty when they agree. The deprecated `min`/`max` fields are not judged: their order was
 * never defined for unsigned and text columns.
 */
export function statisticsDisagreements(
  meta: ColumnMetaData,
  element: SchemaElement,
  tally: ChunkTally,
): string[] {
  const stats: Statistics | undefined = meta.statistics;
  if (!stats) return [];
  const out: string[] = [];
  if (stats.null_count !== undefined && Number(stats.null_count) !== tally.nulls)
    out.push(`null_count is ${stats.null_count}, but the data has ${tally.nulls} nulls`);
  if (!comparableType(element)) return out;
  const text = element.type === 'BYTE_ARRAY' || element.type === 'FIXED_LEN_BYTE_ARRAY';
  const min = asComparable(stats.min_value);
  const max = asComparable(stats.max_value);
  const { least, greatest } = tally;
  if (least !== undefined && greatest !== undefined) {
    // Bounds must hold; exact values must be the data's own (text bounds may be truncated).
    if (min !== undefined) {
      const order = compareValues(least, min);
      const exact = text ? stats.is_min_value_exact === true : stats.is_min_value_exact !== false;
      if (order < 0 || (exact && order !== 0))
        out.push(`min_value is ${show(min)}, but the least value is ${show(least)}`);
    }
    if (max !== undefined) {
      const order = compareValues(greatest, max);
      const exact = text ? stats.is_max_value_exact === true : stats.is_max_value_exact !== false;
      if (order > 0 || (exact && order !== 0))
        out.push(`max_value is ${show(max)}, but the greatest value is ${show(greatest)}`);
    }
  }
  return out;
}
