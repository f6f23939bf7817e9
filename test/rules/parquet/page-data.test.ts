import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parquetPageData } from '../../../src/rules/parquet/page-data.js';
import { parquetRowCount } from '../../../src/rules/parquet/row-count.js';
import { parquetStatistics } from '../../../src/rules/parquet/statistics.js';
import { runParquetRules, sampleSpec } from '../../support/parquet-harness.js';
import { writeParquet } from '../../support/parquet-writer.js';

const rules = [parquetPageData, parquetRowCount, parquetStatistics];

describe('parquet/page-data', () => {
  it('reports a gzip page whose data is damaged, once, and no row count for it', async () => {
    const { bytes, chunks } = writeParquet(sampleSpec({ codec: 'GZIP' }));
    const chunk = chunks.find((c) => c.rowGroup === 1 && c.column === 'name')!;
    bytes.fill(0x55, chunk.pageData[0]! + 10, chunk.pageData[0]! + 20);
    const findings = await runParquetRules(bytes, rules);
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'parquet/page-data',
        expect.stringMatching(
          /^row group 2, column 'name': the DATA_PAGE page at byte \d+ cannot be decoded/,
        ),
      ],
    ]);
  });

  it('reads gzip pages that are correct', async () => {
    expect(gzipSync(Buffer.from('x')).length).toBeGreaterThan(0);
    expect(await runParquetRules(writeParquet(sampleSpec({ codec: 'GZIP' })).bytes, rules)).toEqual([]);
  });

  it('reports an uncompressed page cut short inside its data', async () => {
    const { bytes, chunks } = writeParquet(sampleSpec({ pageRows: 2 }));
    const chunk = chunks.find((c) => c.rowGroup === 0 && c.column === 'name')!;
    // The first string's length now runs past the page.
    bytes.writeUInt32LE(1000, chunk.pageData[0]!);
    const findings = await runParquetRules(bytes, rules);
    expect(findings.map((f) => f.ruleId)).toEqual(['parquet/page-data']);
  });

  it('passes a correct file', async () => {
    expect(await runParquetRules(writeParquet(sampleSpec()).bytes, rules)).toEqual([]);
  });
});
