import { describe, expect, it } from 'vitest';
import { workersWorthStarting } from '../../src/engine/pool.js';

describe('workersWorthStarting', () => {
  it('keeps small files on one thread unless about a second of work is left', () => {
    // 100 µs a file: 3,300 files left → 0.33 s (5,000 small files: one thread was faster).
    expect(workersWorthStarting(0.1, 3_300)).toBe(false);
    // 9,600 left → 0.96 s, against twice (0.1 s + 1,500 × 0.25 ms) = 0.95 s.
    expect(workersWorthStarting(0.1, 9_600)).toBe(true);
    expect(workersWorthStarting(0.1, 9_400)).toBe(false);
  });

  it('gives large files workers with much less work left', () => {
    // 40 files of 21 MB, 20 ms each: 26 left → 0.52 s, against twice (0.1 s + 26 × 0.25 ms).
    expect(workersWorthStarting(20, 26)).toBe(true);
    expect(workersWorthStarting(20, 10)).toBe(false);
  });

  it('never starts them with nothing left', () => {
    expect(workersWorthStarting(1000, 0)).toBe(false);
  });
});
