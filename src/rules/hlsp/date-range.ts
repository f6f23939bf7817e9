import type { FitsFile, Hdu } from '../../fits/types.js';
import type { FitsRule, ReportFn } from '../../types.js';
import { readStop } from './support/causes.js';
import { cardIn, cardIsoMjd, hduName, type Located, numberOf, textOf, where } from './support/keywords.js';

const ONE_SECOND_DAYS = 1 / 86400;
/** Rounding in the last written digit of XPOSURE, TELAPSE or an MJD: one second is generous. */
const ONE_SECOND = 1;

/**
 * One HDU's time keywords, each as it applies there (its own card, or the primary's under INHERIT = T).
 * A check runs in an HDU only when one of its cards stands there: an inherited pair was judged in the
 * primary, and saying it again for every extension would be a cascade.
 */
function checkHdu(fits: FitsFile, hdu: Hdu, report: ReportFn): void {
  const get = (keyword: string) => cardIn(fits, hdu, keyword);
  const own = (...cards: (Located | undefined)[]) => cards.some((found) => found?.hdu === hdu);
  const dateBeg = get('DATE-BEG');
  const dateEnd = get('DATE-END');
  const mjdBeg = get('MJD-BEG');
  const mjdEnd = get('MJD-END');
  const mjdMid = get('MJD-MID');
  const begIso = dateBeg ? (cardIsoMjd(dateBeg.card) ?? undefined) : undefined;
  const endIso = dateEnd ? (cardIsoMjd(dateEnd.card) ?? undefined) : undefined;
  if (begIso !== undefined && endIso !== undefined && begIso > endIso && own(dateBeg, dateEnd)) {
    report({
      ...where(dateEnd!.hdu, dateEnd!.card),
      message: `in ${hduName(hdu)}, DATE-END (${textOf(dateEnd!.card)}) is before DATE-BEG (${textOf(dateBeg!.card)})`,
      hint: 'DATE-BEG is the first start, DATE-END the last end',
    });
  }
  const begMjd = numberOf(mjdBeg?.card);
  const endMjd = numberOf(mjdEnd?.card);
  const midMjd = numberOf(mjdMid?.card);
  const ordered = begMjd === undefined || endMjd === undefined || begMjd <= endMjd;
  if (!ordered && own(mjdBeg, mjdEnd)) {
    report({
      ...where(mjdEnd!.hdu, mjdEnd!.card),
      message: `in ${hduName(hdu)}, MJD-END (${endMjd}) is before MJD-BEG (${begMjd})`,
      hint: 'MJD-BEG is the first start, MJD-END the last end',
    });
  }
  // MJD-MID outside a reversed range says nothing new: the reversed range is the defect.
  if (
    ordered &&
    midMjd !== undefined &&
    own(mjdMid, mjdBeg, mjdEnd) &&
    ((begMjd !== undefined && midMjd < begMjd - ONE_SECOND_DAYS) ||
      (endMjd !== undefined && midMjd > endMjd + ONE_SECOND_DAYS))
  ) {
    report({
      ...where(mjdMid!.hdu, mjdMid!.card),
      message: `in ${hduName(hdu)}, MJD-MID (${midMjd}) is outside MJD-BEG to MJD-END (${begMjd ?? '?'} to ${endMjd ?? '?'})`,
      hint: 'MJD-MID is the middle of the observation, between its start and its end',
    });
  }
  // With a range reversed, its disagreement with the other form is the same defect: said once above.
  const isoReversed = begIso !== undefined && endIso !== undefined && begIso > endIso;
  const pairs =
    isoReversed || !ordered
      ? []
      : ([
          [begIso, begMjd, dateBeg, mjdBeg],
          [endIso, endMjd, dateEnd, mjdEnd],
        ] as const);
  let disagree = false;
  for (const [iso, mjd, isoCard, mjdCard] of pairs) {
    if (iso === undefined || mjd === undefined || !mjdCard || !isoCard || !own(isoCard, mjdCard)) continue;
    if (Math.abs(iso - mjd) > ONE_SECOND_DAYS) {
      disagree = true;
      report({
        ...where(mjdCard.hdu, mjdCard.card),
        message: `in ${hduName(hdu)}, ${mjdCard.card.keyword} = ${mjd} and ${isoCard.card.keyword} = '${textOf(isoCard.card)}' (MJD ${iso.toFixed(6)}) differ by ${((mjd - iso) * 86400).toFixed(1)} s`,
        hint: 'compute both from the same time, in the time scale given by TIMESYS',
      });
    }
  }
  // When the two forms of the range disagree, TELAPSE against the range would say it again.
  checkExposure(hdu, get, own, { begMjd, endMjd, trusted: ordered && !disagree }, report);
}

function checkExposure(
  hdu: Hdu,
  get: (keyword: string) => Located | undefined,
  own: (...cards: (Located | undefined)[]) => boolean,
  /** `trusted`: the range is ordered and its two forms agree, so TELAPSE may be held against it. */
  range: { begMjd: number | undefined; endMjd: number | undefined; trusted: boolean },
  report: ReportFn,
): void {
  const { begMjd, endMjd, trusted } = range;
  const xposure = get('XPOSURE');
  const telapse = get('TELAPSE');
  const exposed = numberOf(xposure?.card);
  const elapsed = numberOf(telapse?.card);
  if (
    exposed !== undefined &&
    elapsed !== undefined &&
    exposed > elapsed + ONE_SECOND &&
    own(xposure, telapse)
  ) {
    report({
      ...where(xposure!.hdu, xposure!.card),
      message: `in ${hduName(hdu)}, XPOSURE (${exposed} s) is longer than TELAPSE (${elapsed} s)`,
      hint: 'XPOSURE is the time spent exposing, at most the elapsed time TELAPSE',
    });
  }
  const span = begMjd !== undefined && endMjd !== undefined ? (endMjd - begMjd) * 86400 : undefined;
  if (
    trusted &&
    span !== undefined &&
    elapsed !== undefined &&
    elapsed > span + ONE_SECOND &&
    own(telapse, get('MJD-BEG'), get('MJD-END'))
  ) {
    report({
      ...where(telapse!.hdu, telapse!.card),
      message: `in ${hduName(hdu)}, TELAPSE (${elapsed} s) is longer than MJD-END − MJD-BEG (${span.toFixed(1)} s)`,
      hint: 'TELAPSE is the time from the first start to the last end',
    });
  }
}

export const dateRange: FitsRule = {
  meta: {
    id: 'hlsp/date-range',
    description:
      'Each HDU that gives an observation time range (DATE-BEG/DATE-END, MJD-BEG/MJD-END) has it begin before it ends, with MJD-MID inside it, the ISO and MJD forms agreeing, and XPOSURE ≤ TELAPSE ≤ the range.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'Keywords are read in the HDU where they stand: a reversed range in the SCI extension is a defect even when the primary header gives a valid one. An extension takes the primary’s time keywords only with INHERIT = T.',
    source: 'MAST HLSP Contributor Guide, Common Metadata; FITS Standard 4.0 §9.4',
  },
  check(context, report) {
    const { fits } = context;
    // An empty or unreadable file has its one finding from fits/file-readable or fits/truncated.
    if (fits.hdus.length === 0) return;
    const timed = fits.hdus.some((hdu) => hdu.keywords.has('DATE-BEG') || hdu.keywords.has('MJD-BEG'));
    if (!timed) {
      // The time may be in the part of the file that could not be read: that is the finding to fix.
      const stop = readStop(fits);
      if (stop?.firstUnread === 0) return;
      report({
        ...(stop ? { causedBy: stop.cause } : {}),
        hdu: 0,
        keyword: 'DATE-BEG',
        offset: fits.hdus[0]?.headerOffset ?? 0,
        message: 'the file gives no observation time: neither DATE-BEG nor MJD-BEG',
        hint: 'add DATE-BEG/DATE-END (ISO) and/or MJD-BEG/MJD-END for the first start and last end of the data',
        severity: 'warning',
      });
      return;
    }
    for (const hdu of fits.hdus) checkHdu(fits, hdu, report);
  },
};
