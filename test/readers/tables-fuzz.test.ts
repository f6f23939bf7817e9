/**
 * Hostile input for the text-table readers (ECSV, CSV): random bytes, every tenth truncation,
 * random mutations of a valid table, an alias bomb and a 100 MB line never make them throw, hang or
 * hold more than their caps; each gives a clear problem. Fixed seed and budget in CI; FUZZ_SEED and
 * FUZZ_RUNS (as `npm run fuzz` sets them) run it longer.
 */

import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/readers/csv.js';
import { readEcsv } from '../../src/readers/ecsv.js';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import type { ReadContent } from '../../src/types.js';
import { scratchFile } from '../support/content.js';
import { ecsvCatalog } from '../support/demo.js';
import { cutAtTenth, expectSane, flippedCopies, fuzzBudget, readWithin } from '../support/fuzz.js';

const BUDGET = fuzzBudget(100, 20261124);
const VALID = Buffer.from(ecsvCatalog());
const GZIPPED = gzipSync(VALID);
const LIMITS = { ...DEFAULT_CONTENT_LIMITS, maxLineBytes: 64 * 1024, maxProblems: 50 };

async function read(name: string, bytes: Buffer): Promise<ReadContent> {
  const path = scratchFile(name, bytes);
  const source = { path, size: bytes.length, gzip: name.endsWith('.gz') };
  return name.includes('.ecsv') ? readEcsv(source, LIMITS) : readCsv(source, LIMITS);
}

describe('text-table readers under hostile input', () => {
  it('read the valid demo catalogue without a problem', async () => {
    expect((await read('t.ecsv', VALID)).problems).toEqual([]);
  });

  it('survive random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, gzip) => {
        for (const name of [gzip ? 't.ecsv.gz' : 't.ecsv', gzip ? 't.csv.gz' : 't.csv', 't.dat'])
          expectSane(await read(name, Buffer.from(bytes)), LIMITS.maxProblems);
      }),
      BUDGET,
    );
  });

  it('survive random mutations of a valid ECSV', async () => {
    await fc.assert(
      fc.asyncProperty(flippedCopies(VALID, { maxLength: 20 }), async (bytes) => {
        expectSane(await read('t.ecsv', bytes), LIMITS.maxProblems);
      }),
      BUDGET,
    );
  });

  it('report a truncation at every tenth of the file, plain and gzip', async () => {
    for (let tenth = 1; tenth < 10; tenth++) {
      const plain = await read('t.ecsv', cutAtTenth(VALID, tenth));
      expectSane(plain, LIMITS.maxProblems);
      // A cut in the header leaves no body; a cut in the body leaves a short row (or none, on a line end).
      if (tenth <= 5) expect(plain.problems.length, `cut at ${tenth}/10`).toBeGreaterThan(0);
      const path = scratchFile('t.ecsv', cutAtTenth(GZIPPED, tenth));
      const cutZip = await readEcsv({ path, size: 0, gzip: true }, LIMITS);
      expect(cutZip.problems.map((p) => p.code)).toContain('gzip-error');
    }
  });

  it('refuse a YAML alias bomb at once', async () => {
    const lines = ['# %ECSV 1.0', '# ---', '# a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `# ${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`,
      );
    lines.push('# datatype: [{name: x, datatype: int8}]', 'x', '1');
    const content = await readWithin(2000, () => read('t.ecsv', Buffer.from(lines.join('\n'))));
    expect(content.problems.map((p) => p.code)).toEqual(['yaml']);
  });

  it('stop a 100 MB line at the line cap, without holding it', async () => {
    const path = scratchFile(
      'long.ecsv',
      '# %ECSV 1.0\n# ---\n# datatype: [{name: s, datatype: string}]\ns\n',
    );
    const out = createWriteStream(path, { flags: 'a' });
    const block = Buffer.alloc(1024 * 1024, 0x61);
    for (let i = 0; i < 100; i++) if (!out.write(block)) await once(out, 'drain');
    out.end('\n');
    await once(out, 'finish');
    expect(statSync(path).size).toBeGreaterThan(100 * 1024 * 1024);
    const content = await readEcsv({ path, size: 0, gzip: false }, DEFAULT_CONTENT_LIMITS);
    expect(content.problems.map((p) => p.code)).toEqual(['line-too-long']);
    // With a 1 MB cap the 100 MB line costs about the cap, not the line: the cap is what bounds memory.
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    const capped = await readEcsv(
      { path, size: 0, gzip: false },
      { ...DEFAULT_CONTENT_LIMITS, maxLineBytes: 1024 * 1024 },
    );
    expect(capped.problems.map((p) => p.code)).toEqual(['line-too-long']);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    const csvPath = scratchFile('long.csv', `a\n${'1'.repeat(1024)}\n`);
    const csv = await readCsv({ path: csvPath, size: 0, gzip: false }, { ...LIMITS, maxLineBytes: 100 });
    expect(csv.problems.map((p) => p.code)).toEqual(['line-too-long']);
  }, 60_000);

  it('report an int64 column holding text once', async () => {
    const text = '# %ECSV 1.0\n# ---\n# datatype: [{name: n, datatype: int64}]\nn\n1\nabc\n2\nxyz\n';
    const content = await read('t.ecsv', Buffer.from(text));
    expect(content.problems.map((p) => p.code)).toEqual(['value']);
  });
});
