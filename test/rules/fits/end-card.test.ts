import { describe, expect, it } from 'vitest';
import { endCard } from '../../../src/rules/fits/end-card.js';
import { builtinRules } from '../../../src/rules/index.js';
import { card, fitsFile, imageExtensionCards, int16Data, primaryCards } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { image, imageFile, patch } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [endCard]);
// 6 mandatory cards, then END as card 7.
const END_OFFSET = 6 * 80;

describe('fits/end-card', () => {
  it('reports a header without an END card, followed by its data', () => {
    const findings = run(fitsFile([{ ...image(), noEnd: true }]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/end-card',
        severity: 'error',
        hdu: 0,
        keyword: 'END',
        offset: END_OFFSET,
        message: "HDU 0's header has no END card; it belonged at byte 480",
        hint: 'write the header again with a FITS library',
      }),
    ]);
  });

  it('names the extension whose header has no END', () => {
    const bytes = fitsFile([
      { cards: primaryCards() },
      { cards: imageExtensionCards({ axes: [2] }), noEnd: true, data: int16Data([0, 1]) },
    ]);
    expect(run(bytes)).toEqual([
      expect.objectContaining({
        hdu: 1,
        offset: 2880 + 6 * 80,
        message: "HDU 1's header has no END card; it belonged at byte 3360",
      }),
    ]);
  });

  it('reports a primary header that runs on into the next header once, where END belonged', () => {
    const bytes = fitsFile([
      { cards: [...primaryCards(), card('OBJECT', 'M101')], noEnd: true },
      { cards: imageExtensionCards({ axes: [2] }), data: int16Data([0, 1]) },
    ]);
    expect(run(bytes)).toEqual([
      expect.objectContaining({
        hdu: 0,
        keyword: 'END',
        offset: 5 * 80,
        message:
          "HDU 0's header has no END card: it runs on into the next header (XTENSION at byte 2880); END belonged at byte 400",
      }),
    ]);
    // The other rules judge the primary's own cards: no XTENSION-in-primary, no duplicate BITPIX.
    const all = runFitsRules(
      bytes,
      builtinRules.fits.filter((rule) => rule.meta.id.startsWith('fits/')),
    );
    expect(all.map((f) => f.ruleId)).toEqual(['fits/end-card']);
  });

  // The file ending inside a header is one defect, a cut file: fits/truncated reports it.
  it.each([
    ['in its first block', 2000],
    ['at a block boundary', 2880],
    ['inside a later block', 2880 + 800],
  ])('leaves a header the file ends inside (%s) to fits/truncated', (_, length) => {
    const cards = Array.from({ length: 40 }, (_, i) => card(`KEY${i}`, i));
    expect(run(imageFile(cards).subarray(0, length))).toEqual([]);
  });

  it('reports text after END in columns 9-80', () => {
    const bytes = imageFile();
    const findings = run(patch(bytes, END_OFFSET + 10, 'junk'));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/end-card',
        severity: 'error',
        hdu: 0,
        keyword: 'END',
        offset: END_OFFSET,
        message: 'the END card must be blank in columns 9-80',
        hint: 'remove the text after END',
      }),
    ]);
  });

  it.each([
    ['letters', 0x41],
    ['NULs', 0x00],
  ])('reports %s after the END card instead of spaces', (_, fill) => {
    const findings = run(imageFile([], { headerFill: fill }));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/end-card',
        hdu: 0,
        offset: END_OFFSET + 80,
        message: `${2880 - 7 * 80} bytes after the END card are not spaces`,
        hint: 'the rest of the header block after END must be filled with ASCII spaces',
      }),
    ]);
  });

  it('passes a clean header', () => {
    expect(run(imageFile())).toEqual([]);
  });

  it('passes END as the last card of a block, with no fill after it', () => {
    const extra = Array.from({ length: 29 }, (_, i) => card(`KEY${i}`, i));
    const bytes = imageFile(extra, { headerFill: 0x41 });
    expect(bytes.indexOf('END     ')).toBe(2880 - 80);
    expect(run(bytes)).toEqual([]);
  });
});
