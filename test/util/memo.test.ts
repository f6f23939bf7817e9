import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/util/memo.js';

describe('memoize', () => {
  it('computes each key once, including undefined and null results', () => {
    const calls: string[] = [];
    const lookup = memoize((key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key === 'null' ? null : key.length;
    });
    for (let i = 0; i < 3; i++) {
      expect(lookup('abc')).toBe(3);
      expect(lookup('none')).toBeUndefined();
      expect(lookup('null')).toBeNull();
    }
    expect(calls).toEqual(['abc', 'none', 'null']);
  });

  it('forgets everything when full, so distinct keys never grow memory without bound', () => {
    let calls = 0;
    const lookup = memoize((key: number) => {
      calls++;
      return key * 2;
    }, 3);
    for (const key of [1, 2, 3]) lookup(key);
    expect(calls).toBe(3);
    lookup(4); // full: cleared, then 4 remembered
    lookup(1);
    expect(calls).toBe(5);
    lookup(4);
    expect(calls).toBe(5);
  });
});
