import { describe, expect, it } from 'vitest';
import { dataFill } from '../../../src/rules/fits/data-fill.js';
import { fitsFile, int16Data, primaryCards } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { asciiTableCards, imageFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [dataFill]);

/** An ASCII table of two 4-character rows, its data unit filled with `fill`. */
function asciiTable(fill: number): Buffer {
  return fitsFile([
    { cards: primaryCards() },
    {
      cards: asciiTableCards([{ name: 'N', format: 'I4', tbcol: 1 }], 2, 4),
      data: Buffer.from('   1   2', 'latin1'),
      dataFill: fill,
    },
  ]);
}

describe('fits/data-fill', () => {
  it('reports non-zero fill after image data, with the count and first offset', () => {
    // 200 bytes of pixels, then 2680 bytes of fill in the block.
    const findings = runFitsRules(imageFile([], { dataFill: 0x01 }), [dataFill]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/data-fill',
        severity: 'error',
        hdu: 0,
        offset: 2880 + 200,
        message: "2680 fill bytes after HDU 0's data are not zero bytes",
        hint: 'the data may be larger than NAXISn say, or the file was padded wrongly',
      }),
    ]);
  });

  it('reports a single bad fill byte', () => {
    const bytes = imageFile();
    bytes[2880 * 2 - 1] = 0x20;
    expect(run(bytes)).toEqual([
      expect.objectContaining({
        offset: 2880 * 2 - 1,
        message: "1 fill bytes after HDU 0's data are not zero bytes",
      }),
    ]);
  });

  it('reports zero fill in an ASCII table, whose fill must be spaces', () => {
    const findings = run(asciiTable(0));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/data-fill',
        hdu: 1,
        message: "2872 fill bytes after HDU 1's data are not ASCII spaces",
      }),
    ]);
  });

  it('passes zero fill in an image and space fill in an ASCII table', () => {
    expect(run(imageFile())).toEqual([]);
    expect(run(asciiTable(0x20))).toEqual([]);
  });

  it('passes a data unit that fills its blocks exactly (no fill at all)', () => {
    const pixels = int16Data(Array.from({ length: 1440 }, (_, i) => i + 1));
    expect(run(fitsFile([{ cards: primaryCards({ bitpix: 16, axes: [1440] }), data: pixels }]))).toEqual([]);
  });
});
