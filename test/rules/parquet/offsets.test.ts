import { describe, expect, it } from 'vitest';
import { parquetOffsets } from '../../../src/rules/parquet/offsets.js';
import { parquetPageData } from '../../../src/rules/parquet/page-data.js';
import { parquetRowCount } from '../../../src/rules/parquet/row-count.js';
import { runParquetRules, sampleBytes } from '../../support/parquet-harness.js';
import { chunkMeta, i64 } from '../../support/parquet-writer.js';

const rules = [parquetOffsets, parquetPageData, parquetRowCount];

describe('parquet/offsets', () => {
  it('reports a column chunk past the end of the file once per row group, and nothing else', async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        chunkMeta(footer, 1, 0).set(9, i64(10_000_000));
        chunkMeta(footer, 1, 2).set(9, i64(20_000_000));
      },
    });
    const findings = await runParquetRules(bytes, rules);
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'parquet/offsets',
        expect.stringMatching(
          /^row group 2, column 'ra' claims its pages at bytes 10000000–\d+, outside the data \(bytes 4–\d+\) \(and 3 more ranges in this row group\)$/,
        ),
      ],
    ]);
  });

  it('reports a page that runs past the end of its column chunk', async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        chunkMeta(footer, 0, 1).set(7, i64(10));
      },
    });
    const findings = await runParquetRules(bytes, rules);
    expect(findings.map((f) => f.ruleId)).toEqual(['parquet/offsets']);
    expect(findings[0]?.message).toMatch(
      /row group 1, column 'flux': the page header at byte \d+ runs past the end/,
    );
  });

  it('passes a correct file', async () => {
    expect(await runParquetRules(sampleBytes(), rules)).toEqual([]);
  });
});
