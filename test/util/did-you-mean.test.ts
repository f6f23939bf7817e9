import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/util/did-you-mean.js';

describe('did you mean', () => {
  it('computes edit distances', () => {
    expect(editDistance('HSLPNAME', 'HLSPNAME')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });

  it('suggests the closest candidate, or nothing when none is close', () => {
    expect(didYouMean('fits/checksun', ['fits/checksum', 'fits/end-card'])).toBe('fits/checksum');
    expect(didYouMean('zzzz', ['fits/checksum'])).toBeUndefined();
  });
});
