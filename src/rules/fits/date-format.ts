import { cardFact } from '../../fits/card.js';
import type { FitsRule } from '../../types.js';
import { memoize } from '../../util/memo.js';
import { cardSelection } from './support/selection.js';

const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?)?$/;
const LEGACY = /^([0-9]{2})\/([0-9]{2})\/([0-9]{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Proleptic Gregorian, as FITS dates are (years 0000-9999; year 0 is a leap year). */
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * Why a DATE* value is not a FITS date, or undefined when it is one. Remembered by value: the same
 * dates recur in every HDU and across a collection. Callers must not change the answer.
 */
export const fitsDateProblem = memoize(dateProblemOnce);

/** `fitsDateProblem` of a card's string value (null for none, or no string), kept with the card. */
export const cardDateProblem = cardFact((card) =>
  card.value?.type === 'string' ? (fitsDateProblem(card.value.value) ?? null) : null,
);

function dateProblemOnce(value: string): { message: string; warning?: boolean } | undefined {
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [year, month, day, hour, minute, second] = iso
      .slice(1)
      .map((v) => (v === undefined ? 0 : Number(v)));
    if (month! < 1 || month! > 12) return { message: `month ${month} does not exist` };
    if (day! < 1 || day! > daysIn(year!, month!))
      return {
        message: `day ${day} does not exist in ${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
      };
    if (hour! > 23 || minute! > 59 || second! > 60) return { message: 'the time of day is out of range' };
    return undefined;
  }
  const legacy = LEGACY.exec(text);
  if (legacy) {
    const year = Number(legacy[3]);
    return {
      message: `'${text}' is the old DD/MM/YY form${year <= 10 ? ` (year ${year} — did you mean 20${legacy[3]}?)` : ''}`,
      warning: true,
    };
  }
  if (/Z$|[+-][0-9]{2}:?[0-9]{2}$/.test(text) && ISO.test(text.replace(/(Z|[+-][0-9]{2}:?[0-9]{2})$/, ''))) {
    return { message: `'${text}' has a time zone; FITS dates have none (the time scale is TIMESYS)` };
  }
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]/.test(text))
    return { message: `'${text}' separates date and time with a space; FITS needs 'T'` };
  return { message: `'${text}' is not a FITS date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.sss])` };
}

/**
 * The keywords the Standard gives its date format: DATE and DATE-xxxx (DATE-OBS, DATE-BEG, …).
 * DATE_OBS or DATEOBS belong to their writers' own conventions (SOHO/EIT writes DATE_OBS with a
 * trailing Z), and DATEREF may also be a Julian or Modified Julian Date.
 */
const STANDARD_DATE = /^DATE(-[A-Z0-9_-]+)?$/;

const dateCards = cardSelection((card) => STANDARD_DATE.test(card.keyword) && card.hasValue);

export const dateFormat: FitsRule = {
  meta: {
    id: 'fits/date-format',
    description:
      "DATE and every DATE-xxxx keyword hold a real calendar date as 'YYYY-MM-DD[Thh:mm:ss[.s…]]', without a time zone.",
    severity: 'error',
    scope: 'fits',
    rationale:
      "Dates with a space instead of 'T' (astropy Time.iso), a trailing 'Z', or impossible days are common and break archive ingest.",
    source: 'FITS Standard 4.0 §4.4.2.1, §9.1.1',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      for (const card of dateCards(hdu)) {
        if (card.value?.type === 'undefined') continue;
        if (card.value?.type !== 'string') {
          report({
            hdu: hdu.index,
            keyword: card.keyword,
            offset: card.offset,
            message: `${card.keyword} must be a quoted date string, found ${card.valueText ?? 'no value'}`,
            hint: "write e.g. '2024-05-01T12:00:00'",
          });
          continue;
        }
        const problem = cardDateProblem(card);
        if (problem) {
          report({
            hdu: hdu.index,
            keyword: card.keyword,
            offset: card.offset,
            message: `${card.keyword}: ${problem.message}`,
            hint: "write 'YYYY-MM-DDThh:mm:ss' in the time scale given by TIMESYS",
            ...(problem.warning ? { severity: 'warning' as const } : {}),
          });
        }
      }
    }
  },
};
