import { cardFact } from '../../fits/card.js';
import type { Card, FitsFile, Hdu } from '../../fits/types.js';
import { isHlspName, VERSION_PATTERN } from '../../naming/fields.js';
import type { FindingInput, FitsRule } from '../../types.js';
import { memoize } from '../../util/memo.js';
import { assignment, impliedValue } from './support/expected.js';
import { isCompanion, textOf, where } from './support/keywords.js';
import { dataHdu } from './support/profiles.js';

/** Lower case, letters and digits only; remembered, since the same values recur in every file. */
const normalize = memoize((text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, ''));

/** Values that say "no element here": a name may leave them out, and they never need to be in it. */
const EMPTY = new Set(['', 'clear', 'none', 'n/a', 'na', 'opaque', 'any', 'unknown']);

/** Keywords that name the optical path, as docs/naming.md maps them; each may be MULTI with companions. */
const FILTERS = ['FILTER'];
const OTHER_ELEMENTS = ['PUPIL', 'GRATING', 'DISPRSR'];

/** One header value the name is compared with. */
interface HeaderValue {
  /** As written, trimmed and lower case: hyphens kept (`ch3-long`). */
  text: string;
  hdu: Hdu;
  card: Card;
  /** The keyword it is a value of (FILTER for FILTER01). */
  of: string;
}

/** A string card's value, trimmed and in lower case (null for any other card), kept with the card. */
const lowerText = cardFact((card): string | null => textOf(card)?.toLowerCase() ?? null);

/**
 * Adds a keyword's values in one header to `into`: its own, or with MULTI its numbered companions
 * (FILTER01…). N/A and empty values give nothing.
 */
function addValuesOf(into: HeaderValue[], hdu: Hdu, keyword: string): void {
  const card = hdu.keywords.get(keyword);
  if (!card) return;
  const text = lowerText(card);
  // MULTIPLE for MULTI is hlsp/multi-companions' finding: it names no element to compare.
  if (text === null || text === 'n/a' || text === '' || text === 'multiple') return;
  if (text !== 'multi') {
    into.push({ text, hdu, card, of: keyword });
    return;
  }
  for (const [name, companion] of hdu.keywords) {
    if (!isCompanion(name, keyword)) continue;
    const value = lowerText(companion);
    if (value && value !== 'n/a') into.push({ text: value, hdu, card: companion, of: keyword });
  }
}

/** A keyword's values in the describing headers, in their order (see `addValuesOf`). */
function valuesIn(describing: readonly Hdu[], keyword: string): HeaderValue[] {
  const values: HeaderValue[] = [];
  for (const hdu of describing) addValuesOf(values, hdu, keyword);
  return values;
}

/** MIRI MRS names its element by channel and band (`ch3-long`): CHANNEL = '3', BAND = 'LONG'. */
function addChannelValues(into: HeaderValue[], hdu: Hdu): void {
  const channel = hdu.keywords.get('CHANNEL');
  const channelText = channel ? lowerText(channel) : null;
  if (!channel || !channelText) return;
  const bandCard = hdu.keywords.get('BAND');
  const band = bandCard ? lowerText(bandCard) : null;
  const channels = [channelText.startsWith('ch') ? channelText : `ch${channelText}`];
  // CHANNEL = '34' is channels 3 and 4.
  if (/^[0-9]{2,4}$/.test(channelText)) for (const digit of channelText) channels.push(`ch${digit}`);
  for (const text of channels) into.push({ text, hdu, card: channel, of: 'CHANNEL' });
  if (bandCard && band && band !== 'multiple') {
    into.push({ text: band, hdu, card: bandCard, of: 'BAND' });
    for (const text of channels) into.push({ text: `${text}-${band}`, hdu, card: channel, of: 'CHANNEL' });
  }
}

/** Whether a name element and a header value agree: as written, or one abbreviating the other. */
function agrees(element: string, value: string): boolean {
  if (element === value) return true;
  const a = normalize(element);
  const b = normalize(value);
  return a !== '' && b !== '' && (a.startsWith(b) || b.startsWith(a));
}

/**
 * The elements of a name field that no header value accounts for. A run of hyphenated elements may
 * match one value written with hyphens (`ch3-long` against BAND-style 'CH3-LONG'); the longest run
 * is tried first. CLEAR and MULTI may stand in a name without a header value.
 */
function unmatchedElements(
  field: string,
  values: readonly HeaderValue[],
): { missing: string[]; matched: Set<HeaderValue> } {
  const parts = field.toLowerCase().split('-');
  const missing: string[] = [];
  const matched = new Set<HeaderValue>();
  let i = 0;
  while (i < parts.length) {
    let advanced = 0;
    for (let j = parts.length; j > i && advanced === 0; j--) {
      const single = j === i + 1;
      if (matchRun(single ? parts[i]! : parts.slice(i, j).join('-'), single, values, matched))
        advanced = j - i;
    }
    if (advanced === 0) {
      const part = parts[i]!;
      if (part !== 'multi' && !EMPTY.has(part)) missing.push(part);
      advanced = 1;
    }
    i += advanced;
  }
  return { missing, matched };
}

/**
 * Adds to `matched` the values that are `run` as written, else, for a single element, those that
 * agree with it; whether there were any.
 */
function matchRun(
  run: string,
  single: boolean,
  values: readonly HeaderValue[],
  matched: Set<HeaderValue>,
): boolean {
  let found = false;
  for (const value of values)
    if (value.text === run) {
      matched.add(value);
      found = true;
    }
  if (found || !single) return found;
  for (const value of values)
    if (agrees(run, value.text)) {
      matched.add(value);
      found = true;
    }
  return found;
}

function list(values: readonly HeaderValue[]): string {
  return [...new Set(values.map((value) => `${value.card.keyword} = '${value.text.toUpperCase()}'`))].join(
    ', ',
  );
}

/** The headers that describe the product: the primary, and the HDU where the data live. */
function describingHdus(fits: FitsFile): Hdu[] {
  const primary = fits.hdus[0]!;
  const data = dataHdu(fits);
  return data === undefined || data === primary ? [primary] : [primary, data];
}

/** A keyword's card in the first describing header that has it. */
function findIn(describing: readonly Hdu[], keyword: string): { hdu: Hdu; card: Card } | undefined {
  for (const hdu of describing) {
    const card = hdu.keywords.get(keyword);
    if (card) return { hdu, card };
  }
  return undefined;
}

export const nameHeaderMatch: FitsRule = {
  meta: {
    id: 'hlsp/name-header-match',
    description:
      'The file name and the headers that describe the product (primary, and the HDU with the data) agree both ways: proj-id/HLSPID, version/HLSPVER, observatory/TELESCOP, instrument/INSTRUME, opt-elem/FILTER (FILTERnn), PUPIL, GRATING, DISPRSR, CHANNEL + BAND, target/TARGNAME or OBJECT and HLSPTARG.',
    severity: 'error',
    scope: 'fits',
    rationale:
      'MAST indexes products by both; when they disagree, one of them is wrong, usually after a file was renamed or a header copied from another product. Only the primary header and the data HDU count: a value in some other extension does not describe the product.',
    source: 'MAST HLSP Contributor Guide, File Naming Convention; docs/naming.md (name ↔ header)',
  },
  check(context, report) {
    const { parsed, fits } = context;
    if (!isHlspName(parsed) || fits.hdus.length === 0) return;
    const describing = describingHdus(fits);
    const find = (keyword: string) => findIn(describing, keyword);
    const emit = (
      at: { hdu: Hdu; card: Card } | string,
      message: string,
      hint: string,
      severity?: FindingInput['severity'],
    ) => {
      const located = typeof at === 'string' ? find(at) : at;
      report({
        ...(located
          ? where(located.hdu, located.card)
          : { hdu: 0, keyword: at as string, offset: fits.hdus[0]!.headerOffset }),
        message,
        hint,
        ...(severity ? { severity } : {}),
      });
    };
    const hlspid = textOf(find('HLSPID')?.card);
    const projId = parsed.fields.projId ?? '';
    if (hlspid !== undefined && projId && hlspid.toLowerCase() !== projId.toLowerCase()) {
      emit(
        'HLSPID',
        `HLSPID = '${hlspid}' but the file name's proj-id is '${projId}'`,
        `set ${assignment('HLSPID', projId.toUpperCase())} (case does not matter), or correct the name's proj-id`,
      );
    }
    const version = parsed.fields.version;
    const hlspver = textOf(find('HLSPVER')?.card);
    if (version && hlspver !== undefined && hlspver.toLowerCase() !== version.toLowerCase()) {
      emit(
        'HLSPVER',
        `HLSPVER = '${hlspver}' but the file name's version is '${version}'`,
        // A version the name may not have (v1-0) is no value to copy into the header.
        VERSION_PATTERN.test(version)
          ? `set ${assignment('HLSPVER', version)}, or rename the file`
          : 'update HLSPVER or rename the file',
      );
    }
    if (parsed.parts.length !== 8) return;
    compareTarget(parsed.fields.target, find, emit);
    // Observatory and instrument: each element of the name must be a value of the keyword.
    for (const [keyword, field, label] of ELEMENT_FIELDS) {
      const text = parsed.fields[field];
      if (!text || text === 'multi') continue;
      const values = valuesIn(describing, keyword);
      if (values.length === 0) continue;
      // Instruments are often named with their channel (acs-wfc, wfc3-uvis): the whole field may match.
      if (keyword === 'INSTRUME' && values.some((value) => agrees(text, value.text))) continue;
      if (unmatchedElements(text, values).missing.length === 0) continue;
      const implied = impliedValue(keyword, parsed, context.settings);
      emit(
        values[0]!,
        `the file name's ${label} '${text}' does not match ${keyword} in the header (${list(values)})`,
        implied !== undefined
          ? `set ${assignment(keyword, implied)} if the name is right, or rename the file`
          : `make the name and ${keyword} agree`,
      );
    }
    compareOpticalElements(parsed.fields.optElem, describing, emit, () =>
      impliedValue('FILTER', parsed, context.settings),
    );
  },
};

/** The name fields compared element by element with a keyword, and how messages call them. */
const ELEMENT_FIELDS = [
  ['TELESCOP', 'observatory', 'observatory'],
  ['INSTRUME', 'instrument', 'instrument'],
] as const;

function hintForFilter(impliedFilter: string | undefined): string {
  return impliedFilter !== undefined
    ? `set ${assignment('FILTER', impliedFilter)} if the name is right, or rename the file; docs/naming.md lists which keyword each element maps to`
    : 'make the name and the header agree; docs/naming.md lists which keyword each element maps to';
}

type Emit = (
  at: { hdu: Hdu; card: Card } | string,
  message: string,
  hint: string,
  severity?: FindingInput['severity'],
) => void;

/**
 * The target by its leading element: `abell2744-00123` names a source in the field ABELL2744.
 * TARGNAME/OBJECT say what this product shows; HLSPTARG names the collection's fields and may be
 * broader ('M31 and M33'). Both are for review, not errors: target names are written many ways.
 */
const TARGET_KEYWORDS = ['TARGNAME', 'OBJECT'];

function compareTarget(
  target: string | undefined,
  find: (keyword: string) => { hdu: Hdu; card: Card } | undefined,
  emit: Emit,
): void {
  if (!target) return;
  const whole = normalize(target);
  const hyphen = target.indexOf('-');
  const first = hyphen < 0 ? target : target.slice(0, hyphen);
  const leading = normalize(first);
  if (!whole || !leading) return;
  const hlsptarg = textOf(find('HLSPTARG')?.card);
  const collection = hlsptarg ? normalize(hlsptarg) : '';
  if (collection && !whole.startsWith(collection) && !collection.includes(leading)) {
    emit(
      'HLSPTARG',
      `HLSPTARG = '${hlsptarg}' does not match the file name's target '${target}'`,
      'make HLSPTARG name the target or field of this product',
      'warning',
    );
  }
  for (const keyword of TARGET_KEYWORDS) {
    const found = find(keyword);
    const text = textOf(found?.card);
    const header = text ? normalize(text) : '';
    if (!found || !header) continue;
    if (!header.startsWith(leading) && !leading.startsWith(header) && !whole.startsWith(header))
      emit(
        found,
        `${keyword} = '${text}' does not match the file name's target '${target}' (compared by its first element, '${first}')`,
        `make the name's target start with the ${keyword} of this product, or correct ${keyword}`,
        'warning',
      );
    return;
  }
}

/**
 * The opt-elem both ways. Name → header: every element is a FILTER, PUPIL, GRATING, DISPRSR or
 * CHANNEL/BAND value of a describing header. Header → name: every filter the header gives is in the
 * name, unless the name says `multi` or names the product by its disperser (as the guide allows).
 */
function compareOpticalElements(
  field: string | undefined,
  describing: readonly Hdu[],
  emit: Emit,
  impliedFilter: () => string | undefined,
): void {
  if (!field) return;
  // A MULTI filter without its FILTERnn (or MULTIPLE) hides the filters: hlsp/multi-companions says so.
  for (const hdu of describing) {
    const card = hdu.keywords.get('FILTER');
    const text = card ? lowerText(card) : null;
    if (text === 'multiple' || (text === 'multi' && valuesIn([hdu], 'FILTER').length === 0)) return;
  }
  const filters: HeaderValue[] = [];
  const others: HeaderValue[] = [];
  for (const hdu of describing) {
    for (const keyword of FILTERS) addValuesOf(filters, hdu, keyword);
    for (const keyword of OTHER_ELEMENTS) addValuesOf(others, hdu, keyword);
    addChannelValues(others, hdu);
  }
  if (filters.length === 0 && others.length === 0) return;
  const values = filters.concat(others);
  const { missing, matched } = unmatchedElements(field, values);
  if (missing.length > 0) {
    // Pointed at FILTER itself (also when it is MULTI), else at the first element keyword.
    emit(
      findIn(describing, 'FILTER') ?? values[0]!,
      missing.length === 1 && missing[0] === field.toLowerCase()
        ? `the file name's opt-elem '${field}' is not what the header gives (${list(values)})`
        : `the file name's opt-elem '${field}' has ${missing.map((m) => `'${m}'`).join(', ')}, which the header does not give (${list(values)})`,
      hintForFilter(filters.length > 0 ? impliedFilter() : undefined),
    );
    return;
  }
  if (/(?:^|-)multi(?:-|$)/.test(field.toLowerCase())) return;
  const byDisperser = others.some(
    (value) => matched.has(value) && (value.of === 'GRATING' || value.of === 'DISPRSR'),
  );
  if (byDisperser) return;
  const absent = filters.filter((value) => !EMPTY.has(value.text) && !matched.has(value));
  if (absent.length > 0)
    emit(
      absent[0]!,
      `the header gives ${list(absent)}, which the file name's opt-elem '${field}' does not name`,
      'name every filter of the product in opt-elem (or `multi`), or correct the header',
    );
}
