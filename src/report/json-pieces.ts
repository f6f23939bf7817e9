/**
 * `JSON.stringify(value, null, space)` in pieces, for reports too large to hold as one string: the
 * same bytes, written a slice of array elements at a time. Objects are walked key by key; a long
 * array is stringified a slice at a time; a `LazyArray` builds its elements only as they are written.
 */

/** Elements stringified together: one call per slice, not per element, keeps the pieces cheap. */
export const ELEMENTS_PER_PIECE = 100;
/** Arrays this short are walked element by element (a SARIF log's one run holds all the results). */
const WALK_UP_TO = 4;

/**
 * An array whose elements are made while it is written, so that a formatter never holds a
 * converted copy of every finding. `JSON.stringify` sees an ordinary array (through `toJSON`).
 */
export class LazyArray<T> {
  constructor(private readonly make: () => Iterable<T>) {}
  [Symbol.iterator](): Iterator<T> {
    return this.make()[Symbol.iterator]();
  }
  toJSON(): T[] {
    return [...this];
  }
}

/** A lazy array of `items` mapped through `convert`, element by element as it is written. */
export function lazyMap<S, T>(items: Iterable<S>, convert: (item: S) => T): LazyArray<T> {
  return new LazyArray(function* () {
    for (const item of items) yield convert(item);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('toJSON' in value);
}

/** JSON.stringify leaves out keys whose value is undefined, a function or a symbol. */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/**
 * The text of `JSON.stringify(value, null, space)` (space 0 or 2), in pieces. `indent` is the
 * indentation of the line the value starts on, for values nested in a larger document.
 */
export function* jsonPieces(value: unknown, space: 0 | 2 = 2, indent = ''): Generator<string> {
  const newline = space ? `\n${indent}` : '';
  const inner = space ? `${indent}  ` : '';
  const innerNewline = space ? `\n${inner}` : '';
  if (Array.isArray(value) && value.length > 0 && value.length <= WALK_UP_TO) {
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}${innerNewline}`;
      // JSON.stringify writes null for an element it would leave out of an object.
      if (written(value[i])) yield* jsonPieces(value[i], space, inner);
      else yield 'null';
    }
    yield `${newline}]`;
    return;
  }
  if (value instanceof LazyArray || (Array.isArray(value) && value.length > 0)) {
    let slice: unknown[] = [];
    let first = true;
    const flush = (): string => {
      const text = JSON.stringify(slice, null, space);
      // "[\n  a,\n  b\n]" → "a,\n  b", re-indented to sit at `inner`.
      const body = space ? text.slice(2 + space, -2).replaceAll('\n', `\n${indent}`) : text.slice(1, -1);
      const piece = `${first ? '[' : ','}${innerNewline}${body}`;
      first = false;
      slice = [];
      return piece;
    };
    for (const item of value as Iterable<unknown>) {
      slice.push(item);
      if (slice.length >= ELEMENTS_PER_PIECE) yield flush();
    }
    if (slice.length > 0) yield flush();
    yield first ? '[]' : `${newline}]`;
    return;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((key) => written(value[key]));
    if (keys.length === 0) {
      yield '{}';
      return;
    }
    yield '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      yield `${i === 0 ? '' : ','}${innerNewline}${JSON.stringify(key)}:${space ? ' ' : ''}`;
      yield* jsonPieces(value[key], space, inner);
    }
    yield `${newline}}`;
    return;
  }
  const text = JSON.stringify(value, null, space);
  yield space && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}
