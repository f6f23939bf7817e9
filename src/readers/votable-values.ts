/**
 * The VOTable datatypes and array sizes, and whether a TABLEDATA cell (or a PARAM value) reads as
 * its FIELD's declaration (VOTable 1.4 §2.1, §5.1).
 */

export const VOTABLE_DATATYPES = [
  'boolean',
  'bit',
  'unsignedByte',
  'short',
  'int',
  'long',
  'char',
  'unicodeChar',
  'float',
  'double',
  'floatComplex',
  'doubleComplex',
] as const;
export type VotableDatatype = (typeof VOTABLE_DATATYPES)[number];
const KNOWN = new Set<string>(VOTABLE_DATATYPES);

export function isVotableDatatype(text: string): text is VotableDatatype {
  return KNOWN.has(text);
}

/**
 * An arraysize: the sizes of the dimensions, the last of which may be open (`*`, `n*`: at most n).
 * Absent means a scalar (for char, a single character).
 */
export interface ArraySize {
  fixed: number[];
  /** The last dimension is variable; `limit` is its upper bound when written as `n*`. */
  variable?: { limit?: number };
}

/** '10', '*', '8*', '3x2', '3x*', '3x2x4*'; undefined for text that is none of those. */
export function parseArraySize(text: string): ArraySize | undefined {
  const parts = text.trim().split('x');
  const fixed: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (/^[0-9]+$/.test(part)) fixed.push(Number(part));
    else if (last && part === '*') return { fixed, variable: {} };
    else if (last && /^[0-9]+\*$/.test(part))
      return { fixed, variable: { limit: Number(part.slice(0, -1)) } };
    else return undefined;
  }
  return { fixed };
}

const INTEGER_RANGE: Record<string, [bigint, bigint]> = {
  unsignedByte: [0n, 255n],
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};
const DECIMAL = /^[+-]?[0-9]+$/;
const HEX = /^0[xX][0-9a-fA-F]+$/;
/** What Python's float() reads (astropy converts with it): decimals, nan, inf, infinity. */
const FLOAT = /^[+-]?(([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?|nan|inf|infinity)$/i;
const BOOLEAN = /^(t|f|true|false|1|0|\?)$/i;

/** Why one element is not of the datatype; undefined when it is. */
function elementProblem(datatype: VotableDatatype, text: string): string | undefined {
  switch (datatype) {
    case 'boolean':
      return BOOLEAN.test(text) ? undefined : 'is not a boolean (T, F, true, false, 1, 0 or ?)';
    case 'bit':
      return text === '0' || text === '1' ? undefined : 'is not a bit (0 or 1)';
    case 'float':
    case 'double':
      return FLOAT.test(text) ? undefined : 'is not a number';
    case 'unsignedByte':
    case 'short':
    case 'int':
    case 'long': {
      let value: bigint;
      if (DECIMAL.test(text)) value = BigInt(text);
      else if (HEX.test(text)) value = BigInt(text);
      else return 'is not an integer';
      const [low, high] = INTEGER_RANGE[datatype]!;
      // Hexadecimal is the bit pattern: 0xFFFF is -1 for a short.
      const span = high - low + 1n;
      if (HEX.test(text) && value <= high - low) value = value > high ? value - span : value;
      return value < low || value > high
        ? `is outside the range of ${datatype} (${low} to ${high})`
        : undefined;
    }
    default:
      return undefined;
  }
}

/** How many elements an array of this size may hold: [at least, at most, in multiples of]. */
function elementCount(size: ArraySize): { exact?: number; max?: number; multiple: number } {
  const product = size.fixed.reduce((a, b) => a * b, 1);
  if (!size.variable) return { exact: product, multiple: 1 };
  const max = size.variable.limit !== undefined ? product * size.variable.limit : undefined;
  return { ...(max !== undefined ? { max } : {}), multiple: product };
}

/**
 * Why a cell's text does not read as its field; undefined when it does. The text is the TD's
 * content; an empty cell is a null. `nullValue` is VALUES null=, which stands for a missing element.
 */
export function cellProblem(
  datatype: VotableDatatype,
  size: ArraySize | undefined,
  text: string,
  nullValue: string | undefined,
): string | undefined {
  if (datatype === 'char' || datatype === 'unicodeChar') {
    // Strings are text of any content; a fixed length is padded or cut by readers.
    return undefined;
  }
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === nullValue) return undefined;
  const complex = datatype === 'floatComplex' || datatype === 'doubleComplex';
  const element: VotableDatatype = complex ? (datatype === 'floatComplex' ? 'float' : 'double') : datatype;
  // Bits of an array may be written without separators: '0110'.
  const items =
    datatype === 'bit' && size !== undefined && /^[01\s]+$/.test(trimmed)
      ? trimmed.replace(/\s+/g, '').split('')
      : trimmed.split(/\s+/);
  for (const item of items) {
    if (item === nullValue) continue;
    const why = elementProblem(element, item);
    if (why) return items.length === 1 ? why : `holds ${quoteItem(item)}, which ${why}`;
  }
  const perElement = complex ? 2 : 1;
  if (items.length % perElement !== 0) return 'has an odd count of numbers: a complex value is a pair';
  const count = items.length / perElement;
  if (size === undefined)
    return count === 1 ? undefined : `holds ${count} values where the field is a scalar`;
  const expected = elementCount(size);
  if (expected.exact !== undefined && count !== expected.exact)
    return `holds ${count} values where the arraysize asks for ${expected.exact}`;
  if (expected.max !== undefined && count > expected.max)
    return `holds ${count} values where the arraysize allows at most ${expected.max}`;
  if (count % expected.multiple !== 0)
    return `holds ${count} values, not a multiple of ${expected.multiple} as the arraysize asks`;
  return undefined;
}

function quoteItem(item: string): string {
  return `'${item.length > 20 ? `${item.slice(0, 20)}…` : item}'`;
}
