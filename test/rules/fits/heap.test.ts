/**
 * fits/heap on hand-built binary tables: descriptors that do not fit their row, 64-bit descriptor
 * values shown exactly, and random header values that must never make the rule throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heap } from '../../../src/rules/fits/heap.js';
import {
  binaryTableCards,
  type CardSpec,
  type ColumnSpec,
  card,
  fitsFile,
  primaryCards,
} from '../../support/fits-builder.js';
import { type RuleFinding, runFitsRules } from '../../support/rule-harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const TWO_TO_53_PLUS_1 = 2n ** 53n + 1n;

function table(
  columns: ColumnSpec[],
  rows: number,
  rowBytes: number,
  data: Buffer,
  options: { pcount?: number; extra?: CardSpec[] } = {},
): Buffer {
  return fitsFile([
    { cards: primaryCards() },
    {
      cards: [
        ...binaryTableCards(columns, rows, rowBytes, { pcount: options.pcount ?? 0 }),
        ...(options.extra ?? []),
      ],
      data,
    },
  ]);
}

function runHeap(bytes: Buffer): RuleFinding[] {
  return runFitsRules(bytes, [heap]);
}

/** One Q descriptor (count, offset), 16 bytes big-endian. */
function qDescriptor(count: bigint, offset: bigint): Buffer {
  const bytes = Buffer.alloc(16);
  bytes.writeBigUInt64BE(count, 0);
  bytes.writeBigUInt64BE(offset, 8);
  return bytes;
}

describe('fits/heap', () => {
  it('reports a 16-byte Q descriptor in an 8-byte row instead of throwing', () => {
    const findings = runHeap(table([{ name: 'ARR', format: '1QB(5)' }], 1, 8, Buffer.alloc(8)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'fits/heap', hdu: 1, keyword: 'TFORM1' });
    expect(findings[0]!.message).toBe(
      "column 1 (ARR) needs bytes 1-16 of each row for its array descriptor (TFORM1 = '1QB(5)'), but a row has only NAXIS1 = 8 bytes",
    );
  });

  it('reports a P descriptor that starts inside the row and runs past its end', () => {
    const findings = runHeap(
      table(
        [
          { name: 'A', format: '2J' },
          { name: 'ARR', format: '1PE(3)' },
        ],
        2,
        12,
        Buffer.alloc(24),
      ),
    );
    expect(findings.map((f) => f.message)).toEqual([
      "column 2 (ARR) needs bytes 9-16 of each row for its array descriptor (TFORM2 = '1PE(3)'), but a row has only NAXIS1 = 12 bytes",
    ]);
  });

  it('reports a logical column that runs past the end of the row instead of throwing', () => {
    const findings = runHeap(table([{ name: 'OK', format: '4L' }], 1, 2, Buffer.from('TF')));
    expect(findings.map((f) => f.message)).toEqual([
      "column 1 (OK) needs bytes 1-4 of each row (TFORM1 = '4L'), but a row has only NAXIS1 = 2 bytes",
    ]);
  });

  it('prints a Q descriptor offset of 2^53+1 exactly', () => {
    const findings = runHeap(
      table([{ name: 'ARR', format: '1QB(5)' }], 1, 16, qDescriptor(1n, TWO_TO_53_PLUS_1)),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'row 1 of column 1 (ARR) points at heap bytes 9007199254740993-9007199254740994, beyond the 0-byte heap',
    ]);
  });

  it('prints a Q descriptor count of 2^64-1 exactly, with its byte length', () => {
    const findings = runHeap(
      table([{ name: 'ARR', format: '1QJ' }], 1, 16, qDescriptor(2n ** 64n - 1n, 0n), {
        pcount: 8,
      }),
    );
    // 4 bytes per J element: the array would end at (2^64 - 1) * 4, far beyond the 8-byte heap.
    expect(findings.map((f) => f.message)).toEqual([
      `row 1 of column 1 (ARR) points at heap bytes 0-${(2n ** 64n - 1n) * 4n}, beyond the 8-byte heap`,
    ]);
  });

  it('prints THEAP beyond 2^53 exactly', () => {
    const findings = runHeap(
      table([{ name: 'ARR', format: '1PJ' }], 1, 8, Buffer.alloc(16), {
        pcount: 8,
        extra: [card('THEAP', TWO_TO_53_PLUS_1)],
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'THEAP = 9007199254740993 is outside the data (the table ends at byte 8 and PCOUNT = 8)',
    ]);
  });

  it('still finds an array beyond the heap and an over-long array in a valid layout', () => {
    const rows = Buffer.alloc(16);
    rows.writeInt32BE(3, 0); // 3 elements, more than the maximum 2
    rows.writeInt32BE(0, 4);
    rows.writeInt32BE(2, 8);
    rows.writeInt32BE(4096, 12); // beyond the 16-byte heap
    const findings = runHeap(
      table([{ name: 'ARR', format: '1PJ(2)' }], 2, 8, Buffer.concat([rows, Buffer.alloc(16)]), {
        pcount: 16,
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'row 1 of column 1 has 3 elements, more than the maximum 2 in TFORM1',
      'row 2 of column 1 (ARR) points at heap bytes 4096-4104, beyond the 16-byte heap',
    ]);
  });

  it('never throws, whatever the header says (fixed seed)', () => {
    const tform = fc.oneof(
      fc.constantFrom(
        '1PJ',
        '1PB(5)',
        '1QB(5)',
        '1QD',
        'PL',
        '1PL(3)',
        '2L',
        'L',
        '4E',
        'J',
        '1Z',
        'QX',
        '0PJ',
      ),
      fc.string({ maxLength: 10 }),
    );
    const integer = fc.oneof(
      fc.integer({ min: -20, max: 64 }),
      fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 53)),
      fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    );
    fc.assert(
      fc.property(
        fc.array(tform, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 64 }),
        fc.option(integer),
        fc.uint8Array({ minLength: 0, maxLength: 256 }),
        (forms, naxis1, naxis2, pcount, theap, noise) => {
          const size = naxis1 * naxis2 + pcount;
          const data = Buffer.alloc(size);
          for (let i = 0; i < size && noise.length > 0; i++) data[i] = noise[i % noise.length]!;
          const extra = theap === null ? [] : [card('THEAP', theap)];
          const columns = forms.map((format, i) => ({ name: `C${i}`, format: format.replace(/'/g, '') }));
          const findings = runHeap(table(columns, naxis2, naxis1, data, { pcount, extra }));
          for (const finding of findings) {
            expect(finding.message).toEqual(expect.any(String));
            // 'or 0 (undefined)' is the logical null; any other 'undefined' is a value that went missing.
            expect(finding.message).not.toMatch(/NaN|Infinity|(?<!\()undefined/);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
