import { cardFact } from '../../fits/card.js';
import type { Card, Hdu } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';
import { parseUnit, withStandardSpellings } from '../../units/index.js';
import { at } from './support/cards.js';
import { cardSelection } from './support/selection.js';

/** BUNIT, TUNITn (n ≤ 999) and CUNITia (i ≤ 99, optional alternate-description letter). */
const UNIT_KEYWORD = /^(?:BUNIT|TUNIT[1-9][0-9]{0,2}|CUNIT[1-9][0-9]?[A-Z]?)$/;

/** Whether a card gives a unit this rule judges (a unit keyword with a value), kept with the card. */
const isUnitCard = cardFact(
  (card) => card.hasValue && card.value?.type !== 'undefined' && UNIT_KEYWORD.test(card.keyword),
);

/** A unit card's string parsed (null when its value is not a string), kept with the card. */
const parsedUnit = cardFact((card) =>
  card.value?.type === 'string' ? parseUnit(card.value.value, { dialect: 'fits' }) : null,
);

/** Whether a unit card's value is a standard unit string, with nothing to report; kept with the card. */
const isCleanUnit = cardFact((card): boolean => {
  const result = parsedUnit(card);
  return (
    card.value?.type === 'string' &&
    result !== null &&
    result.ok &&
    result.deprecated.length === 0 &&
    result.unknown.length === 0
  );
});

/** The unit cards with something to report. */
const unitCardsToJudge = cardSelection((card) => isUnitCard(card) && !isCleanUnit(card));

/** Findings from this rule per HDU before the rest are summed up: a table with 300 bad columns is one problem. */
export const MAX_UNIT_FINDINGS_PER_HDU = 20;

function quoted(value: string): string {
  return `'${value.replace(/ +$/, '')}'`;
}

function problemsOf(hdu: Hdu, card: Card): FindingInput[] {
  const result = parsedUnit(card);
  if (card.value?.type !== 'string' || result === null) {
    return [
      {
        ...at(hdu, card),
        message: `${card.keyword} must be a quoted unit string, found ${card.valueText ?? 'no value'}`,
        hint: "write e.g. 'erg/s/cm2/Angstrom'",
      },
    ];
  }
  const text = card.value.value;
  if (!result.ok) {
    return [
      {
        ...at(hdu, card),
        message: `${card.keyword} = ${quoted(text)} is not a FITS unit string: ${result.error}`,
        hint: "write units as in FITS 4.0 §4.3, e.g. 'erg/s/cm2/Angstrom', '10**-20 W m-2 Hz-1', 'log(solMass)'",
      },
    ];
  }
  const findings: FindingInput[] = [];
  if (result.deprecated.length > 0) {
    const spellings = result.deprecated.map((d) => `'${d.written.trim()}' (standard: '${d.standard}')`);
    const rewritten = withStandardSpellings(text.replace(/ +$/, ''), result.deprecated);
    findings.push({
      ...at(hdu, card),
      severity: 'warning',
      message: `${card.keyword} = ${quoted(text)} uses non-standard spelling ${[...new Set(spellings)].join(', ')}`,
      hint: rewritten !== undefined ? `write '${rewritten}'` : 'use the standard spellings listed',
    });
  }
  if (result.unknown.length > 0) {
    const symbols = result.unknown.map((s) => `'${s}'`).join(', ');
    findings.push({
      ...at(hdu, card),
      severity: 'warning',
      message: `${card.keyword} = ${quoted(text)}: ${symbols} ${result.unknown.length > 1 ? 'are not units' : 'is not a unit'} of FITS 4.0 Tables 3–5`,
      hint: 'use a standard unit, or explain this one in the comment or the README',
    });
  }
  return findings;
}

export const units: FitsRule = {
  meta: {
    id: 'fits/units',
    description: 'BUNIT, TUNITn and CUNITia values are unit strings that follow the FITS Standard.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'Archive tools and astropy read these strings to attach units to data; a string they cannot parse ' +
      "loses the units, and spellings such as 'DEGREES', 'ergs' or 'Angstroms' are rejected by strict readers. " +
      'Unparsable strings are errors; unknown units and non-standard spellings are warnings.',
    source: 'FITS Standard 4.0 §4.3 (Tables 3–6); docs/rules/fits/units.md',
  },
  check(context, report) {
    for (const hdu of context.fits.hdus) {
      let reported = 0;
      let withheld = 0;
      for (const card of unitCardsToJudge(hdu)) {
        for (const finding of problemsOf(hdu, card)) {
          if (reported < MAX_UNIT_FINDINGS_PER_HDU) {
            report(finding);
            reported++;
          } else withheld++;
        }
      }
      if (withheld > 0) {
        report({
          hdu: hdu.index,
          severity: 'warning',
          message: `and ${withheld} more unit ${withheld === 1 ? 'problem' : 'problems'} in this HDU`,
          hint: `only the first ${MAX_UNIT_FINDINGS_PER_HDU} unit findings per HDU are listed`,
        });
      }
    }
  },
};
