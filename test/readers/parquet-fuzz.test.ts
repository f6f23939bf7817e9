/**
 * Hostile input for the Parquet reader: random mutations of valid files never make it throw, hang,
 * or allocate for sizes a file merely claims. Fixed seed and budget in CI (FUZZ_SEED, FUZZ_RUNS as
 * for the FITS reader's fuzz suite).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadContent } from '../../src/types.js';
import { flippedCopies, fuzzBudget, readWithin } from '../support/fuzz.js';
import { readParquetBytes, sampleSpec } from '../support/parquet-harness.js';
import { writeParquet } from '../support/parquet-writer.js';

const BUDGET = fuzzBudget(150, 20261124);

const PLAIN = writeParquet(sampleSpec()).bytes;
const GZIP = writeParquet(sampleSpec({ codec: 'GZIP', pageRows: 2 })).bytes;

/** Reads with a time bound, and checks every problem is a single line a person can act on. */
async function readBounded(bytes: Uint8Array): Promise<ReadContent> {
  const before = process.memoryUsage().arrayBuffers;
  const content = await readWithin(2000, () => readParquetBytes(bytes));
  expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(256 * 1024 * 1024);
  for (const problem of content.problems) {
    expect(problem.message).not.toMatch(/\n/);
    expect(problem.message.length).toBeGreaterThan(10);
  }
  return content;
}

describe('parquet reader fuzzing (fixed seed)', () => {
  it.each([
    ['uncompressed', PLAIN],
    ['gzip', GZIP],
  ])('survives random byte flips (%s)', async (_name, valid) => {
    await fc.assert(
      fc.asyncProperty(flippedCopies(valid, { minLength: 1, maxLength: 20 }), async (bytes) => {
        await readBounded(bytes);
      }),
      BUDGET,
    );
  });

  it('survives flips in the footer alone', async () => {
    const footerLength = PLAIN.readUInt32LE(PLAIN.length - 8);
    const footerStart = PLAIN.length - 8 - footerLength;
    await fc.assert(
      fc.asyncProperty(
        flippedCopies(PLAIN, { from: footerStart, to: PLAIN.length - 9, minLength: 1, maxLength: 6 }),
        async (bytes) => {
          await readBounded(bytes);
        },
      ),
      BUDGET,
    );
  });

  it('survives truncation anywhere and arbitrary bytes between PAR1 markers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(PLAIN.length), async (end) => {
        const content = await readBounded(PLAIN.subarray(0, end));
        if (end < PLAIN.length) expect(content.problems.length).toBe(1);
      }),
      BUDGET,
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (body) => {
        await readBounded(Buffer.concat([Buffer.from('PAR1'), body, Buffer.from('PAR1')]));
      }),
      BUDGET,
    );
  });
});
