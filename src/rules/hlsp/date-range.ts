import type { FitsRule } from '../../types.js';
import { findCard, isoToMjd, numberOf, textOf, where } from './support/keywords.js';

const ONE_SECOND_DAYS = 1 / 86400;

export const dateRange: FitsRule = {
  meta: {
    id: 'hlsp/date-range',
    description:
      'The observation time range is given (DATE-BEG/DATE-END or MJD-BEG/MJD-END), begins before it ends, and the ISO and MJD forms agree.',
    severity: 'error',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Common Metadata',
  },
  check(context, report) {
    const { fits } = context;
    const dateBeg = findCard(fits, 'DATE-BEG');
    const dateEnd = findCard(fits, 'DATE-END');
    const mjdBeg = findCard(fits, 'MJD-BEG');
    const mjdEnd = findCard(fits, 'MJD-END');
    if (!dateBeg && !mjdBeg) {
      report({
        hdu: 0,
        keyword: 'DATE-BEG',
        offset: fits.hdus[0]?.headerOffset ?? 0,
        message: 'the file gives no observation time: neither DATE-BEG nor MJD-BEG',
        hint: 'add DATE-BEG/DATE-END (ISO) and/or MJD-BEG/MJD-END for the first start and last end of the data',
        severity: 'warning',
      });
      return;
    }
    const begIso = dateBeg ? isoToMjd(textOf(dateBeg.card) ?? '') : undefined;
    const endIso = dateEnd ? isoToMjd(textOf(dateEnd.card) ?? '') : undefined;
    if (begIso !== undefined && endIso !== undefined && begIso > endIso) {
      report({
        ...where(dateEnd!.hdu, dateEnd!.card),
        message: `DATE-END (${textOf(dateEnd!.card)}) is before DATE-BEG (${textOf(dateBeg!.card)})`,
        hint: 'DATE-BEG is the first start, DATE-END the last end',
      });
    }
    const begMjd = numberOf(mjdBeg?.card);
    const endMjd = numberOf(mjdEnd?.card);
    if (begMjd !== undefined && endMjd !== undefined && begMjd > endMjd) {
      report({
        ...where(mjdEnd!.hdu, mjdEnd!.card),
        message: `MJD-END (${endMjd}) is before MJD-BEG (${begMjd})`,
        hint: 'MJD-BEG is the first start, MJD-END the last end',
      });
    }
    for (const [iso, mjd, isoCard, mjdCard] of [
      [begIso, begMjd, dateBeg, mjdBeg],
      [endIso, endMjd, dateEnd, mjdEnd],
    ] as const) {
      if (iso === undefined || mjd === undefined || !mjdCard || !isoCard) continue;
      if (Math.abs(iso - mjd) > ONE_SECOND_DAYS) {
        report({
          ...where(mjdCard.hdu, mjdCard.card),
          message: `${mjdCard.card.keyword} = ${mjd} and ${isoCard.card.keyword} = '${textOf(isoCard.card)}' (MJD ${iso.toFixed(6)}) differ by ${((mjd - iso) * 86400).toFixed(1)} s`,
          hint: 'compute both from the same time, in the time scale given by TIMESYS',
        });
      }
    }
  },
};
