import { describe, expect, it } from 'vitest';
import { ecsvReadable } from '../../../src/rules/ecsv/readable.js';
import { ecsv, runContentRules } from '../../support/content.js';

const NAME = 'hlsp_test_jwst_nircam_field_multi_v1_cat.ecsv';
const TABLE = ecsv(['datatype:', '- {name: s, datatype: string}'], ['s', 'x']);

describe('ecsv/readable', () => {
  it('passes UTF-8 text, plain or gzip', async () => {
    expect(await runContentRules([ecsvReadable], NAME, TABLE)).toEqual([]);
    expect(await runContentRules([ecsvReadable], `${NAME}.gz`, TABLE)).toEqual([]);
  });

  it('reports bytes that are not UTF-8 once, with their offset', async () => {
    const bytes = Buffer.concat([Buffer.from(TABLE), Buffer.from([0x78, 0xe9, 0x0a, 0xff, 0x0a])]);
    const findings = await runContentRules([ecsvReadable], NAME, bytes);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ecsv/readable', offset: TABLE.length + 1 });
    expect(findings[0]!.message).toMatch(/^the bytes at offset \d+ are not UTF-8 \(byte 0xe9\)/);
  });

  it('stops at a line longer than the cap, with one finding', async () => {
    const long = ecsv(['datatype:', '- {name: s, datatype: string}'], ['s', 'x'.repeat(5000)]);
    const findings = await runContentRules([ecsvReadable], NAME, long, { limits: { maxLineBytes: 1000 } });
    expect(findings.map((f) => f.message)).toEqual([
      'a row at line 6 is longer than 1000 characters, the most read in one row; the rest was not checked',
    ]);
  });
});
