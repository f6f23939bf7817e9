import { describe, expect, it } from 'vitest';
import { cardFact, joinLongStrings, parseCard, parseCardAt } from '../../src/fits/card.js';
import { pad80 } from '../support/fits-builder.js';

const parse = (text: string) => parseCard(pad80(text), 0, 0);

describe('parseCard', () => {
  it('parses fixed-format integers, logicals and strings', () => {
    expect(parse('NAXIS   =                    2 / number of axes').value).toEqual({
      type: 'integer',
      value: 2,
    });
    expect(parse('SIMPLE  =                    T').value).toEqual({ type: 'logical', value: true });
    const card = parse("OBJECT  = 'M101    '           / target");
    expect(card.value).toEqual({ type: 'string', value: 'M101' });
    expect(card.comment).toBe('target');
  });

  it('keeps integers beyond 2^53 exact as BigInt', () => {
    expect(parse('BIG     = 123456789012345678901234').value).toEqual({
      type: 'integer',
      value: 123456789012345678901234n,
    });
  });

  it('accepts D exponents and flags lower-case exponents', () => {
    expect(parse('EXPTIME =              1.5D+03').value).toEqual({ type: 'float', value: 1500 });
    const lower = parse('EXPTIME =              1.5e+03');
    expect(lower.value).toEqual({ type: 'float', value: 1500 });
    expect(lower.valueError).toMatch(/upper-case E or D/);
  });

  it('parses complex values and rejects malformed ones', () => {
    expect(parse('CVAL    = (1.5, -2.0E1)').value).toEqual({ type: 'complex', re: 1.5, im: -20 });
    expect(parse('CVAL    = (1.5, -2.0E1').valueError).toMatch(/closing/);
    expect(parse('CVAL    = (1.5)').valueError).toMatch(/two parts/);
  });

  it("unescapes '' in strings and keeps leading spaces", () => {
    expect(parse("NOTE    = '  it''s here'").value).toEqual({ type: 'string', value: "  it's here" });
  });

  it('reports a missing closing quote and text without a slash', () => {
    expect(parse("NOTE    = 'unterminated").valueError).toMatch(/closing quote/);
    expect(parse('NOTE    = 12 apples').valueError).toMatch(/not separated by '\/'/);
    expect(parse("NOTE    = 'a' apples").valueError).toMatch(/not separated/);
  });

  it('treats a blank value as undefined and commentary cards as valueless', () => {
    expect(parse('UNDEF   =                      / nothing').value).toEqual({ type: 'undefined' });
    expect(parse('COMMENT = looks like a value').hasValue).toBe(false);
    expect(parse('HISTORY written by a test').comment).toBe('written by a test');
  });

  it('parses HIERARCH cards', () => {
    const card = parse('HIERARCH ESO DET CHIP TEMP = 120.5 / kelvin');
    expect(card.hierarch).toBe(true);
    expect(card.keyword).toBe('ESO DET CHIP TEMP');
    expect(card.value).toEqual({ type: 'float', value: 120.5 });
  });

  it('joins CONTINUE long strings', () => {
    const cards = [
      parseCard(pad80("LONG    = 'first part &'"), 0, 0),
      parseCard(pad80("CONTINUE  'second part &'"), 1, 80),
      parseCard(pad80("CONTINUE  ' end'"), 2, 160),
    ];
    joinLongStrings(cards);
    expect(cards[0]!.value).toEqual({ type: 'string', value: 'first part second part  end' });
    expect(cards[0]!.continuedBy).toBe(2);
  });

  it('rejects garbage values', () => {
    const card = parse('BAD     = 12.3.4');
    expect(card.value).toEqual({ type: 'undefined' });
    expect(card.valueError).toMatch(/not a valid FITS value/);
  });
});

/** A header block holding `raw` as its card number `slot`, and its word view. */
function blockWith(raw: string, slot: number): { block: Uint8Array; words: Int32Array } {
  const block = new Uint8Array(2880).fill(0x20);
  block.set(Buffer.from(raw, 'latin1'), slot * 80);
  return { block, words: new Int32Array(block.buffer) };
}

function cardAt(raw: string, slot: number, index: number, offset: number) {
  const { block, words } = blockWith(raw, slot);
  return parseCardAt(block, words, slot * 80, 0, index, offset);
}

describe('parseCardAt', () => {
  it('gives the same card as parseCard, at each position it is asked for', () => {
    for (const text of [
      "TELESCOP= 'JWST    '           / telescope",
      'NAXIS1  =                 2048',
      'COMMENT hi',
    ]) {
      const raw = pad80(text);
      for (const [slot, index, offset] of [
        [3, 3, 240],
        [3, 7, 3120],
        [35, 7, 3120],
      ] as const) {
        expect(cardAt(raw, slot, index, offset)).toEqual(parseCard(raw, index, offset));
      }
    }
  });

  it('hands out the cached card at the same place, and a copy elsewhere', () => {
    const raw = pad80("OBJECT  = 'M31 field'");
    const first = cardAt(raw, 2, 2, 160);
    expect(cardAt(raw, 2, 2, 160)).toBe(first);
    const moved = cardAt(raw, 3, 3, 240);
    expect(moved).not.toBe(first);
    expect(moved).toEqual({ ...first, index: 3, offset: 240 });
    expect(first.index).toBe(2);
    expect(first.offset).toBe(160);
  });

  it('joins long strings on copies, so the shared card keeps its own value', () => {
    const head = pad80("OBJECT  = 'M31&'");
    const shared = cardAt(head, 0, 0, 0);
    const cards = [shared, parseCard(pad80("CONTINUE  ' field'"), 1, 80)];
    joinLongStrings(cards);
    expect(cards[0]!.value).toEqual({ type: 'string', value: 'M31 field' });
    expect(cards[0]!.continuedBy).toBe(1);
    expect(cards[0]).not.toBe(shared);
    expect(shared.value).toEqual({ type: 'string', value: 'M31&' });
    expect(shared.continuedBy).toBeUndefined();
    expect(cardAt(head, 0, 0, 0).value).toEqual({ type: 'string', value: 'M31&' });
  });

  it('works a card fact out once for every copy of one card, and again for another card', () => {
    const computed: string[] = [];
    const trimmed = cardFact((card) => {
      computed.push(card.raw);
      return card.raw.trimEnd();
    });
    const raw = pad80("FACTTEST= 'first'");
    expect(trimmed(cardAt(raw, 2, 2, 160))).toBe("FACTTEST= 'first'");
    expect(trimmed(cardAt(raw, 9, 9, 3600))).toBe("FACTTEST= 'first'");
    const other = pad80("FACTTEST= 'second'");
    expect(trimmed(cardAt(other, 2, 2, 160))).toBe("FACTTEST= 'second'");
    expect(computed).toEqual([raw, other]);
  });

  it('gives a card joined with CONTINUE cards facts of its own, not those of the card it was copied from', () => {
    const stringValue = cardFact((card) => (card.value?.type === 'string' ? card.value.value : ''));
    const raw = pad80("LONGFACT= 'part one &'");
    expect(stringValue(cardAt(raw, 0, 0, 0))).toBe('part one &');
    const { block, words } = blockWith(raw, 0);
    block.set(Buffer.from(pad80("CONTINUE  ' and two'"), 'latin1'), 80);
    const cards = [parseCardAt(block, words, 0, 0, 0, 0), parseCardAt(block, words, 80, 0, 1, 80)];
    joinLongStrings(cards);
    expect(stringValue(cards[0]!)).toBe('part one  and two');
    expect(stringValue(cardAt(raw, 0, 0, 0))).toBe('part one &');
  });

  it('gives the card read at a position even when another card was there before (and was tried first)', () => {
    const { block, words } = blockWith(pad80('BITPIX  =                  -32'), 4);
    const at = (hdu: number) => parseCardAt(block, words, 4 * 80, hdu, 4, 320).value;
    expect(at(1)).toEqual({ type: 'integer', value: -32 });
    block.set(Buffer.from(pad80('BITPIX  =                   16'), 'latin1'), 4 * 80);
    expect(at(1)).toEqual({ type: 'integer', value: 16 });
    block.set(Buffer.from(pad80('BITPIX  =                  -32'), 'latin1'), 4 * 80);
    expect(at(1)).toEqual({ type: 'integer', value: -32 });
    // Positions beyond those remembered still parse through the cache.
    expect(parseCardAt(block, words, 4 * 80, 40, 4000, 0).value).toEqual({ type: 'integer', value: -32 });
  });

  it('tells apart cards one byte apart, in every column, and past the point where the cache is cleared', () => {
    const base = pad80("OBSERVER= 'A. Astronomer'      / who took the data");
    for (let column = 0; column < 80; column++) {
      const changed = `${base.slice(0, column)}${base[column] === 'Z' ? 'Y' : 'Z'}${base.slice(column + 1)}`;
      expect(cardAt(base, 5, 0, 0).raw).toBe(base);
      expect(cardAt(changed, 5, 0, 0)).toEqual(parseCard(changed, 0, 0));
    }
    let wrong = 0;
    for (let n = 0; n < 25_000; n++) {
      const raw = pad80(`NAXIS1  = ${String(n).padStart(20)}`);
      const value = cardAt(raw, n % 36, 0, 0).value;
      if (value?.type !== 'integer' || value.value !== n) wrong++;
    }
    expect(wrong).toBe(0);
    expect(cardAt(pad80('NAXIS1  =                    7'), 0, 0, 0).value).toEqual({
      type: 'integer',
      value: 7,
    });
  });
});
