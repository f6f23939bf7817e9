import { describe, expect, it } from 'vitest';
import { duplicateKeyword } from '../../../src/rules/fits/duplicate-keyword.js';
import { card, fitsFile, imageExtensionCards, int16Data, rawCard } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { image, imageFile } from './fits-fixtures.js';

const run = (bytes: Uint8Array) => runFitsRules(bytes, [duplicateKeyword]);

describe('fits/duplicate-keyword', () => {
  it('warns about a repeated ordinary keyword, naming both cards', () => {
    const findings = run(
      imageFile([card('OBJECT', 'M101'), card('FILTER', 'F200W'), card('OBJECT', 'M102')]),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/duplicate-keyword',
        severity: 'warning',
        hdu: 0,
        keyword: 'OBJECT',
        offset: 8 * 80,
        message: 'OBJECT appears again in card 9 (first in card 7)',
        hint: 'keep one of them',
      }),
    ]);
  });

  it('reports a repeated mandatory keyword as an error', () => {
    const findings = run(imageFile([card('NAXIS1', 10)]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/duplicate-keyword',
        severity: 'error',
        keyword: 'NAXIS1',
        message: 'NAXIS1 appears again in card 7 (first in card 4)',
      }),
    ]);
  });

  it('reports every repeat after the first', () => {
    const findings = run(imageFile([card('OBJECT', 'A'), card('OBJECT', 'B'), card('OBJECT', 'C')]));
    expect(findings.map((f) => f.message)).toEqual([
      'OBJECT appears again in card 8 (first in card 7)',
      'OBJECT appears again in card 9 (first in card 7)',
    ]);
  });

  it('passes repeated COMMENT, HISTORY, blank and CONTINUE cards', () => {
    const bytes = imageFile([
      card('COMMENT', undefined, ' one'),
      card('COMMENT', undefined, ' two'),
      card('HISTORY', undefined, ' one'),
      card('HISTORY', undefined, ' two'),
      card('', undefined, ''),
      card('', undefined, ''),
      rawCard("LONGVAL = 'first part &'"),
      rawCard("CONTINUE  'second part &'"),
      rawCard("CONTINUE  'third part'"),
    ]);
    expect(run(bytes)).toEqual([]);
  });

  it('passes the same keyword in two different HDUs', () => {
    const bytes = fitsFile([
      image([card('OBJECT', 'M101')]),
      { cards: [...imageExtensionCards({ axes: [2] }), card('OBJECT', 'M101')], data: int16Data([1, 2]) },
    ]);
    expect(run(bytes)).toEqual([]);
  });
});
