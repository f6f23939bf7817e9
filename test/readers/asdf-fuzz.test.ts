/**
 * Hostile input for the ASDF reader: random bytes, random mutations of the demo's ASDF model, a
 * truncation at every tenth, a YAML alias bomb and block sizes past the end of the file never make
 * it throw, hang or hold more than its caps; each gives a clear problem. Fixed seed and budget in
 * CI; FUZZ_SEED and FUZZ_RUNS (as `npm run fuzz` sets them) run it longer.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadContent } from '../../src/types.js';
import { readAsdfBytes } from '../support/asdf-content.js';
import { asdfFile, ndarrayLines } from '../support/asdf-writer.js';
import { modelAsdf } from '../support/demo.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const VALID = modelAsdf();
const LIMITS = { maxProblems: 50 };
const read = (bytes: Buffer | Uint8Array, gzip = false) =>
  readAsdfBytes(gzip ? gzipSync(bytes) : Buffer.from(bytes), { limits: LIMITS, gzip });

/** Every problem is a one-line message with a code; the list is bounded. */
function expectSane(content: ReadContent): void {
  expect(content.problems.length).toBeLessThanOrEqual(LIMITS.maxProblems + 1);
  for (const problem of content.problems) {
    expect(problem.code).toMatch(/^[a-z0-9-]+$/);
    expect(problem.message).not.toMatch(/[\r\n]/);
  }
}

describe('the ASDF reader under hostile input', () => {
  it('reads the valid demo model without a problem, plain and gzip', async () => {
    expect((await read(VALID)).problems).toEqual([]);
    expect((await read(VALID, true)).problems).toEqual([]);
  });

  it('survives random bytes, with and without the ASDF first line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, signed) => {
        const content = await read(signed ? Buffer.concat([Buffer.from('#ASDF 1.0.0\n'), bytes]) : bytes);
        expectSane(content);
        if (!signed) expect(content.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('survives random mutations of a valid file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(VALID.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        async (flips) => {
          const bytes = Buffer.from(VALID);
          for (const [at, value] of flips) bytes[at] = value;
          expectSane(await read(bytes));
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('reports a truncation at every tenth of the file once, plain and gzip', async () => {
    for (let tenth = 1; tenth < 10; tenth++) {
      const cut = VALID.subarray(0, Math.floor((VALID.length * tenth) / 10));
      const plain = await read(cut);
      expectSane(plain);
      expect(
        plain.problems.map((p) => p.code),
        `cut at ${tenth}/10`,
      ).toEqual([expect.stringMatching(/^(tree-end|truncated)$/)]);
      const gzip = gzipSync(VALID);
      const cutZip = await readAsdfBytes(gzip.subarray(0, Math.floor((gzip.length * tenth) / 10)), {
        limits: LIMITS,
        gzip: true,
      });
      expect(cutZip.problems.map((p) => p.code)).toEqual(['gzip-error']);
    }
  });

  it('refuses a YAML alias bomb before expanding it', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 12; i++) {
      const name = `l${i}`;
      bomb.push(
        `${name}: &${name} [${Array(9)
          .fill(i === 0 ? '*a' : `*l${i - 1}`)
          .join(',')}]`,
      );
    }
    const content = await read(asdfFile({ tree: bomb }));
    expect(content.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^the YAML tree is refused: .*alias/),
    ]);
  });

  it('reports block sizes past the end of the file once, whatever they claim', async () => {
    const data = Buffer.alloc(64, 7);
    const tree = ndarrayLines('data', 0, 'uint8', [64]);
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 65n, max: 2n ** 64n - 1n }),
        fc.constantFrom('none', 'zlib'),
        async (claimed, compression) => {
          const bytes = asdfFile({ tree, blocks: [{ data, compression }], index: false });
          const header = bytes.indexOf('\xd3BLK', 0, 'latin1') + 6;
          bytes.writeBigUInt64BE(claimed, header + 8);
          bytes.writeBigUInt64BE(claimed, header + 16);
          const content = await read(bytes);
          expectSane(content);
          expect(content.problems.map((p) => p.code)).toEqual(['truncated']);
        },
      ),
      { numRuns: Math.min(RUNS, 50), seed: SEED },
    );
  });
});
