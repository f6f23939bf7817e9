import { describe, expect, it } from 'vitest';
import { parquetFooter } from '../../../src/rules/parquet/footer.js';
import { runParquetRules, sampleBytes } from '../../support/parquet-harness.js';

const run = (bytes: Uint8Array, name?: string) => runParquetRules(bytes, [parquetFooter], name);

describe('parquet/footer', () => {
  it('refuses a footer that claims 2 GB before allocating it', async () => {
    const bytes = Buffer.from(sampleBytes());
    bytes.writeUInt32LE(2 ** 31, bytes.length - 8);
    const findings = await run(bytes);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/footer claims 2147483648 bytes, but only \d+ lie between/);
  });

  it('reports a footer that cannot be decoded', async () => {
    const bytes = Buffer.from(sampleBytes());
    const length = bytes.readUInt32LE(bytes.length - 8);
    bytes.fill(0xff, bytes.length - 8 - length, bytes.length - 8);
    const findings = await run(bytes);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/footer \(Thrift FileMetaData, \d+ bytes\) cannot be decoded/),
    ]);
  });

  it('reports a missing closing PAR1 once: by format/truncated for a .parquet, here for another name', async () => {
    const bytes = sampleBytes().subarray(0, 200);
    expect(await run(bytes)).toEqual([]);
    const other = await run(bytes, 'table.bin');
    expect(other.map((f) => f.message)).toEqual([expect.stringMatching(/does not end with PAR1/)]);
  });

  it('passes a correct file', async () => {
    expect(await run(sampleBytes())).toEqual([]);
  });
});
