/**
 * Hostile input for the ASDF reader: random bytes, random mutations of the demo's ASDF model, a
 * truncation at every tenth, a YAML alias bomb and block sizes past the end of the file never make
 * it throw, hang or hold more than its caps; each gives a clear problem. Fixed seed and budget in
 * CI; FUZZ_SEED and FUZZ_RUNS (as `npm run fuzz` sets them) run it longer.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAsdfBytes } from '../support/asdf-content.js';
import { asdfFile, ndarrayLines } from '../support/asdf-writer.js';
import { modelAsdf } from '../support/demo.js';
import { cutAtTenth, expectSane, flippedCopies, fuzzBudget } from '../support/fuzz.js';

const BUDGET = fuzzBudget(100, 20261202);
const VALID = modelAsdf();
const LIMITS = { maxProblems: 50 };
const read = (bytes: Buffer | Uint8Array, gzip = false) =>
  readAsdfBytes(gzip ? gzipSync(bytes) : Buffer.from(bytes), { limits: LIMITS, gzip });

describe('the ASDF reader under hostile input', () => {
  it('reads the valid demo model without a problem, plain and gzip', async () => {
    expect((await read(VALID)).problems).toEqual([]);
    expect((await read(VALID, true)).problems).toEqual([]);
  });

  it('survives random bytes, with and without the ASDF first line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, signed) => {
        const content = await read(signed ? Buffer.concat([Buffer.from('#ASDF 1.0.0\n'), bytes]) : bytes);
        expectSane(content, LIMITS.maxProblems);
        if (!signed) expect(content.problems.length).toBeGreaterThan(0);
      }),
      BUDGET,
    );
  });

  it('survives random mutations of a valid file', async () => {
    await fc.assert(
      fc.asyncProperty(flippedCopies(VALID, { minLength: 1, maxLength: 20 }), async (bytes) => {
        expectSane(await read(bytes), LIMITS.maxProblems);
      }),
      BUDGET,
    );
  });

  it('reports a truncation at every tenth of the file once, plain and gzip', async () => {
    const gzip = gzipSync(VALID);
    for (let tenth = 1; tenth < 10; tenth++) {
      const plain = await read(cutAtTenth(VALID, tenth));
      expectSane(plain, LIMITS.maxProblems);
      expect(
        plain.problems.map((p) => p.code),
        `cut at ${tenth}/10`,
      ).toEqual([expect.stringMatching(/^(tree-end|truncated)$/)]);
      const cutZip = await readAsdfBytes(cutAtTenth(gzip, tenth), { limits: LIMITS, gzip: true });
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
          expectSane(content, LIMITS.maxProblems);
          expect(content.problems.map((p) => p.code)).toEqual(['truncated']);
        },
      ),
      { ...BUDGET, numRuns: Math.min(BUDGET.numRuns, 50) },
    );
  });
});
