import { describe, expect, it } from 'vitest';
import { parquetColumnUnits } from '../../../src/rules/parquet/column-units.js';
import { runParquetRules, sampleBytes } from '../../support/parquet-harness.js';

const withUnits = (...units: string[]) =>
  sampleBytes({
    keyValue: {
      table_meta_yaml: `datatype:\n${units.map((unit, i) => `- {name: ${['ra', 'flux', 'id', 'name'][i]}, unit: '${unit}'}`).join('\n')}\n`,
    },
  });
const run = (bytes: Uint8Array) => runParquetRules(bytes, [parquetColumnUnits]);

describe('parquet/column-units', () => {
  it('reports a unit string that does not parse as an error, unknown units and odd spellings as warnings', async () => {
    const findings = await run(withUnits('deg((', 'furlongs/s', 'DEGREES'));
    expect(findings.map((f) => [f.severity ?? 'error', f.message])).toEqual([
      ['error', expect.stringMatching(/^column 'ra' has unit 'deg\(\(', which is not a unit string: /)],
      ['warning', "column 'flux' has unit 'furlongs/s': 'furlongs' is not a unit of FITS 4.0 Tables 3–5"],
      [
        'warning',
        expect.stringMatching(/^column 'id' has unit 'DEGREES', with non-standard spelling 'DEGREES'/),
      ],
    ]);
  });

  it("passes astropy's spellings of standard units", async () => {
    expect(await run(withUnits('deg', 'erg / (Angstrom cm2 s)', 'uJy'))).toEqual([]);
  });
});
