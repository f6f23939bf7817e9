/**
 * Hostile input for the VOTable reader: random bytes, random mutations of a valid VOTable, every
 * tenth truncation (plain and gzip), an entity bomb, a nesting bomb and huge tags never make it
 * throw, hang or hold more than its caps; each gives a clear problem. Fixed seed and budget in CI;
 * FUZZ_SEED and FUZZ_RUNS (as `npm run fuzz` sets them) run it longer.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_LIMITS } from '../../src/readers/types.js';
import { readVotable } from '../../src/readers/votable.js';
import type { ReadContent } from '../../src/types.js';
import { scratchFile, votable } from '../support/content.js';
import { cutAtTenth, expectSane, flippedCopies, fuzzBudget } from '../support/fuzz.js';

const BUDGET = fuzzBudget(100, 20261202);
const LIMITS = { ...DEFAULT_CONTENT_LIMITS, maxLineBytes: 64 * 1024, maxProblems: 50 };
const FIELDS = [
  '<FIELD name="id" datatype="long" ucd="meta.id;meta.main"/>',
  '<FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra"><VALUES null="-999"/></FIELD>',
  '<FIELD name="name" datatype="char" arraysize="*"/>',
  '<FIELD name="flux" datatype="float" arraysize="3" unit="mJy"/>',
  '<FIELD name="flag" datatype="boolean"/>',
];
const ROWS = Array.from({ length: 40 }, (_, i) => [
  String(i),
  (i * 7.25).toFixed(3),
  `src &amp; ${i}`,
  `${i} ${i + 1}.5 NaN`,
  i % 2 ? 'T' : 'F',
]);
const VALID = Buffer.from(
  votable(FIELDS, ROWS, '<PARAM name="HLSPID" datatype="char" arraysize="*" value="test"/>'),
);
const GZIPPED = gzipSync(VALID);

async function read(bytes: Buffer, gzip = false): Promise<ReadContent> {
  const path = scratchFile(gzip ? 't.vot.gz.raw' : 't.vot', bytes);
  return readVotable({ path, size: bytes.length, gzip }, LIMITS);
}

describe('VOTable reader under hostile input', () => {
  it('reads the valid table without a problem, plain and gzip', async () => {
    expect((await read(VALID)).problems).toEqual([]);
    const zipped = await read(GZIPPED, true);
    expect(zipped.problems).toEqual([]);
    expect(zipped.table?.rows).toBe(40);
  });

  it('survives random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, gzip) => {
        expectSane(await read(Buffer.from(bytes), gzip), LIMITS.maxProblems);
      }),
      BUDGET,
    );
  });

  it('survives random mutations of a valid VOTable', async () => {
    await fc.assert(
      fc.asyncProperty(flippedCopies(VALID, { maxLength: 20 }), async (bytes) => {
        expectSane(await read(bytes), LIMITS.maxProblems);
      }),
      BUDGET,
    );
  });

  it('reports a truncation at every tenth of the file, plain and gzip', async () => {
    for (let tenth = 1; tenth < 10; tenth++) {
      const plain = await read(cutAtTenth(VALID, tenth));
      expectSane(plain, LIMITS.maxProblems);
      expect(
        plain.problems.map((p) => p.code),
        `cut at ${tenth}/10`,
      ).toContain('xml');
      const zipped = await read(cutAtTenth(GZIPPED, tenth), true);
      expect(zipped.problems.map((p) => p.code)).toContain('gzip-error');
    }
  });

  it('expands no declared entity: a billion-laughs file is one finding', async () => {
    const entities = ['<!ENTITY a0 "lol">'];
    for (let i = 1; i < 10; i++) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE VOTABLE [${entities.join('')}]>\n<VOTABLE><DESCRIPTION>&a9;</DESCRIPTION></VOTABLE>\n`;
    const content = await read(Buffer.from(bomb));
    expect(content.problems).toHaveLength(1);
    expect(content.problems[0]).toMatchObject({ code: 'xml', line: 3 });
  });

  it('stops at a nesting bomb and at a huge tag or text, holding no more than the cap', async () => {
    const deep = await read(Buffer.from(`<VOTABLE>${'<RESOURCE>'.repeat(100_000)}`));
    expect(deep.problems.map((p) => p.code)).toEqual(['too-deep']);
    const attribute = await read(Buffer.from(`<VOTABLE><INFO value="${'x'.repeat(1_000_000)}"/></VOTABLE>`));
    expect(attribute.problems.map((p) => p.code)).toEqual(['too-long']);
    const text = await read(Buffer.from(`<VOTABLE><DESCRIPTION>${'x'.repeat(1_000_000)}`));
    expect(text.problems.map((p) => p.code)).toEqual(['too-long']);
    const entity = await read(Buffer.from(`<VOTABLE><DESCRIPTION>&${'x'.repeat(1_000_000)}`));
    expect(entity.problems.map((p) => p.code)).toEqual(['xml']);
  });
});
