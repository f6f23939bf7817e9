/**
 * The root causes that hlsp/ findings name (`causedBy`), so that reports fold a cascade under the
 * one finding that explains it.
 */
import type { Card, FitsFile, Hdu, ReadProblem } from '../../../fits/types.js';
import type { FindingInput } from '../../../types.js';
import { cardIn, firstCardWhere } from './keywords.js';

export type Cause = NonNullable<FindingInput['causedBy']>;

/** Reader problems after which the rest of the file was not read, and the fits/ rule that reports each. */
const STOPS: Partial<Record<ReadProblem['code'], string>> = {
  'empty-file': 'fits/file-readable',
  'not-fits': 'fits/file-readable',
  'io-error': 'fits/file-readable',
  'gzip-error': 'fits/file-readable',
  'bzip2-error': 'fits/file-readable',
  'inflate-limit': 'fits/file-readable',
  'too-many-hdus': 'fits/file-readable',
  'header-too-large': 'fits/file-readable',
  'bad-size': 'fits/file-readable',
  'header-truncated': 'fits/truncated',
  'data-truncated': 'fits/truncated',
};

export interface ReadStop {
  /** The fits/ finding that says where and why reading stopped. */
  cause: Cause;
  /** HDUs from this index on may lack keywords the file has: their header was not read whole, or not at all. */
  firstUnread: number;
}

/** Where the reader stopped before the end of the file, if it did. */
export function readStop(fits: FitsFile): ReadStop | undefined {
  // Asked by most hlsp rules of every file, nearly always of a file read whole: a plain loop.
  let problem: ReadProblem | undefined;
  for (const candidate of fits.problems)
    if (STOPS[candidate.code] !== undefined) {
      problem = candidate;
      break;
    }
  if (!problem) return undefined;
  const cause: Cause = { ruleId: STOPS[problem.code]!, hdu: problem.hdu, offset: problem.offset };
  if (problem.hdu === null) return { cause, firstUnread: 0 };
  const hdu = fits.hdus[problem.hdu];
  const headerWhole = hdu !== undefined && hdu.endIndex >= 0 && problem.code !== 'header-truncated';
  return { cause, firstUnread: headerWhole ? problem.hdu + 1 : problem.hdu };
}

const DATED = /^(DATE-BEG|DATE-END|DATE-OBS|DATE-AVG|MJD-BEG|MJD-END|MJD-OBS|MJD-AVG|MJD-MID|TSTART|TSTOP)$/;

/** The first date card of an HDU to which no TIMESYS applies (its own, or the primary's under INHERIT = T). */
export function dateWithoutTimesys(fits: FitsFile, hdu: Hdu): Card | undefined {
  if (cardIn(fits, hdu, 'TIMESYS')) return undefined;
  return firstCardWhere(hdu, (keyword) => DATED.test(keyword));
}
