import { describe, expect, it } from 'vitest';
import { mandatoryKeywords } from '../../../src/rules/fits/mandatory-keywords.js';
import { builtinRules } from '../../../src/rules/index.js';
import { demoFiles, mosaicPath, SPECTRUM_PATH } from '../../support/demo.js';
import {
  binaryTableCards,
  type CardSpec,
  card,
  fitsFile,
  imageExtensionCards,
  int16Data,
  primaryCards,
  rawCard,
} from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { image, imageFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [mandatoryKeywords]);

/** The primary image with one card replaced (or removed, with null). */
function primaryWith(keyword: string, replacement: CardSpec | null): Buffer {
  const spec = image();
  const at = spec.cards.findIndex((c) => c.keyword === keyword);
  if (replacement) spec.cards[at] = replacement;
  else spec.cards.splice(at, 1);
  return fitsFile([spec]);
}

/** An empty primary HDU followed by an extension with the given header. */
function extension(cards: CardSpec[], data?: Uint8Array): Buffer {
  return fitsFile([{ cards: primaryCards() }, data ? { cards, data } : { cards }]);
}

const imageExtension = (change: (cards: CardSpec[]) => CardSpec[]) =>
  extension(change(imageExtensionCards({ axes: [2] })), int16Data([1, 2]));
const tableExtension = (change: (cards: CardSpec[]) => CardSpec[]) =>
  extension(change(binaryTableCards([{ name: 'A', format: 'J' }], 1, 4)), Buffer.alloc(4));
const set = (keyword: string, value: CardSpec) => (cards: CardSpec[]) =>
  cards.map((c) => (c.keyword === keyword ? value : c));

describe('fits/mandatory-keywords', () => {
  it('passes a primary image, an image extension, a binary table and the demo products', () => {
    expect(run(imageFile())).toEqual([]);
    expect(run(imageExtension((cards) => cards))).toEqual([]);
    expect(run(tableExtension((cards) => cards))).toEqual([]);
    expect(run(demoFiles().get(mosaicPath('f200w'))!)).toEqual([]);
    expect(run(demoFiles().get(SPECTRUM_PATH)!)).toEqual([]);
  });

  it('reports a missing NAXISn', () => {
    const findings = run(primaryWith('NAXIS2', null));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/mandatory-keywords',
      severity: 'error',
      hdu: 0,
      message: "HDU 0's header has no NAXIS2 keyword (it must be card 5)",
      hint: 'the header must start with SIMPLE, BITPIX, NAXIS, NAXIS1, NAXIS2, in this order',
    });
  });

  it('reports mandatory keywords out of order', () => {
    const findings = run(
      imageExtension((cards) => {
        const p = cards.findIndex((c) => c.keyword === 'PCOUNT');
        [cards[p], cards[p + 1]] = [cards[p + 1]!, cards[p]!];
        return cards;
      }),
    );
    expect(findings.map((f) => [f.hdu, f.keyword, f.message])).toEqual([
      [1, 'GCOUNT', "PCOUNT must be card 5 of HDU 1's header, but it is card 6"],
      [1, 'PCOUNT', "GCOUNT must be card 6 of HDU 1's header, but it is card 5"],
    ]);
  });

  it('reports a mandatory value not in fixed format', () => {
    const findings = run(primaryWith('NAXIS1', rawCard('NAXIS1  = 10')));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/mandatory-keywords',
        hdu: 0,
        keyword: 'NAXIS1',
        offset: 3 * 80,
        message: 'NAXIS1 must be written in fixed format, its value ending in column 30',
      }),
    ]);
  });

  it('reports an XTENSION value not padded to 8 characters', () => {
    const findings = run(imageExtension(set('XTENSION', rawCard("XTENSION= 'IMAGE'"))));
    expect(findings).toEqual([
      expect.objectContaining({
        hdu: 1,
        keyword: 'XTENSION',
        message: "XTENSION's value must start in column 11 and be padded to 8 characters ('IMAGE   ')",
      }),
    ]);
  });

  it.each([
    [
      'BITPIX = 12',
      primaryWith('BITPIX', card('BITPIX', 12)),
      'BITPIX',
      'BITPIX = 12 is not one of 8, 16, 32, 64, -32, -64',
    ],
    [
      "SIMPLE = 'T' (a string)",
      primaryWith('SIMPLE', card('SIMPLE', 'T')),
      'SIMPLE',
      "SIMPLE = 'T       '; a file that conforms",
    ],
    [
      'NAXIS1 < 0',
      primaryWith('NAXIS1', card('NAXIS1', -10)),
      'NAXIS1',
      'NAXIS1 = -10 must be a non-negative integer',
    ],
    ['NAXIS3 > NAXIS', imageFile([card('NAXIS3', 1)]), 'NAXIS3', 'NAXIS3 is given, but NAXIS = 2'],
  ])('reports %s in the primary header', (_, bytes, keyword, message) => {
    const findings = run(bytes);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/mandatory-keywords',
      severity: 'error',
      hdu: 0,
      keyword,
    });
    expect(findings[0]!.message).toContain(message);
  });

  it('reports EXTEND = F when extensions follow', () => {
    const bytes = fitsFile([
      { cards: primaryCards({ extend: false }).concat(card('EXTEND', false)) },
      { cards: imageExtensionCards({ axes: [2] }), data: int16Data([1, 2]) },
    ]);
    expect(run(bytes)).toEqual([
      expect.objectContaining({
        hdu: 0,
        keyword: 'EXTEND',
        message: 'EXTEND = F, but the file has 1 extension',
        hint: 'set EXTEND = T (fitsverify misses this one)',
      }),
    ]);
    expect(run(fitsFile([{ cards: [...primaryCards({ extend: false }), card('EXTEND', false)] }]))).toEqual(
      [],
    );
  });

  it.each([
    ['FANCY', 'is not a registered extension type'],
    ['A3DTABLE', 'is a legacy extension type'],
  ])('reports XTENSION = %j', (value, message) => {
    const findings = run(extension([card('XTENSION', value), ...imageExtensionCards().slice(1)]));
    expect(findings).toEqual([
      expect.objectContaining({
        hdu: 1,
        keyword: 'XTENSION',
        message: `XTENSION = '${value}' ${message}`,
        hint: 'use IMAGE, TABLE or BINTABLE',
      }),
    ]);
  });

  it.each([
    [
      'PCOUNT = 4 in an IMAGE',
      imageExtension(set('PCOUNT', card('PCOUNT', 4))),
      'PCOUNT',
      'PCOUNT = 4 in an IMAGE extension; it must be 0',
    ],
    [
      'GCOUNT = 2 in an IMAGE',
      imageExtension(set('GCOUNT', card('GCOUNT', 2))),
      'GCOUNT',
      'GCOUNT = 2 in an IMAGE extension; it must be 1',
    ],
    [
      'GCOUNT = 2 in a BINTABLE',
      tableExtension(set('GCOUNT', card('GCOUNT', 2))),
      'GCOUNT',
      'GCOUNT = 2 in a BINTABLE; it must be 1',
    ],
    [
      'BITPIX = 16 in a BINTABLE',
      tableExtension(set('BITPIX', card('BITPIX', 16))),
      'BITPIX',
      'BITPIX = 16 in a BINTABLE; tables need BITPIX = 8',
    ],
    [
      'TFIELDS = -1',
      tableExtension(set('TFIELDS', card('TFIELDS', -1))),
      'TFIELDS',
      'TFIELDS = -1 must be an integer from 0 to 999',
    ],
  ])('reports %s', (_, bytes, keyword, message) => {
    const findings = run(bytes);
    expect(findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'fits/mandatory-keywords',
        severity: 'error',
        hdu: 1,
        keyword,
        message,
      }),
    );
  });

  it('reports a table without TFIELDS, pointing at the header', () => {
    const findings = run(tableExtension((cards) => cards.filter((c) => c.keyword !== 'TFIELDS')));
    expect(findings).toEqual([
      expect.objectContaining({
        hdu: 1,
        offset: 2880,
        message: 'the BINTABLE header has no TFIELDS keyword',
        hint: 'add TFIELDS, the number of columns',
      }),
    ]);
    expect(findings[0]!.keyword).toBeUndefined();
  });

  it('reports NAXIS = 999 with its NAXISn missing once, in a few hundred bytes, not 998 findings of 10 KB', () => {
    const findings = run(
      fitsFile([{ cards: [card('SIMPLE', true), card('BITPIX', 8), card('NAXIS', 999), card('NAXIS1', 1)] }]),
    );
    const missing = findings.filter((finding) => finding.message.includes('NAXIS2'));
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toBe(
      "HDU 0's header has none of NAXIS2, …, NAXIS999 (998 axis lengths; NAXIS = 999)",
    );
    const bytes = findings.reduce(
      (sum, finding) => sum + finding.message.length + (finding.hint?.length ?? 0),
      0,
    );
    expect(bytes).toBeLessThan(2000);
  });

  it('shortens a long run of NAXISn in the hint', () => {
    const cards = [card('SIMPLE', true), card('BITPIX', 8), card('NAXIS', 6), card('NAXIS2', 1)];
    for (let i = 1; i <= 6; i++) if (i !== 2) cards.push(card(`NAXIS${i}`, 1));
    const [finding] = run(fitsFile([{ cards }])).filter((f) => f.message.includes('NAXIS1 must be card'));
    expect(finding!.hint).toBe(
      'the header must start with SIMPLE, BITPIX, NAXIS, NAXIS1, …, NAXIS6, in this order',
    );
  });

  it('warns about SIMPLE = F: the file says it does not conform (FITS 4.0 §4.4.1.1)', () => {
    const findings = run(primaryWith('SIMPLE', card('SIMPLE', false)));
    expect(findings).toMatchObject([{ severity: 'warning', keyword: 'SIMPLE' }]);
    expect(findings[0]!.message).toBe(
      'SIMPLE = F: the file says it does not conform to the FITS Standard, so readers may refuse it',
    );
  });

  it('reports GROUPS = T without NAXIS1 = 0, once', () => {
    const bytes = imageFile([card('GROUPS', true), card('PCOUNT', 0), card('GCOUNT', 1)]);
    const findings = runFitsRules(
      bytes,
      builtinRules.fits.filter((rule) => rule.meta.id.startsWith('fits/')),
    );
    expect(findings.map((f) => [f.ruleId, f.keyword])).toEqual([['fits/mandatory-keywords', 'GROUPS']]);
    expect(findings[0]!.message).toBe(
      'GROUPS = T, but NAXIS1 = 10: random groups need NAXIS ≥ 1 and NAXIS1 = 0',
    );
  });
});
