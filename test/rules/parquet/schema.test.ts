import { describe, expect, it } from 'vitest';
import { parquetSchema } from '../../../src/rules/parquet/schema.js';
import { runParquetRules, sampleBytes } from '../../support/parquet-harness.js';
import { i32, struct } from '../../support/parquet-writer.js';

const run = (bytes: Uint8Array) => runParquetRules(bytes, [parquetSchema]);

describe('parquet/schema', () => {
  it('reports a schema whose root counts more columns than it lists', async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        footer.schema[0] = struct([
          [4, { t: 'binary', v: 'schema' }],
          [5, i32(5)],
        ]);
      },
    });
    const findings = await run(bytes);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/schema/);
  });

  it('reports row groups whose column chunks do not match the schema, once', async () => {
    const bytes = sampleBytes({
      editFooter: (footer) => {
        for (const group of footer.rowGroups) group.columns.pop();
      },
    });
    const findings = await run(bytes);
    expect(findings.map((f) => f.message)).toEqual([
      'row group 1 has 3 column chunks, but the schema has 4 columns',
    ]);
  });

  it('passes a correct file', async () => {
    expect(await run(sampleBytes())).toEqual([]);
  });
});
