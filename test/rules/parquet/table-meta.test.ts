import { describe, expect, it } from 'vitest';
import { parquetTableMeta } from '../../../src/rules/parquet/table-meta.js';
import { runParquetRules, sampleBytes } from '../../support/parquet-harness.js';

const run = (bytes: Uint8Array) => runParquetRules(bytes, [parquetTableMeta]);

describe('parquet/table-meta', () => {
  it('reports a table_meta_yaml that is not YAML', async () => {
    const findings = await run(sampleBytes({ keyValue: { table_meta_yaml: 'datatype: [\n  {name: ra' } }));
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^table_meta_yaml is not valid YAML: /),
    ]);
  });

  it('reports a datatype that is not a list', async () => {
    const findings = await run(sampleBytes({ keyValue: { table_meta_yaml: 'datatype: 3\n' } }));
    expect(findings.map((f) => f.message)).toEqual([
      'table_meta_yaml has a datatype that is not a list of columns',
    ]);
  });

  it('passes astropy-style YAML with !!omap', async () => {
    const yaml =
      'datatype:\n- name: ra\n  unit: deg\n  meta: !!omap\n  - {ucd: pos.eq.ra}\nmeta: !!omap\n- {TELESCOP: JWST}\n';
    expect(await run(sampleBytes({ keyValue: { table_meta_yaml: yaml } }))).toEqual([]);
  });
});
