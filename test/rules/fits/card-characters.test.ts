import { describe, expect, it } from 'vitest';
import { cardCharacters } from '../../../src/rules/fits/card-characters.js';
import { card, rawCard } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { imageFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [cardCharacters]);
// The primary image has 6 mandatory cards, so the first extra card is card 7, at byte 480.
const FIRST_EXTRA = 480;

describe('fits/card-characters', () => {
  it('reports a TAB in a string value, with its column', () => {
    const findings = run(imageFile([rawCard("OBJECT  = 'M101\tX'")]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/card-characters',
        severity: 'error',
        hdu: 0,
        keyword: 'OBJECT',
        offset: FIRST_EXTRA + 15,
        message: 'card 7 has TAB in column 16; header cards may hold only printable ASCII',
        hint: 'replace the TAB with spaces',
      }),
    ]);
  });

  it('reports a Latin-1 character in a comment', () => {
    const findings = run(imageFile([rawCard("OBJECT  = 'M101    '           / caf\u00e9")]));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('byte 0xe9 in column');
    expect(findings[0]!.hint).toBe('replace the character with plain ASCII');
  });

  it('reports DEL (127) but accepts ~ (126), the last printable character', () => {
    expect(run(imageFile([card('OBJECT', 'M101', 'tilde ~')]))).toEqual([]);
    const findings = run(imageFile([card('OBJECT', 'M101', 'del \u007f')]));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('has DEL in column');
  });

  it('reports a lower-case keyword and suggests the upper-case name', () => {
    const findings = run(imageFile([rawCard("object  = 'M101    '")]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/card-characters',
        severity: 'error',
        hdu: 0,
        keyword: 'object',
        message: "the keyword 'object' has characters other than A-Z, 0-9, '-' and '_'",
        hint: "write it in upper case: 'OBJECT'",
      }),
    ]);
  });

  it.each([
    ["DATE.OBS= '2024-01-01'", 'DATE.OBS'],
    ['MY KEY  = 1', 'MY KEY'],
  ])('reports the keyword in %j and asks to rename it', (raw, keyword) => {
    const findings = run(imageFile([rawCard(raw)]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ keyword, hint: 'rename the keyword' });
    expect(findings[0]!.message).toContain(`the keyword '${keyword}' has characters other than`);
  });

  it('reports a keyword that is not left-justified', () => {
    const findings = run(imageFile([rawCard(" OBJECT = 'M101    '")]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/card-characters',
        severity: 'error',
        hdu: 0,
        keyword: 'OBJECT',
        offset: FIRST_EXTRA,
        message: "the keyword 'OBJECT' is not left-justified in columns 1-8",
        hint: 'start the keyword in column 1',
      }),
    ]);
  });

  it('passes clean cards: digits, - and _, commentary, blank and HIERARCH cards', () => {
    const bytes = imageFile([
      card('DATE-OBS', '2024-01-01'),
      card('RA_TARG', 10.5),
      card('DETECT01', 'NRCB1'),
      card('COMMENT', undefined, ' plain text, with punctuation: ~!@#$%^&*()'),
      card('', undefined, ''),
      rawCard('HIERARCH ESO DET CHIP TEMP = 120.5 / kelvin'),
    ]);
    expect(run(bytes)).toEqual([]);
  });
});
