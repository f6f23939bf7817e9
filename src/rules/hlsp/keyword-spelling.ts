import { cardFact } from '../../fits/card.js';
import type { Card } from '../../fits/types.js';
import type { FitsRule } from '../../types.js';
import { editDistance } from '../../util/did-you-mean.js';
import { where } from './support/keywords.js';

/** Keywords MAST asks for; a near miss of one of these is almost always a typo. */
const KNOWN_LIST = [
  'HLSPID',
  'HLSPLEAD',
  'HLSPNAME',
  'HLSPTARG',
  'HLSPVER',
  'LICENSE',
  'LICENURL',
  'TELESCOP',
  'INSTRUME',
  'OBSERVAT',
  'PROPOSID',
  'REFERENC',
  'TIMESYS',
  'DATE-BEG',
  'DATE-END',
  'MJD-BEG',
  'MJD-END',
  'MJD-MID',
  'XPOSURE',
  'TELAPSE',
  'RA_TARG',
  'DEC_TARG',
  'RADESYS',
  'EQUINOX',
  'APERTURE',
  'DETECTOR',
  'DISPRSR',
  'SIMULATD',
  'FILTER',
  'BUNIT',
];
const KNOWN = new Set(KNOWN_LIST);

/** Legacy or common wrong names with their replacement. */
const RENAMED: Record<string, string> = {
  HLSPACRN: 'HLSPID',
  HLSP_VER: 'HLSPVER',
  HLSPVERS: 'HLSPVER',
  DATE_BEG: 'DATE-BEG',
  DATE_END: 'DATE-END',
  MJD_BEG: 'MJD-BEG',
  MJD_END: 'MJD-END',
  RADECSYS: 'RADESYS',
  DISPERSR: 'DISPRSR',
  LICENCE: 'LICENSE',
};

export const keywordSpelling: FitsRule = {
  meta: {
    id: 'hlsp/keyword-spelling',
    description:
      'No misspelled HLSP keywords (HSLPNAME, HLSP_VER, MJD-end…): each near miss gets a "did you mean".',
    severity: 'error',
    scope: 'fits',
    rationale:
      'Misspellings occur even in STScI code (HSLPNAME in ULLYSES); the misspelled keyword is ignored and the real one reported missing.',
    source: 'hlsp-requirements.md §5',
  },
  check(context, report) {
    let present: Set<string> | undefined;
    for (const hdu of context.fits.hdus) {
      for (const card of hdu.cards) {
        const suggestion = suggestionFor(card);
        if (!suggestion) continue;
        const name = writtenName(card);
        // A near miss beside the real keyword may be deliberate; a case slip or a known legacy name never is.
        const upper = name.toUpperCase();
        const caseOnly = upper === suggestion;
        present ??= new Set(context.fits.hdus.flatMap((h) => [...h.keywords.keys()]));
        if (present.has(suggestion) && !caseOnly && RENAMED[upper] === undefined) continue;
        report({
          ...where(hdu, card),
          keyword: name,
          message: `'${name}' looks like a misspelling of ${suggestion}`,
          hint: `did you mean ${suggestion}?`,
        });
      }
    }
  },
};

/** Columns 1-8 as written, trimmed (the keyword is already trimmed at the end). */
function writtenName(card: Card): string {
  return card.hierarch ? 'HIERARCH' : card.keyword.trimStart();
}

/** The keyword a card's name is probably a misspelling of, kept with the card: cards repeat. */
const suggestionFor = cardFact((card): string | null => {
  if (!card.hasValue || KNOWN.has(card.keyword)) return null;
  const name = writtenName(card);
  const upper = name.toUpperCase();
  const suggestion = RENAMED[upper] ?? (KNOWN.has(upper) && upper !== name ? upper : null);
  if (suggestion || !/^(HLSP|HSLP|LICEN|MJD|DATE|XPOS|RA_T|DEC_T|RADES|PROPO|REFER)/.test(upper))
    return suggestion;
  return KNOWN_LIST.find((known) => editDistance(upper, known, 2) <= 2 && upper !== known) ?? null;
});
