import { describe, expect, it } from 'vitest';
import { ProblemList as ImageProblems } from '../../src/readers/byte-cursor.js';
import { ProblemList as TextProblems } from '../../src/readers/text-stream.js';

const problem = (n: number) => ({ code: `p${n}`, message: `problem ${n}` });

describe('capped reader problems', () => {
  it('keeps the first problems and words the rest in the image readers’ own code', () => {
    const list = new ImageProblems(2);
    for (let n = 0; n < 1502; n++) list.add(problem(n));
    expect(list.full).toBe(true);
    expect(list.has('p1')).toBe(true);
    expect(list.has('p2')).toBe(false);
    expect(list.done()).toEqual([
      problem(0),
      problem(1),
      { code: 'too-many-problems', message: '1,500 more problems were not listed' },
    ]);
  });

  it('words the rest in the text readers’ own code, with the cap', () => {
    const list = new TextProblems(1);
    list.add(problem(0));
    list.add(problem(1));
    expect(list.done()).toEqual([
      problem(0),
      { code: 'more', message: '1 more problem not listed (at most 1 per file)' },
    ]);
  });

  it('adds nothing when nothing was left out', () => {
    const list = new TextProblems(3);
    list.add(problem(0));
    expect(list.full).toBe(false);
    expect(list.done()).toEqual([problem(0)]);
  });
});
