import { describe, expect, it } from 'vitest';
import { valueSyntax } from '../../../src/rules/fits/value-syntax.js';
import { card, rawCard } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { imageFile } from './fits-fixtures.js';

const run = (...raws: string[]) => runFitsRules(imageFile(raws.map(rawCard)), [valueSyntax]);

describe('fits/value-syntax', () => {
  it.each([
    ["OBJECT  = 'M101", 'OBJECT', 'the string value has no closing quote'],
    ["OBJECT  = 'M101' galaxy", 'OBJECT', "text after the closing quote is not separated by '/'"],
    ['EXPTIME =              1.5e+03', 'EXPTIME', "the exponent in '1.5e+03' must be an upper-case E or D"],
    [
      'EXPTIME =                 12.0 seconds',
      'EXPTIME',
      "text after the value '12.0' is not separated by '/'",
    ],
    [
      'FLAG    =                  yes',
      'FLAG',
      "'yes' is not a valid FITS value (string, logical, integer, real or complex)",
    ],
    ['FLAG    =                    t', 'FLAG', "'t' is not a valid FITS value"],
    ['GAIN    = (1.0, 2.0', 'GAIN', "complex value '(1.0, 2.0' has no closing ')'"],
    [
      'GAIN    = (1.0, 2.0, 3.0)',
      'GAIN',
      "complex value '(1.0, 2.0, 3.0)' must have exactly two parts separated by ','",
    ],
    ['GAIN    = (1.0, x)', 'GAIN', "complex value '(1.0, x)' has a part that is not a number"],
  ])('reports %j', (raw, keyword, message) => {
    const findings = run(raw);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/value-syntax',
      severity: 'error',
      hdu: 0,
      keyword,
      offset: 6 * 80,
      hint: "strings are quoted with ', logicals are T or F, and a comment starts with /",
    });
    expect(findings[0]!.message).toContain(`${keyword}: ${message}`);
  });

  it('passes every valid kind of value', () => {
    const findings = runFitsRules(
      imageFile([
        card('OBJECT', "O'Brien's field", 'quotes doubled'),
        card('EMPTY', ''),
        card('FLAG', true),
        card('OTHER', false),
        card('COUNT', -42),
        card('BIGINT', 123456789012345678901234n),
        card('EXPTIME', 1.5e3, 'seconds'),
        rawCard('DEXP    =              1.5D+03 / double exponent'),
        rawCard('SMALL   =                  .5E-3'),
        rawCard('GAIN    =           (1.0, -2.5) / complex'),
        rawCard('NOVALUE =                      / undefined value'),
        rawCard("LONGVAL = 'first part &'"),
        rawCard("CONTINUE  'second part'"),
        rawCard('HIERARCH ESO DET CHIP TEMP = 120.5 / kelvin'),
        card('COMMENT', undefined, " text with 'quotes' and = signs"),
      ]),
      [valueSyntax],
    );
    expect(findings).toEqual([]);
  });
});
