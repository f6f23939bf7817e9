/**
 * Remembers a pure function's results by key, for checks that repeat on every file of a collection
 * (the same keyword names, the same cards). Bounded: the memory is cleared when it is full, so
 * hostile input with endless distinct keys costs time, never unbounded memory.
 */
export function memoize<K, V>(compute: (key: K) => V, max = 10_000): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value !== undefined || known.has(key)) return value as V;
    value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}
