import { describe, expect, it } from 'vitest';
import { dateFormat } from '../../../src/rules/fits/date-format.js';
import { type CardValue, card, rawCard } from '../../support/fits-builder.js';
import { runFitsRules } from '../../support/rule-harness.js';
import { imageFile } from './fits-fixtures.js';

const run = (keyword: string, value: CardValue) =>
  runFitsRules(imageFile([card(keyword, value)]), [dateFormat]);

describe('fits/date-format', () => {
  it.each([
    ['2024-13-01', 'month 13 does not exist'],
    ['2023-02-29', 'day 29 does not exist in 2023-02'],
    ['2024-04-31T00:00:00', 'day 31 does not exist in 2024-04'],
    // Years below 100 are not shifted to 19xx, and the year is printed as written.
    ['0001-02-29', 'day 29 does not exist in 0001-02'],
    ['0099-02-29', 'day 29 does not exist in 0099-02'],
    ['0100-02-29', 'day 29 does not exist in 0100-02'],
    ['1900-02-29', 'day 29 does not exist in 1900-02'],
    ['2024-01-01T24:00:00', 'the time of day is out of range'],
    ['2024-01-01T12:00:00Z', "'2024-01-01T12:00:00Z' has a time zone; FITS dates have none"],
    ['2024-01-01T12:00:00+01:00', "'2024-01-01T12:00:00+01:00' has a time zone"],
    ['2024-01-01 12:00:00', "'2024-01-01 12:00:00' separates date and time with a space; FITS needs 'T'"],
    ['1 May 2024', "'1 May 2024' is not a FITS date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.sss])"],
  ])('reports DATE-OBS = %j', (value, message) => {
    const findings = run('DATE-OBS', value);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'fits/date-format',
      severity: 'error',
      hdu: 0,
      keyword: 'DATE-OBS',
      hint: "write 'YYYY-MM-DDThh:mm:ss' in the time scale given by TIMESYS",
    });
    expect(findings[0]!.message).toContain(`DATE-OBS: ${message}`);
  });

  // The shapes of SOHO/EIT and SDO/EVE files in Debian's python3-sunpy test data.
  it("judges DATE and DATE-xxxx, not the writers' own DATE_OBS or DATEOBS", () => {
    expect(run('DATE_OBS', '2004-03-01T00:00:10.515Z')).toEqual([]);
    expect(run('DATEOBS', '2004-03-01 00:00:10')).toEqual([]);
    const [date] = run('DATE', '2017-11-08T16:44:41.000Z');
    expect(date).toMatchObject({ ruleId: 'fits/date-format', keyword: 'DATE', severity: 'error' });
    expect(run('DATE-BEG', '2011-02-14T23:59:30.013Z')).toHaveLength(1);
  });

  it('warns about the old DD/MM/YY form, guessing the century for small years', () => {
    const [old] = run('DATE', '01/02/03');
    expect(old).toMatchObject({ ruleId: 'fits/date-format', severity: 'warning', keyword: 'DATE' });
    expect(old!.message).toBe("DATE: '01/02/03' is the old DD/MM/YY form (year 3 — did you mean 2003?)");
    const [ninetyNine] = run('DATE', '01/02/99');
    expect(ninetyNine).toMatchObject({
      severity: 'warning',
      message: "DATE: '01/02/99' is the old DD/MM/YY form",
    });
  });

  it('reports a date that is not a quoted string', () => {
    const findings = run('DATE-BEG', 20240101);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'fits/date-format',
        severity: 'error',
        keyword: 'DATE-BEG',
        message: 'DATE-BEG must be a quoted date string, found 20240101',
        hint: "write e.g. '2024-05-01T12:00:00'",
      }),
    ]);
  });

  it.each([
    '0000-02-29',
    '0004-02-29',
    '0096-02-29',
    '0400-02-29',
    '2000-02-29',
    '9999-12-31',
    '2024-02-29',
    '2024-05-01T12:00:00',
    '2024-05-01T12:00:00.123456',
    '2016-12-31T23:59:60',
  ])('passes %j', (value) => {
    expect(run('DATE-OBS', value)).toEqual([]);
  });

  it('passes an undefined value, DATEREF, and keywords that do not start with DATE', () => {
    expect(runFitsRules(imageFile([rawCard('DATE-END=')]), [dateFormat])).toEqual([]);
    expect(run('DATEREF', 'anything')).toEqual([]);
    expect(run('MJD-OBS', 'not a date')).toEqual([]);
  });
});
