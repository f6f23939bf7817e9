import { cardFact } from '../../fits/card.js';
import type { FitsRule } from '../../types.js';
import { companionStem, isCompanion, textOf, where } from './support/keywords.js';

/** A string card's value, trimmed and in upper case (null for any other card), kept with the card. */
const upperText = cardFact((card): string | null => textOf(card)?.toUpperCase() ?? null);

/** Keywords that may be 'MULTI', and the stem of their numbered companions (KW[0:6] + nn). */
const MULTI_CAPABLE = [
  'INSTRUME',
  'FILTER',
  'DETECTOR',
  'DISPRSR',
  'APERTURE',
  'TELESCOP',
  'OBSERVAT',
  'PUPIL',
];

export const multiCompanions: FitsRule = {
  meta: {
    id: 'hlsp/multi-companions',
    description:
      "A keyword set to 'MULTI' has numbered companions from 01 (FILTER01, FILTER02…); 'MULTIPLE' is not allowed.",
    severity: 'error',
    scope: 'fits',
    rationale:
      "MAST reads the individual values from the companions; 'MULTIPLE' is a frequent misspelling that MAST's older checker already rejected.",
    source: 'MAST HLSP Contributor Guide, Provenance Metadata; MAST_HLSP check_metadata_format',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      for (const keyword of MULTI_CAPABLE) {
        const card = hdu.keywords.get(keyword);
        if (!card) continue;
        const value = upperText(card);
        if (value === null) continue;
        if (value === 'MULTIPLE') {
          report({
            ...where(hdu, card),
            message: `${keyword} = 'MULTIPLE'; the value for several is 'MULTI'`,
            hint: `set ${keyword} = 'MULTI' and list each value in ${companionStem(keyword)}01, ${companionStem(keyword)}02…`,
          });
          continue;
        }
        if (value !== 'MULTI') continue;
        const stem = companionStem(keyword);
        // The lowest-numbered companion, without a sorted list: MULTI products are many.
        let first: string | undefined;
        for (const name of hdu.keywords.keys())
          if (isCompanion(name, keyword) && (first === undefined || name < first)) first = name;
        if (first === undefined) {
          report({
            ...where(hdu, card),
            message: `${keyword} = 'MULTI' but there are no ${stem}01, ${stem}02… keywords`,
            hint: `add ${stem}01, ${stem}02… with each value`,
          });
        } else if (first !== `${stem}01`) {
          report({
            ...where(hdu, card),
            message: `the companions of ${keyword} = 'MULTI' must start at ${stem}01, found ${first}`,
            hint: 'number them 01, 02, … with two digits',
          });
        }
      }
    }
  },
};
