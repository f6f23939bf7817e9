/**
 * What the fixed-seed fuzz suites share: their budget, mutations of a valid file, cuts of it, a time
 * bound on a read, and the checks every problem a reader gives must pass.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ReadContent } from '../../src/types.js';

/** fast-check's run count and seed: the suite's fixed ones, or FUZZ_RUNS and FUZZ_SEED (as `npm run fuzz` sets them). */
export function fuzzBudget(runs: number, seed: number): { numRuns: number; seed: number } {
  return { numRuns: Number(process.env.FUZZ_RUNS ?? runs), seed: Number(process.env.FUZZ_SEED ?? seed) };
}

/**
 * Copies of `valid` with `minLength` to `maxLength` bytes set to random values, at offsets from
 * `from` to `to` (both included; the whole file unless given).
 */
export function flippedCopies(
  valid: Uint8Array,
  options: { from?: number; to?: number; minLength?: number; maxLength: number },
): fc.Arbitrary<Buffer> {
  const { from = 0, to = valid.length - 1, minLength = 0, maxLength } = options;
  const flips = fc.array(fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 255 })), {
    minLength,
    maxLength,
  });
  return flips.map((list) => {
    const bytes = Buffer.from(valid);
    for (const [at, value] of list) bytes[at] = value;
    return bytes;
  });
}

/** The first `tenth` tenths of the file (rounded down), as a view of it. */
export function cutAtTenth<T extends Uint8Array>(bytes: T, tenth: number): T {
  return bytes.subarray(0, Math.floor((bytes.length * tenth) / 10)) as T;
}

/** Runs `read` and fails the test when it takes `maxMs` or longer: a hang fails instead of stalling. */
export async function readWithin<T>(maxMs: number, read: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await read();
  expect(performance.now() - started).toBeLessThan(maxMs);
  return result;
}

/** Every problem's message is a single line. */
export function expectOneLineMessages(content: ReadContent): void {
  for (const problem of content.problems) expect(problem.message).not.toMatch(/[\r\n]/);
}

/** Every problem is a one-line message with a code; the list holds at most `maxProblems` and the cap's note. */
export function expectSane(content: ReadContent, maxProblems: number): void {
  expect(content.problems.length).toBeLessThanOrEqual(maxProblems + 1);
  for (const problem of content.problems) {
    expect(problem.code).toMatch(/^[a-z0-9-]+$/);
    expect(problem.message).not.toMatch(/[\r\n]/);
  }
}
