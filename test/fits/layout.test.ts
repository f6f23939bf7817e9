import { describe, expect, it } from 'vitest';
import { parseCard } from '../../src/fits/card.js';
import { cardMap } from '../../src/fits/layout.js';
import { pad80 } from '../support/fits-builder.js';

const cards = (texts: string[]) => texts.map((text, index) => parseCard(pad80(text), index, index * 80));

describe('cardMap', () => {
  it("maps each keyword to its first card with a value, in the header's order", () => {
    const header = cards([
      'SIMPLE  =                    T',
      "OBJECT  = 'M31'",
      'COMMENT not a value',
      'NAXIS   =                    0',
      "OBJECT  = 'M32'",
      'COMMENT again',
      'NAXIS   =                    2',
    ]);
    const map = cardMap(header);
    expect([...map.keys()]).toEqual(['SIMPLE', 'OBJECT', 'NAXIS']);
    expect(map.get('OBJECT')).toBe(header[1]);
    expect(map.get('NAXIS')).toBe(header[3]);
    expect(map.has('COMMENT')).toBe(false);
  });

  it('keeps every keyword of a header without repeats', () => {
    const header = cards([
      'SIMPLE  =                    T',
      'BITPIX  =                   16',
      'NAXIS   =                    0',
    ]);
    const map = cardMap(header);
    expect([...map.entries()]).toEqual(header.map((card) => [card.keyword, card]));
  });
});
