import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { truncated } from '../../../src/rules/fits/truncated.js';
import { card, fitsFile, imageExtensionCards, int16Data, primaryCards } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { image, imageFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [truncated]);
const BROKEN = new URL('../../../fixtures/broken/', import.meta.url).pathname;
const HINT = 'copy or write the file again; compare its size with the original';

describe('fits/truncated', () => {
  it('reports a data unit cut short', () => {
    const findings = run(imageFile().subarray(0, 2880 + 1000));
    expect(findings).toEqual([
      {
        ruleId: 'fits/truncated',
        severity: 'error',
        hdu: 0,
        offset: 2880 + 1000,
        message: "the file ends 1880 bytes before the end of HDU 0's data (2880 bytes with fill)",
        hint: HINT,
      },
    ]);
  });

  it('reports the truncated file of the broken corpus', () => {
    const findings = run(readFileSync(`${BROKEN}data-truncated.fits`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'fits/truncated', hdu: 0, hint: HINT });
  });

  it('reports a file that ends inside the primary header', () => {
    expect(run(imageFile().subarray(0, 2000))).toEqual([
      expect.objectContaining({
        ruleId: 'fits/truncated',
        hdu: 0,
        offset: 0,
        message: 'the file ends 880 bytes short of a whole 2880-byte header block in HDU 0',
      }),
    ]);
  });

  it('reports an extension header cut short', () => {
    const bytes = fitsFile([
      { cards: primaryCards() },
      { cards: imageExtensionCards({ axes: [2] }), data: int16Data([1, 2]) },
    ]);
    expect(run(bytes.subarray(0, 2880 + 400))).toEqual([
      expect.objectContaining({
        hdu: 1,
        offset: 2880,
        message: 'the file ends 2480 bytes short of a whole 2880-byte header block in HDU 1',
      }),
    ]);
  });

  it('passes a complete file', () => {
    expect(run(imageFile())).toEqual([]);
  });

  it.each([
    ['at a block boundary', 2880],
    ['inside a block', 2880 + 800],
  ])('reports a multi-block header the file ends inside (%s), once', (_, length) => {
    const cards = Array.from({ length: 40 }, (_, i) => card(`KEY${i}`, i));
    expect(run(imageFile(cards).subarray(0, length))).toEqual([
      {
        ruleId: 'fits/truncated',
        severity: 'error',
        hdu: 0,
        offset: 0,
        message: "the file ends inside HDU 0's header, before its END card",
        hint: HINT,
      },
    ]);
  });

  it('leaves a header without END, followed by data, to fits/end-card', () => {
    expect(run(fitsFile([{ ...image(), noEnd: true }]))).toEqual([]);
  });
});
