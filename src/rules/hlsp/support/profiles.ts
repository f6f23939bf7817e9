import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { plainValue } from '../../../fits/card.js';
import { intValue } from '../../../fits/layout.js';
import type { Card, FitsFile, Hdu } from '../../../fits/types.js';
import { packagePath } from '../../../paths.js';
import { compileSchema, type Validator } from '../../../schemas/compile.js';
import type { ContentContext, FindingInput, FitsContext } from '../../../types.js';
import { cardDateProblem, fitsDateProblem } from '../../fits/date-format.js';
import { dateWithoutTimesys, readStop } from './causes.js';
import { assignment, impliedValue } from './expected.js';

export type Level = 'required' | 'recommended' | 'suggested';
export type Placement = 'primary' | 'data' | 'any';
export type FitsType = 'string' | 'integer' | 'float' | 'logical';

export interface KeywordSpec {
  level: Level;
  hdu: Placement;
  type: FitsType;
  description?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  exclusiveMinimum?: number;
  format?: 'fits-date';
  /** Custom ajv keyword: a plausible Modified Julian Date. */
  mjd?: true;
}

export interface Profile {
  profile: string;
  description: string;
  source: string;
  keywords: Record<string, KeywordSpec>;
}

interface ProfileKeyword {
  keyword: string;
  spec: KeywordSpec;
  constrainsValue: boolean;
  /** The keyword's number among every profile keyword of this thread (see `keywordSlot`). */
  slot: number;
}

interface CompiledProfile extends Profile {
  validate: Validator;
  /** The keywords in file order, prepared once: this loop runs for every file. */
  keywordList: ProfileKeyword[];
  /** Keyword → its position in `keywordList`, to find the card behind a validator error. */
  positionOf: Map<string, number>;
  /** The positions of the keywords with a date or MJD constraint, which ajv does not check. */
  extraChecked: number[];
  /**
   * The object the validator checks, made once with every keyword of the profile as a property:
   * each file fills in its values (undefined where none), so no object is built per file. The
   * validators skip undefined properties, as they skip absent ones.
   */
  shape: Record<string, unknown>;
  /** Per position in `keywordList`: the card and HDU that gave the value now in `shape`. */
  cards: (Card | undefined)[];
  hdus: (Hdu | undefined)[];
}

/**
 * Every keyword of every profile loaded on this thread gets a small number, so that the per-file
 * bookkeeping of `profileFindings` (reported once, checked once) is arrays stamped with the file's
 * run number instead of Sets built per file. Bounded by the profiles' own keywords.
 */
const keywordSlots = new Map<string, number>();
function keywordSlot(keyword: string): number {
  let slot = keywordSlots.get(keyword);
  if (slot === undefined) {
    slot = keywordSlots.size;
    keywordSlots.set(keyword, slot);
  }
  return slot;
}

export const DEFAULT_SCHEMA_DIR = packagePath('schemas', 'keywords');

/** MJD 100000 is the year 2132; anything larger is a JD or seconds. */
const MJD_LIMIT = 100_000;

const SEVERITY = { required: 'error', recommended: 'warning', suggested: 'info' } as const;

/**
 * The JSON Schema that ajv checks a profile's values against: each keyword's standard constraints.
 * `format: fits-date` and `mjd` are checked beside it (`extraValueErrors`), so that the schema
 * compiles to standalone code at build time.
 */
export function profileSchema(profile: Profile): object {
  const properties: Record<string, object> = {};
  for (const [keyword, spec] of Object.entries(profile.keywords)) {
    const {
      level: _level,
      hdu: _hdu,
      type: _type,
      description: _description,
      format: _format,
      mjd: _mjd,
      ...constraints
    } = spec;
    properties[keyword] = constraints;
  }
  return { type: 'object', properties };
}

/** Reads every profile in a directory (sorted by file name). */
export function readProfiles(dir: string = DEFAULT_SCHEMA_DIR): Profile[] {
  return readdirSync(dir)
    .sort()
    .filter((file) => file.endsWith('.json') && file !== 'profile.schema.json')
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile);
}

/**
 * A keyword's spec with every field present, in one order (undefined where the profile sets none):
 * the specs the per-file loop reads then share one shape. Only for that loop; the schema given to
 * ajv is built from the profile as written.
 */
function uniformSpec(spec: KeywordSpec): KeywordSpec {
  return {
    level: spec.level,
    hdu: spec.hdu,
    type: spec.type,
    description: spec.description,
    const: spec.const,
    enum: spec.enum,
    pattern: spec.pattern,
    minimum: spec.minimum,
    maximum: spec.maximum,
    exclusiveMaximum: spec.exclusiveMaximum,
    exclusiveMinimum: spec.exclusiveMinimum,
    format: spec.format,
    mjd: spec.mjd,
  };
}

/** Loads every profile in a directory with its value validator (ajv, allErrors). */
export function loadProfiles(dir: string = DEFAULT_SCHEMA_DIR): Map<string, CompiledProfile> {
  const profiles = new Map<string, CompiledProfile>();
  for (const profile of readProfiles(dir)) {
    const keywordList = Object.entries(profile.keywords).map(([keyword, spec]) => ({
      keyword,
      spec: uniformSpec(spec),
      constrainsValue: 'const' in spec || spec.enum !== undefined || spec.pattern !== undefined,
      slot: keywordSlot(keyword),
    }));
    profiles.set(profile.profile, {
      ...profile,
      // The bundled profiles are checked against the meta-schema in the tests; others are checked here.
      validate: compileSchema(profileSchema(profile), dir !== DEFAULT_SCHEMA_DIR),
      keywordList,
      positionOf: new Map(keywordList.map(({ keyword }, position) => [keyword, position])),
      extraChecked: keywordList.flatMap(({ spec }, position) =>
        spec.format !== undefined || spec.mjd !== undefined ? [position] : [],
      ),
      shape: Object.fromEntries(keywordList.map(({ keyword }) => [keyword, undefined])),
      cards: keywordList.map(() => undefined),
      hdus: keywordList.map(() => undefined),
    });
  }
  return profiles;
}

const NO_ERRORS: readonly ErrorObject[] = Object.freeze([]);

/**
 * The value problems of the two constraints JSON Schema cannot say: a FITS date, and a date scale.
 * `card`, when given, is the card the value comes from (its date problem is kept with it).
 */
function extraValueErrors(spec: KeywordSpec, value: unknown, card?: Card): readonly ErrorObject[] {
  // Most keywords have neither constraint: no array for them (this runs for every keyword of every file).
  if (spec.format === undefined && spec.mjd === undefined) return NO_ERRORS;
  // Arrays only for values with a problem: dates and MJDs of every file pass through here.
  const badDate =
    spec.format === 'fits-date' &&
    typeof value === 'string' &&
    (card ? cardDateProblem(card) !== null : fitsDateProblem(value) !== undefined);
  // Catches a JD (2.4 million) or seconds given as MJD.
  const badMjd = spec.mjd === true && typeof value === 'number' && !(value >= 0 && value < MJD_LIMIT);
  if (!badDate && !badMjd) return NO_ERRORS;
  const errors: ErrorObject[] = [];
  if (badDate) errors.push(constraintError('format'));
  if (badMjd) errors.push(constraintError('mjd'));
  return errors;
}

function constraintError(keyword: string): ErrorObject {
  return { keyword, instancePath: '', schemaPath: '', params: {} };
}

let defaults: Map<string, CompiledProfile> | undefined;
export function defaultProfiles(): Map<string, CompiledProfile> {
  defaults ??= loadProfiles();
  return defaults;
}

const BY_PRODUCT_TYPE: [RegExp, string][] = [
  [/^(i2d|img|drz|drc|mosaic|map|sci|stack|cube|s3d|wht|rms|exp|mask|segment|sim-img|psf)$/, 'image'],
  [/^(spec|spec1d|spec2d|spec3d|x1d|s2d|sed|c1d|1d|2d|line)$/, 'spectrum'],
  [/^(lc|tpf|cbv|eclipse)$/, 'lightcurve'],
  [/^(cat|phot-cat|phot|list|source)$/, 'catalog'],
];

/** The HDU that holds the product's data: the first with data, else the primary. */
export function dataHdu(fits: FitsFile): Hdu | undefined {
  for (const hdu of fits.hdus) if (hdu.dataSize > 0 && (intValue(hdu.keywords, 'NAXIS') ?? 0) > 0) return hdu;
  return fits.hdus[0];
}

/** The last file's choice: several hlsp rules ask for each file's profiles in turn. */
let lastChoiceContext: FitsContext | undefined;
let lastChoice: readonly string[] = [];

/** Profiles for a file: from the config, else from the product type in the name, else from the data HDU. */
export function chooseProfiles(context: FitsContext): readonly string[] {
  if (context !== lastChoiceContext) {
    lastChoice = chooseProfilesOnce(context);
    lastChoiceContext = context;
  }
  return lastChoice;
}

function chooseProfilesOnce(context: FitsContext): string[] {
  return profilesByName(context, () => {
    const data = dataHdu(context.fits);
    return data && (data.kind === 'image' || data.kind === 'primary') ? 'image' : undefined;
  });
}

/**
 * 'common', then the config's profiles, else the product type's from the name (or `fallback`'s when
 * the name says none) and 'jwst' for a JWST product.
 */
function profilesByName(
  context: Pick<ContentContext, 'profiles' | 'parsed'>,
  fallback: () => string | undefined = () => undefined,
): string[] {
  const chosen = new Set<string>(['common']);
  if (context.profiles.length > 0) for (const p of context.profiles) chosen.add(p);
  else {
    const type = context.parsed.productType.toLowerCase();
    const byName = BY_PRODUCT_TYPE.find(([pattern]) => pattern.test(type))?.[1] ?? fallback();
    if (byName) chosen.add(byName);
    if ((context.parsed.fields.observatory ?? '').toLowerCase().split('-').includes('jwst'))
      chosen.add('jwst');
  }
  return [...chosen];
}

export type ProfileFinding = FindingInput & { ruleId: string };

function typeOk(type: FitsType, value: ReturnType<typeof plainValue>): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'logical':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
    case 'float':
      return typeof value === 'number' || typeof value === 'bigint';
  }
}

/**
 * The value a keyword should have, when one is known: the profile's only allowed value (LICENSE),
 * else what the file name or the config implies (FILTER from opt-elem, HLSPLEAD from the config).
 */
export function expectedValue(
  keyword: string,
  spec: Pick<KeywordSpec, 'type' | 'const' | 'enum'>,
  implied: Pick<FitsContext, 'parsed' | 'settings'> | undefined,
): string | undefined {
  if (spec.type !== 'string') return undefined;
  if (typeof spec.const === 'string') return spec.const;
  if (spec.enum?.length === 1 && typeof spec.enum[0] === 'string') return spec.enum[0];
  const value = implied ? impliedValue(keyword, implied.parsed, implied.settings) : undefined;
  return value !== undefined && (spec.enum === undefined || spec.enum.includes(value)) ? value : undefined;
}

function describeValueError(
  keyword: string,
  spec: KeywordSpec,
  card: Card,
  error: ErrorObject,
  expected?: string,
): { message: string; hint: string } {
  const found = card.valueText ?? String(plainValue(card.value));
  switch (error.keyword) {
    case 'const':
      return {
        message: `${keyword} must be '${String(spec.const)}', found ${found}`,
        hint: `set ${assignment(keyword, String(spec.const))}`,
      };
    case 'enum':
      return {
        message: `${keyword} = ${found} is not one of ${spec.enum!.map((v) => `'${String(v)}'`).join(', ')}`,
        hint:
          expected !== undefined ? `set ${assignment(keyword, expected)}` : 'use one of the listed values',
      };
    case 'pattern':
      return {
        message: `${keyword} = ${found} does not have the expected form${spec.description ? ` (${spec.description})` : ''}`,
        hint:
          expected !== undefined ? `set ${assignment(keyword, expected)}` : `it must match ${spec.pattern}`,
      };
    case 'mjd':
      return {
        message: `${keyword} = ${found} is not a Modified Julian Date (expected 0 to ${MJD_LIMIT}; a JD is MJD + 2400000.5)`,
        hint: `write ${keyword} as MJD, e.g. 59751.5`,
      };
    case 'format':
      return {
        message: `${keyword} = ${found}: ${fitsDateProblem(String(plainValue(card.value)))?.message ?? 'not a FITS date'}`,
        hint: "write 'YYYY-MM-DDThh:mm:ss'",
      };
    default:
      return {
        message: `${keyword} = ${found} ${error.message ?? 'is out of range'}`,
        hint: spec.description ?? 'check the value',
      };
  }
}

/**
 * Why a keyword may be missing for another reason than its own: the header that would hold it was
 * not read (the reader stopped), or TIMESYS is missing where hlsp/timesys already says so.
 */
function missingCause(
  fits: FitsFile,
  keyword: string,
  home: number,
  primaryOnly: boolean,
): Pick<FindingInput, 'causedBy'> {
  const stop = readStop(fits);
  // A data keyword may stand in an extension that was never read, whichever HDU is taken for the data.
  if (stop && (home >= stop.firstUnread || !primaryOnly)) return { causedBy: stop.cause };
  if (keyword === 'TIMESYS')
    for (const hdu of fits.hdus) {
      const dated = dateWithoutTimesys(fits, hdu);
      if (dated)
        return {
          causedBy: { ruleId: 'hlsp/timesys', hdu: hdu.index, keyword: dated.keyword, offset: dated.offset },
        };
    }
  return {};
}

/**
 * Keyword slots marked for the file being checked: a slot is marked when its stamp is the file's
 * run number, so nothing is built or cleared per file.
 */
class SlotMarks {
  private stamps = new Int32Array(64);

  has(slot: number): boolean {
    return slot < this.stamps.length && this.stamps[slot] === run;
  }

  add(slot: number): void {
    if (slot >= this.stamps.length) this.stamps = grown(this.stamps, slot);
    this.stamps[slot] = run;
  }

  reset(): void {
    this.stamps.fill(0);
  }
}

/**
 * Cards marked for the file being checked. The card behind a profile keyword is the first with that
 * name in one HDU, so a card is its keyword slot and HDU number; a keyword marked in a second HDU
 * (profiles that place it differently) goes to a Set, made only then.
 */
class CardMarks {
  private stamps = new Int32Array(64);
  private hduIndexes = new Int32Array(64);
  private others: Set<Card> | undefined;
  private othersRun = 0;

  has(slot: number, hdu: Hdu, card: Card): boolean {
    if (slot >= this.stamps.length || this.stamps[slot] !== run) return false;
    if (this.hduIndexes[slot] === hdu.index) return true;
    return this.othersRun === run && this.others!.has(card);
  }

  add(slot: number, hdu: Hdu, card: Card): void {
    if (slot >= this.stamps.length) {
      this.stamps = grown(this.stamps, slot);
      this.hduIndexes = grown(this.hduIndexes, slot);
    }
    if (this.stamps[slot] !== run) {
      this.stamps[slot] = run;
      this.hduIndexes[slot] = hdu.index;
    } else if (this.hduIndexes[slot] !== hdu.index) {
      if (this.othersRun !== run) {
        this.others = new Set();
        this.othersRun = run;
      }
      this.others!.add(card);
    }
  }

  reset(): void {
    this.stamps.fill(0);
    this.othersRun = 0;
  }
}

function grown(array: Int32Array, slot: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(array.length * 2, slot + 1));
  bigger.set(array);
  return bigger;
}

/** The number of the current `profileFindings` call: what the marks of this call are stamped with. */
let run = 0;
const missingReported = new SlotMarks();
const placementReported = new SlotMarks();
const valueChecked = new CardMarks();
// A card whose type is wrong has no value a later profile could check: its finding stands alone.
const typeReported = new CardMarks();
/** Value problems reported in this call, by keyword and constraint (made only when there are some). */
const valueErrorReported = new Set<string>();
let valueErrorRun = 0;

function nextRun(): void {
  if (run === 0x7fffffff) {
    for (const marks of [missingReported, placementReported, valueChecked, typeReported]) marks.reset();
    valueErrorRun = 0;
    run = 0;
  }
  run++;
}

/** The last file checked with the default profiles: the four hlsp/keyword-* rules ask in turn. */
let lastContext: FitsContext | undefined;
let lastFindings: ProfileFinding[] = [];

/** Checks a file against its keyword profiles; the four hlsp/keyword-* rules each take their share. */
export function profileFindings(context: FitsContext, profiles = defaultProfiles()): ProfileFinding[] {
  if (context === lastContext && profiles === defaults) return lastFindings;
  const findings: ProfileFinding[] = [];
  const { fits } = context;
  const primary = fits.hdus[0];
  const data = dataHdu(fits);
  if (!primary || !data) return findings;
  // Each keyword is reported once per problem, even when several profiles ask for it.
  nextRun();
  for (const name of chooseProfiles(context)) {
    const profile = profiles.get(name);
    if (!profile) continue;
    const { keywordList, shape, cards, hdus } = profile;
    for (let position = 0; position < keywordList.length; position++) {
      const { keyword, spec, constrainsValue, slot } = keywordList[position]!;
      cards[position] = undefined;
      hdus[position] = undefined;
      // One lookup per header: this runs for every keyword of every file.
      let hdu = primary;
      let card = spec.hdu === 'data' ? undefined : primary.keywords.get(keyword);
      if (card === undefined && spec.hdu !== 'primary') {
        hdu = data;
        card = data.keywords.get(keyword);
      }
      if (card === undefined) {
        const elsewhere = fits.hdus.find((h) => h.keywords.has(keyword));
        if (!elsewhere) {
          if (missingReported.has(slot)) continue;
          missingReported.add(slot);
          const home = spec.hdu === 'primary' ? 0 : data.index;
          const expected = expectedValue(keyword, spec, context);
          findings.push({
            ...missingCause(fits, keyword, home, spec.hdu === 'primary'),
            ruleId: 'hlsp/keyword-required',
            severity: SEVERITY[spec.level],
            hdu: home,
            keyword,
            offset: fits.hdus[home]?.headerOffset ?? 0,
            message: `${keyword} is missing (${spec.level} in the ${profile.profile} profile${spec.description ? `: ${spec.description}` : ''})`,
            hint: `add ${expected !== undefined ? assignment(keyword, expected) : keyword} to ${home === 0 ? 'the primary header' : `HDU ${home}`}`,
          });
          continue;
        }
        hdu = elsewhere;
        card = elsewhere.keywords.get(keyword)!;
        if (!placementReported.has(slot)) {
          placementReported.add(slot);
          findings.push({
            ruleId: 'hlsp/keyword-placement',
            hdu: hdu.index,
            keyword,
            offset: card.offset,
            message: `${keyword} is in HDU ${hdu.index}, but belongs in the ${spec.hdu === 'primary' ? 'primary header' : spec.hdu === 'data' ? `HDU that holds the data (HDU ${data.index})` : `primary header or HDU ${data.index}`}`,
            hint: `move ${keyword} there`,
          });
        }
      }
      if (typeReported.has(slot, hdu, card)) continue;
      if (valueChecked.has(slot, hdu, card) && !constrainsValue) continue;
      valueChecked.add(slot, hdu, card);
      const value = plainValue(card.value);
      if (card.value?.type === 'undefined' || value === null) {
        typeReported.add(slot, hdu, card);
        const expected = expectedValue(keyword, spec, context);
        findings.push({
          ruleId: 'hlsp/keyword-type',
          hdu: hdu.index,
          keyword,
          offset: card.offset,
          severity: SEVERITY[spec.level],
          message: `${keyword} has no value`,
          hint:
            expected !== undefined
              ? `set ${assignment(keyword, expected)}`
              : `give ${keyword} a ${spec.type} value`,
        });
        continue;
      }
      if (!typeOk(spec.type, value)) {
        typeReported.add(slot, hdu, card);
        const numeric =
          typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value.trim()));
        findings.push({
          ruleId: 'hlsp/keyword-type',
          hdu: hdu.index,
          keyword,
          offset: card.offset,
          message: numeric
            ? `${keyword} is a number written as a string (${card.valueText}); it must be a ${spec.type}`
            : `${keyword} must be a ${spec.type}, found ${card.valueText ?? String(value)}`,
          hint: numeric
            ? `remove the quotes: ${keyword} = ${value.trim()}`
            : spec.type === 'string'
              ? `quote the value: ${keyword} = '${String(value)}'`
              : `write a ${spec.type}`,
        });
        continue;
      }
      shape[keyword] = typeof value === 'bigint' ? Number(value) : value;
      cards[position] = card;
      hdus[position] = hdu;
    }
    // A keyword with no value to check here loses the last file's; one store per such keyword,
    // not one more for every keyword of every file.
    for (let position = 0; position < keywordList.length; position++)
      if (cards[position] === undefined) shape[keywordList[position]!.keyword] = undefined;
    if (!profile.validate(shape))
      for (const error of profile.validate.errors ?? [])
        reportValueError(findings, profile, error.instancePath.split('/')[1] ?? '', error, context);
    for (const position of profile.extraChecked) {
      if (cards[position] === undefined) continue;
      const { keyword, spec } = keywordList[position]!;
      for (const error of extraValueErrors(spec, shape[keyword], cards[position]))
        reportValueError(findings, profile, keyword, error, context);
    }
  }
  if (profiles === defaults) {
    lastContext = context;
    lastFindings = findings;
  }
  return findings;
}

/** One value problem of a profile keyword, reported once per file for each keyword and constraint. */
function reportValueError(
  findings: ProfileFinding[],
  profile: CompiledProfile,
  keyword: string,
  error: ErrorObject,
  context: FitsContext,
): void {
  const position = profile.positionOf.get(keyword);
  const card = position === undefined ? undefined : profile.cards[position];
  if (position === undefined || card === undefined) return;
  // fits/date-format already reports every malformed DATE* value; say it once.
  if (error.keyword === 'format' && keyword.startsWith('DATE')) return;
  if (valueErrorRun !== run) {
    valueErrorReported.clear();
    valueErrorRun = run;
  }
  const key = `${keyword}\n${error.keyword}`;
  if (valueErrorReported.has(key)) return;
  valueErrorReported.add(key);
  const spec = profile.keywords[keyword]!;
  const { message, hint } = describeValueError(
    keyword,
    spec,
    card,
    error,
    expectedValue(keyword, spec, context),
  );
  findings.push({
    ruleId: 'hlsp/keyword-value',
    hdu: profile.hdus[position]!.index,
    keyword,
    offset: card.offset,
    message,
    hint,
  });
}

/**
 * Profiles for the metadata of a table or tree file (ECSV meta, Parquet key-value metadata, …): from
 * the config, else from the product type in the name (as for FITS, without the HDU fallback).
 */
export function chooseMetadataProfiles(context: Pick<ContentContext, 'profiles' | 'parsed'>): string[] {
  return profilesByName(context);
}

/** ": 'CC BY 4.0'" when the value is known, else nothing. */
function metadataExpected(
  keyword: string,
  spec: KeywordSpec,
  implied: Pick<ContentContext, 'parsed' | 'settings'> | undefined,
): string {
  const expected = expectedValue(keyword, spec, implied);
  return expected !== undefined ? `: ${metadataValueText(expected)}` : '';
}

function metadataValueText(value: string | number | boolean | null): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/**
 * Checks a plain keyword → value map (one metadata block: placement does not apply) against the
 * profiles, with the severities of the FITS checks: a missing keyword by its level, a wrong type or
 * an empty value as an error (an empty one by its level), a value outside the profile's constraints
 * as an error. Each keyword is reported once per problem.
 */
export function metadataProfileFindings(
  metadata: ReadonlyMap<string, string | number | boolean | null>,
  profileNames: readonly string[],
  profiles = defaultProfiles(),
  implied?: Pick<ContentContext, 'parsed' | 'settings'>,
): FindingInput[] {
  const findings: FindingInput[] = [];
  const reported = new Set<string>();
  for (const name of profileNames) {
    const profile = profiles.get(name);
    if (!profile) continue;
    const values = new Map<string, unknown>();
    for (const { keyword, spec } of profile.keywordList) {
      const value = metadata.get(keyword);
      if (value === undefined) {
        if (reported.has(`${keyword}\nmissing`)) continue;
        reported.add(`${keyword}\nmissing`);
        findings.push({
          keyword,
          severity: SEVERITY[spec.level],
          message: `${keyword} is missing from the metadata (${spec.level} in the ${profile.profile} profile${spec.description ? `: ${spec.description}` : ''})`,
          hint: `add ${keyword}${metadataExpected(keyword, spec, implied)} to the file's metadata`,
        });
        continue;
      }
      if (reported.has(`${keyword}\ntype`)) continue;
      if (value === null || value === '') {
        reported.add(`${keyword}\ntype`);
        findings.push({
          keyword,
          severity: SEVERITY[spec.level],
          message: `${keyword} has no value`,
          hint:
            metadataExpected(keyword, spec, implied) !== ''
              ? `set ${keyword}${metadataExpected(keyword, spec, implied)}`
              : `give ${keyword} a ${spec.type} value`,
        });
        continue;
      }
      if (!typeOk(spec.type, value)) {
        reported.add(`${keyword}\ntype`);
        const numeric = typeof value === 'string' && !Number.isNaN(Number(value.trim()));
        findings.push({
          keyword,
          severity: 'error',
          message: numeric
            ? `${keyword} is a number written as a string (${metadataValueText(value)}); it must be a ${spec.type}`
            : `${keyword} must be a ${spec.type}, found ${metadataValueText(value)}`,
          hint:
            spec.type === 'string'
              ? `quote the value: ${keyword}: '${String(value)}'`
              : `write a ${spec.type}`,
        });
        continue;
      }
      values.set(keyword, value);
    }
    const errors: { keyword: string; error: ErrorObject }[] = [];
    if (!profile.validate(Object.fromEntries(values)))
      for (const error of profile.validate.errors ?? [])
        errors.push({ keyword: error.instancePath.split('/')[1] ?? '', error });
    for (const [keyword, value] of values) {
      const spec = profile.keywords[keyword]!;
      for (const error of extraValueErrors(uniformSpec(spec), value)) errors.push({ keyword, error });
    }
    for (const { keyword, error } of errors) {
      const value = metadata.get(keyword);
      if (value === undefined) continue;
      const key = `${keyword}\n${error.keyword}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const card = { valueText: metadataValueText(value), value: undefined } as unknown as Card;
      const described =
        error.keyword === 'format'
          ? {
              message: `${keyword} = ${metadataValueText(value)}: ${fitsDateProblem(String(value))?.message ?? 'not a FITS date'}`,
              hint: "write 'YYYY-MM-DDThh:mm:ss'",
            }
          : describeValueError(
              keyword,
              profile.keywords[keyword]!,
              card,
              error,
              expectedValue(keyword, profile.keywords[keyword]!, implied),
            );
      findings.push({ keyword, severity: 'error', ...described });
    }
  }
  return findings;
}
