import { describe, expect, it } from 'vitest';
import { parquetStatistics } from '../../../src/rules/parquet/statistics.js';
import { runParquetRules, sampleBytes } from '../../support/parquet-harness.js';
import { binary, chunkMeta, i64, struct } from '../../support/parquet-writer.js';

const run = (bytes: Uint8Array) => runParquetRules(bytes, [parquetStatistics]);
const double = (value: number) => {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleLE(value);
  return bytes;
};

describe('parquet/statistics', () => {
  it('reports a max_value below a value in the data, and a wrong null_count, in one finding per chunk', async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        chunkMeta(footer, 1, 0).set(
          12,
          struct([
            [3, i64(1)],
            [5, binary(double(110.845))],
            [6, binary(double(110.82))],
          ]),
        );
      },
    });
    expect((await run(bytes)).map((f) => f.message)).toEqual([
      "row group 2, column 'ra': the statistics disagree with the data: null_count is 1, but the data has 0 nulls; max_value is 110.845, but the greatest value is 110.85",
    ]);
  });

  it('holds text bounds only as bounds, since writers may truncate them', async () => {
    const loose = sampleBytes({
      editFooter: (footer) => {
        chunkMeta(footer, 0, 3).set(
          12,
          struct([
            [5, binary('SRC-9')],
            [6, binary('SRC')],
          ]),
        );
      },
    });
    expect(await run(loose)).toEqual([]);
    const wrong = sampleBytes({
      editFooter: (footer) => {
        chunkMeta(footer, 0, 3).set(
          12,
          struct([
            [5, binary('SRC-1')],
            [6, binary('SRC-1')],
          ]),
        );
      },
    });
    expect((await run(wrong)).map((f) => f.message)).toEqual([
      "row group 1, column 'name': the statistics disagree with the data: max_value is 'SRC-1', but the greatest value is 'SRC-2'",
    ]);
  });

  it('passes a correct file, nulls and all', async () => {
    expect(await run(sampleBytes())).toEqual([]);
  });
});
