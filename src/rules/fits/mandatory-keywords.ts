import { intValue, logicalValue, stringValue } from '../../fits/layout.js';
import type { Card, Hdu } from '../../fits/types.js';
import type { FindingInput, FitsRule } from '../../types.js';
import { plural } from '../../util/plural.js';
import { shown } from './support/cards.js';
import { cardSelection } from './support/selection.js';

const BITPIX = [8, 16, 32, 64, -32, -64];
const XTENSIONS = ['IMAGE', 'TABLE', 'BINTABLE'];
const LEGACY_XTENSIONS = ['A3DTABLE', 'IUEIMAGE', 'FOREIGN', 'DUMP'];

/** The keywords that must open a header, in order, for a primary or an extension with `naxis` axes. */
function expectedOrder(primary: boolean, naxis: number): string[] {
  const axes = Array.from({ length: naxis }, (_, i) => `NAXIS${i + 1}`);
  if (primary) return ['SIMPLE', 'BITPIX', 'NAXIS', ...axes];
  return ['XTENSION', 'BITPIX', 'NAXIS', ...axes, 'PCOUNT', 'GCOUNT'];
}

/** The opening of a header and its description, by kind of HDU and NAXIS (0-999), each made once. */
const openings: { order: readonly string[]; text: string }[][] = [[], []];
function openingOf(hdu: Hdu): { order: readonly string[]; text: string } {
  const naxis = Math.max(0, Math.min(intValue(hdu.keywords, 'NAXIS') ?? 0, 999));
  const byKind = openings[hdu.index === 0 ? 0 : 1]!;
  let opening = byKind[naxis];
  if (opening === undefined) {
    const order = expectedOrder(hdu.index === 0, naxis);
    opening = { order, text: describeOrder(order) };
    byKind[naxis] = opening;
  }
  return opening;
}

/** A list of keywords in order, its run of NAXISn shortened: NAXIS = 999 must not make a 10 KB hint. */
function describeOrder(names: readonly string[]): string {
  const axes = names.filter((name) => /^NAXIS[0-9]+$/.test(name));
  if (axes.length <= 4) return names.join(', ');
  const first = names.indexOf(axes[0]!);
  const last = names.indexOf(axes.at(-1)!);
  return [...names.slice(0, first + 1), '…', ...names.slice(last)].join(', ');
}

const AXIS_LENGTH = /^NAXIS([0-9]+)$/;
const axisLengthCards = cardSelection((card) => AXIS_LENGTH.test(card.keyword));

/** NAXISn by n, made once: every HDU of every file looks its axes up. */
const axisKeywords: string[] = [];
function axisKeyword(axis: number): string {
  axisKeywords[axis] ??= `NAXIS${axis}`;
  return axisKeywords[axis];
}

/** Mandatory keywords are written in fixed format: values end in column 30 (FITS 4.0 §4.2). */
function fixedFormatProblem(card: Card): string | undefined {
  if (card.value?.type === 'integer' || card.value?.type === 'logical') {
    if (card.valueEndColumn !== 29)
      return `${card.keyword} must be written in fixed format, its value ending in column 30`;
  }
  if (
    card.keyword === 'XTENSION' &&
    card.value?.type === 'string' &&
    (card.valueColumn !== 10 || (card.valueEndColumn ?? 0) < 19)
  ) {
    return "XTENSION's value must start in column 11 and be padded to 8 characters ('IMAGE   ')";
  }
  return undefined;
}

export const mandatoryKeywords: FitsRule = {
  meta: {
    id: 'fits/mandatory-keywords',
    description:
      'Each header opens with its mandatory keywords, in order, in fixed format, with legal values (SIMPLE/BITPIX/NAXIS/NAXISn; XTENSION/…/PCOUNT/GCOUNT; TFIELDS for tables).',
    severity: 'error',
    scope: 'fits',
    rationale:
      'Readers locate the data from these keywords; a wrong order or value makes the rest of the file unreadable for some of them.',
    source: 'FITS Standard 4.0 §4.4.1, §7',
  },
  check(context, report) {
    const { hdus } = context.fits;
    for (const hdu of hdus) {
      const emit = (card: Card | undefined, message: string, hint: string, severity?: 'warning') => {
        const finding: FindingInput = { message, hdu: hdu.index, hint, ...(severity ? { severity } : {}) };
        if (card) Object.assign(finding, { keyword: card.keyword, offset: card.offset });
        else finding.offset = hdu.headerOffset;
        report(finding);
      };
      const { order, text: orderText } = openingOf(hdu);
      // NAXISn missing from a header that claims many axes: one defect, one finding.
      const missingAxes: { name: string; position: number; card: Card | undefined }[] = [];
      for (let position = 0; position < order.length; position++) {
        const name = order[position]!;
        const card = hdu.cards[position];
        if (card?.keyword === name) {
          const problem = fixedFormatProblem(card);
          if (problem)
            emit(
              card,
              problem,
              'write the header with a FITS library, which uses fixed format for these keywords',
            );
          continue;
        }
        const elsewhere = hdu.keywords.has(name) ? hdu.cards.find((c) => c.keyword === name) : undefined;
        if (!elsewhere && /^NAXIS[0-9]+$/.test(name)) {
          missingAxes.push({ name, position, card });
          continue;
        }
        emit(
          card,
          elsewhere
            ? `${name} must be card ${position + 1} of HDU ${hdu.index}'s header, but it is card ${elsewhere.index + 1}`
            : `HDU ${hdu.index}'s header has no ${name} keyword (it must be card ${position + 1})`,
          `the header must start with ${orderText}, in this order`,
        );
      }
      const [firstMissing] = missingAxes;
      if (missingAxes.length === 1 && firstMissing)
        emit(
          firstMissing.card,
          `HDU ${hdu.index}'s header has no ${firstMissing.name} keyword (it must be card ${firstMissing.position + 1})`,
          `the header must start with ${orderText}, in this order`,
        );
      else if (firstMissing)
        emit(
          firstMissing.card,
          `HDU ${hdu.index}'s header has none of ${describeOrder(missingAxes.map((axis) => axis.name))} (${missingAxes.length} axis lengths; NAXIS = ${intValue(hdu.keywords, 'NAXIS')})`,
          'give one NAXISn per axis, or lower NAXIS to the number of axes',
        );
      const bitpix = hdu.keywords.get('BITPIX');
      if (bitpix && !BITPIX.includes(intValue(hdu.keywords, 'BITPIX') ?? Number.NaN)) {
        emit(
          bitpix,
          `BITPIX = ${shown(bitpix)} is not one of ${BITPIX.join(', ')}`,
          'use 8, 16, 32 or 64 for integers, -32 or -64 for floats',
        );
      }
      const naxis = hdu.keywords.get('NAXIS');
      const naxisValue = intValue(hdu.keywords, 'NAXIS');
      if (naxis && (naxisValue === undefined || naxisValue < 0 || naxisValue > 999)) {
        emit(
          naxis,
          `NAXIS = ${shown(naxis)} must be an integer from 0 to 999`,
          'set NAXIS to the number of data axes',
        );
      }
      for (let axis = 1; axis <= Math.min(naxisValue ?? 0, 999); axis++) {
        const card = hdu.keywords.get(axisKeyword(axis));
        const value = card?.value;
        if (card && (value?.type !== 'integer' || value.value < 0))
          emit(
            card,
            `NAXIS${axis} = ${shown(card)} must be a non-negative integer`,
            'set it to the length of that axis',
          );
      }
      for (const card of axisLengthCards(hdu)) {
        const match = AXIS_LENGTH.exec(card.keyword)!;
        if (Number(match[1]) > (naxisValue ?? 0)) {
          emit(
            card,
            `${card.keyword} is given, but NAXIS = ${naxisValue ?? '?'}`,
            `remove ${card.keyword} or raise NAXIS`,
          );
        }
      }
      if (hdu.index === 0) checkPrimary(hdu, hdus.length, emit);
      else checkExtension(hdu, emit);
    }
  },
};

type Emit = (card: Card | undefined, message: string, hint: string, severity?: 'warning') => void;

function checkPrimary(hdu: Hdu, hduCount: number, emit: Emit): void {
  const simple = hdu.keywords.get('SIMPLE');
  const simpleValue = logicalValue(hdu.keywords, 'SIMPLE');
  // SIMPLE = F is a legal value that says the file does not conform (FITS 4.0 §4.4.1.1): a warning,
  // as in fitsverify. Anything but a logical is a broken mandatory keyword.
  if (simple && simpleValue === false) {
    emit(
      simple,
      'SIMPLE = F: the file says it does not conform to the FITS Standard, so readers may refuse it',
      'write a conforming file and set SIMPLE = T',
      'warning',
    );
  } else if (simple && simpleValue !== true) {
    emit(
      simple,
      `SIMPLE = ${shown(simple)}; a file that conforms to the FITS Standard has SIMPLE = T`,
      'set SIMPLE = T',
    );
  }
  const groups = hdu.keywords.get('GROUPS');
  if (groups && logicalValue(hdu.keywords, 'GROUPS') === true) {
    const naxis = intValue(hdu.keywords, 'NAXIS') ?? 0;
    const naxis1 = intValue(hdu.keywords, 'NAXIS1');
    if (naxis < 1 || naxis1 !== 0)
      emit(
        groups,
        `GROUPS = T, but ${naxis < 1 ? `NAXIS = ${naxis}` : `NAXIS1 = ${naxis1 ?? '(missing)'}`}: random groups need NAXIS ≥ 1 and NAXIS1 = 0`,
        'set NAXIS1 = 0 (random groups have no first axis), or remove GROUPS for an ordinary image',
      );
  }
  const extend = hdu.keywords.get('EXTEND');
  if (extend && logicalValue(hdu.keywords, 'EXTEND') === false && hduCount > 1) {
    emit(
      extend,
      `EXTEND = F, but the file has ${plural(hduCount - 1, 'extension')}`,
      'set EXTEND = T (fitsverify misses this one)',
    );
  }
  if (hdu.kind === 'random-groups') {
    for (const name of ['PCOUNT', 'GCOUNT']) {
      if (!hdu.keywords.has(name))
        emit(undefined, `a random-groups file needs ${name}`, `add ${name} after GROUPS`);
    }
  }
}

function checkExtension(hdu: Hdu, emit: Emit): void {
  const xtensionCard = hdu.keywords.get('XTENSION');
  const xtension = stringValue(hdu.keywords, 'XTENSION')?.trim() ?? '';
  if (xtensionCard && !XTENSIONS.includes(xtension)) {
    const legacy = LEGACY_XTENSIONS.includes(xtension);
    emit(
      xtensionCard,
      legacy
        ? `XTENSION = '${xtension}' is a legacy extension type`
        : `XTENSION = '${xtension}' is not a registered extension type`,
      `use IMAGE, TABLE or BINTABLE`,
    );
  }
  const pcount = intValue(hdu.keywords, 'PCOUNT');
  const gcount = intValue(hdu.keywords, 'GCOUNT');
  const bitpix = intValue(hdu.keywords, 'BITPIX');
  const naxis = intValue(hdu.keywords, 'NAXIS');
  if (xtension === 'IMAGE' || xtension === 'TABLE') {
    if (pcount !== undefined && pcount !== 0)
      emit(
        hdu.keywords.get('PCOUNT'),
        `PCOUNT = ${pcount} in an ${xtension} extension; it must be 0`,
        'set PCOUNT = 0',
      );
    if (gcount !== undefined && gcount !== 1)
      emit(
        hdu.keywords.get('GCOUNT'),
        `GCOUNT = ${gcount} in an ${xtension} extension; it must be 1`,
        'set GCOUNT = 1',
      );
  }
  if (xtension === 'BINTABLE') {
    if (gcount !== undefined && gcount !== 1)
      emit(hdu.keywords.get('GCOUNT'), `GCOUNT = ${gcount} in a BINTABLE; it must be 1`, 'set GCOUNT = 1');
    if (pcount !== undefined && pcount < 0)
      emit(
        hdu.keywords.get('PCOUNT'),
        `PCOUNT = ${pcount} is negative`,
        'PCOUNT is the size of the heap in bytes',
      );
  }
  if (xtension === 'TABLE' || xtension === 'BINTABLE') {
    if (bitpix !== undefined && bitpix !== 8)
      emit(
        hdu.keywords.get('BITPIX'),
        `BITPIX = ${bitpix} in a ${xtension}; tables need BITPIX = 8`,
        'set BITPIX = 8',
      );
    if (naxis !== undefined && naxis !== 2)
      emit(
        hdu.keywords.get('NAXIS'),
        `NAXIS = ${naxis} in a ${xtension}; tables need NAXIS = 2`,
        'set NAXIS = 2',
      );
    const tfields = hdu.keywords.get('TFIELDS');
    const count = intValue(hdu.keywords, 'TFIELDS');
    if (!tfields)
      emit(undefined, `the ${xtension} header has no TFIELDS keyword`, 'add TFIELDS, the number of columns');
    else if (count === undefined || count < 0 || count > 999)
      emit(
        tfields,
        `TFIELDS = ${shown(tfields)} must be an integer from 0 to 999`,
        'set TFIELDS to the number of columns',
      );
  }
}
