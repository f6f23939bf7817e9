import { describe, expect, it } from 'vitest';
import { parquetRowCount } from '../../../src/rules/parquet/row-count.js';
import { runParquetRules, sampleBytes } from '../../support/parquet-harness.js';
import { chunkMeta, i64 } from '../../support/parquet-writer.js';

const run = (bytes: Uint8Array) => runParquetRules(bytes, [parquetRowCount]);

describe('parquet/row-count', () => {
  it("reports a row group whose num_rows its columns disagree with, once, and the file's total", async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        footer.rowGroups[1]!.numRows = 3n;
      },
    });
    expect((await run(bytes)).map((f) => f.message)).toEqual([
      'the footer says the file has 6 rows, but its 3 row groups add up to 7',
      "row group 2 says 3 rows, but column 'ra' holds 2 (and 3 more columns)",
    ]);
  });

  it('reports a file whose num_rows disagrees with its row groups', async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        footer.numRows = 5n;
      },
    });
    expect((await run(bytes)).map((f) => f.message)).toEqual([
      'the footer says the file has 5 rows, but its 3 row groups add up to 6',
    ]);
  });

  it('reports a column chunk whose num_values disagrees with its pages', async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        chunkMeta(footer, 2, 3).set(5, i64(9));
      },
    });
    expect((await run(bytes)).map((f) => f.message)).toEqual([
      "row group 3, column 'name': the column chunk says 9 values, but its pages hold 2",
    ]);
  });

  it('passes a correct file', async () => {
    expect(await run(sampleBytes())).toEqual([]);
  });
});
