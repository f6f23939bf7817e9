/**
 * Unit symbol tables for the FITS Standard 4.0 §4.3 (Tables 3–5) and IVOA VOUnits 1.0 (§2.3–2.8).
 *
 * FITS: Table 3 (SI base and IAU-derived units) and the units of Table 4 marked "prefixes allowed"
 * take any Table 5 prefix; the other Table 4 units take none. erg, barn, G, D and Angstrom are
 * "deprecated in the IAU Style Manual but still in use": allowed, so they are known here.
 * `pixel` and `pix` are both Table 4 units; neither is deprecated in FITS.
 *
 * VOUnits: every recognised unit may take an SI prefix (binary units also Ki…Ei); a few symbols
 * have no prefixed form, and some are recognised but deprecated in favour of another spelling.
 *
 * Common non-standard spellings seen in real headers (DEGREES, JY, sec…) are listed once, for both
 * dialects, with the standard spelling they stand for; wcslib's wcsutrn() translates most of them.
 */

export type UnitDialect = 'fits' | 'vounit';

/** Table 5 (FITS) / VOUnits §2.6: decimal prefixes and their power of ten. */
export const SI_PREFIXES: ReadonlyMap<string, number> = new Map([
  ['y', -24],
  ['z', -21],
  ['a', -18],
  ['f', -15],
  ['p', -12],
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['c', -2],
  ['d', -1],
  ['da', 1],
  ['h', 2],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
  ['Z', 21],
  ['Y', 24],
]);

/** VOUnits §2.5: binary prefixes, for bit, byte and B only. */
export const BINARY_PREFIXES: ReadonlySet<string> = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

const FITS_SI = ['m', 'g', 's', 'rad', 'sr', 'K', 'A', 'mol', 'cd'];
const FITS_DERIVED = ['Hz', 'J', 'W', 'V', 'N', 'Pa', 'C', 'Ohm', 'S', 'F', 'Wb', 'T', 'H', 'lm', 'lx'];
/** Table 4 units marked "addition of prefixes for decimal multiples and submultiples allowed". */
const FITS_PREFIXABLE_EXTRA = ['a', 'yr', 'eV', 'pc', 'Jy', 'mag', 'R', 'G', 'barn', 'bit', 'byte'];
/** Table 4 units that take no prefix. */
const FITS_PLAIN = [
  'deg',
  'arcmin',
  'arcsec',
  'mas',
  'min',
  'h',
  'd',
  'erg',
  'Ry',
  'solMass',
  'u',
  'solLum',
  'Angstrom',
  'solRad',
  'AU',
  'lyr',
  'count',
  'ct',
  'photon',
  'ph',
  'pixel',
  'pix',
  'D',
  'Sun',
  'chan',
  'bin',
  'voxel',
  'adu',
  'beam',
];

/** VOUnits Tables 1, 2, 4 and 6: recognised units that take SI prefixes. */
const VOUNIT_PREFIXABLE = [
  ...FITS_SI,
  ...FITS_DERIVED,
  'a',
  'yr',
  'eV',
  'pc',
  'Jy',
  'mag',
  'R',
  'G',
  'barn',
  'D',
  'Ry',
  'adu',
  'arcmin',
  'arcsec',
  'beam',
  'bin',
  'chan',
  'count',
  'ct',
  'd',
  'deg',
  'erg',
  'h',
  'lyr',
  'min',
  'ph',
  'photon',
  'pix',
  'pixel',
  'solLum',
  'solMass',
  'solRad',
  'u',
  'voxel',
];
/** VOUnits §2.5: bit, byte and B (byte) take SI and binary prefixes (but dB is the decibel). */
const VOUNIT_BINARY = ['bit', 'byte', 'B'];
/** VOUnits symbols without prefixed forms. */
const VOUNIT_PLAIN = ['Angstrom', 'angstrom', 'AU', 'au', 'Ba', 'dB', 'mas', '%'];
/** Prefixed spellings VOUnits parsers read as something else (percent, yard): not prefix + unit. */
const VOUNIT_NOT_PREFIXED = new Set(['pct', 'pcount', 'yd']);

/** VOUnits: recognised but deprecated symbols, and what to write instead. */
const VOUNIT_DEPRECATED: ReadonlyMap<string, string> = new Map([
  ['Angstrom', '0.1nm'],
  ['angstrom', '0.1nm'],
  ['erg', '1e-7J'],
  ['G', '1e-4T'],
  ['barn', '1e-28m**2'],
  ['Ba', '0.1Pa'],
  ['ct', 'count'],
  ['ph', 'photon'],
  ['pix', 'pixel'],
  ['a', 'yr'],
  ['au', 'AU'],
]);

/**
 * Non-standard spellings common in real headers → the standard symbol. Exact, case-sensitive keys,
 * looked up only when the symbol is not a unit: `S`, `H`, `D`, `EV` (exavolt) and `PC` (petacoulomb)
 * are real units and are never rewritten (wcslib's wcsutrn() also refuses to by default).
 */
export const COMMON_MISSPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    DEG: 'deg',
    Deg: 'deg',
    DEGREE: 'deg',
    DEGREES: 'deg',
    degree: 'deg',
    degrees: 'deg',
    ARCMIN: 'arcmin',
    ARCMINS: 'arcmin',
    arcmins: 'arcmin',
    ARCSEC: 'arcsec',
    ARCSECS: 'arcsec',
    arcsecs: 'arcsec',
    MAS: 'mas',
    RAD: 'rad',
    RADIAN: 'rad',
    RADIANS: 'rad',
    radian: 'rad',
    radians: 'rad',
    SEC: 's',
    sec: 's',
    secs: 's',
    SECOND: 's',
    SECONDS: 's',
    second: 's',
    seconds: 's',
    MIN: 'min',
    mins: 'min',
    minute: 'min',
    minutes: 'min',
    HR: 'h',
    hr: 'h',
    hrs: 'h',
    hour: 'h',
    hours: 'h',
    HOUR: 'h',
    HOURS: 'h',
    DAY: 'd',
    DAYS: 'd',
    day: 'd',
    days: 'd',
    YR: 'yr',
    YEAR: 'yr',
    YEARS: 'yr',
    year: 'yr',
    years: 'yr',
    METER: 'm',
    METERS: 'm',
    METRE: 'm',
    METRES: 'm',
    meter: 'm',
    meters: 'm',
    metre: 'm',
    metres: 'm',
    KM: 'km',
    CM: 'cm',
    MM: 'mm',
    micron: 'um',
    microns: 'um',
    MICRON: 'um',
    MICRONS: 'um',
    ANGSTROM: 'Angstrom',
    ANGSTROMS: 'Angstrom',
    angstrom: 'Angstrom',
    Angstroms: 'Angstrom',
    angstroms: 'Angstrom',
    ERG: 'erg',
    ERGS: 'erg',
    ergs: 'erg',
    JY: 'Jy',
    jy: 'Jy',
    MJY: 'MJy',
    mJY: 'mJy',
    HZ: 'Hz',
    hz: 'Hz',
    KHZ: 'kHz',
    MHZ: 'MHz',
    GHZ: 'GHz',
    KELVIN: 'K',
    Kelvin: 'K',
    kelvin: 'K',
    kelvins: 'K',
    VOLT: 'V',
    VOLTS: 'V',
    volt: 'V',
    volts: 'V',
    WATT: 'W',
    WATTS: 'W',
    watt: 'W',
    watts: 'W',
    OHM: 'Ohm',
    ohm: 'Ohm',
    ohms: 'Ohm',
    SR: 'sr',
    STERADIAN: 'sr',
    steradian: 'sr',
    steradians: 'sr',
    MAG: 'mag',
    MAGS: 'mag',
    mags: 'mag',
    magnitude: 'mag',
    magnitudes: 'mag',
    COUNT: 'count',
    COUNTS: 'count',
    Counts: 'count',
    counts: 'count',
    cts: 'count',
    CTS: 'count',
    PHOTON: 'photon',
    PHOTONS: 'photon',
    photons: 'photon',
    PIXEL: 'pixel',
    PIXELS: 'pixel',
    pixels: 'pixel',
    PIX: 'pix',
    VOXEL: 'voxel',
    voxels: 'voxel',
    ADU: 'adu',
    ADUS: 'adu',
    adus: 'adu',
    BEAM: 'beam',
    beams: 'beam',
    BIN: 'bin',
    bins: 'bin',
    CHAN: 'chan',
    channel: 'chan',
    channels: 'chan',
    BYTE: 'byte',
    BYTES: 'byte',
    Byte: 'byte',
    bytes: 'byte',
    BIT: 'bit',
    BITS: 'bit',
    bits: 'bit',
    parsec: 'pc',
    parsecs: 'pc',
    KPC: 'kpc',
    MPC: 'Mpc',
    KEV: 'keV',
    MEV: 'MeV',
    au: 'AU',
    SOLMASS: 'solMass',
    Msun: 'solMass',
    Msol: 'solMass',
    Lsun: 'solLum',
    Lsol: 'solLum',
    Rsun: 'solRad',
    Rsol: 'solRad',
  }),
);

export type SymbolStatus = 'known' | 'deprecated' | 'unknown';

export interface SymbolInfo {
  status: SymbolStatus;
  /** The prefix found (empty when none or when the symbol is unknown). */
  prefix: string;
  /** The unit without its prefix, as written. */
  base: string;
  /** What to write instead, for deprecated symbols. */
  standard?: string;
}

interface DialectTable {
  prefixable: ReadonlySet<string>;
  binary: ReadonlySet<string>;
  plain: ReadonlySet<string>;
  deprecated: ReadonlyMap<string, string>;
  notPrefixed: ReadonlySet<string>;
}

const TABLES: Record<UnitDialect, DialectTable> = {
  fits: {
    prefixable: new Set([...FITS_SI, ...FITS_DERIVED, ...FITS_PREFIXABLE_EXTRA]),
    binary: new Set(),
    plain: new Set(FITS_PLAIN),
    deprecated: new Map(),
    notPrefixed: new Set(),
  },
  vounit: {
    prefixable: new Set(VOUNIT_PREFIXABLE),
    binary: new Set(VOUNIT_BINARY),
    plain: new Set(VOUNIT_PLAIN),
    deprecated: VOUNIT_DEPRECATED,
    notPrefixed: VOUNIT_NOT_PREFIXED,
  },
};

/** Whether a symbol is a unit of the dialect without any prefix. */
function isBareUnit(table: DialectTable, symbol: string): boolean {
  return table.prefixable.has(symbol) || table.plain.has(symbol) || table.binary.has(symbol);
}

/** The prefix + unit split of a symbol, if it is a prefixed unit of the dialect. */
function splitPrefixed(table: DialectTable, symbol: string): { prefix: string; base: string } | undefined {
  if (table.notPrefixed.has(symbol)) return undefined;
  for (const length of [2, 1]) {
    const prefix = symbol.slice(0, length);
    const base = symbol.slice(length);
    if (base === '') continue;
    if (SI_PREFIXES.has(prefix) && (table.prefixable.has(base) || table.binary.has(base)))
      return { prefix, base };
    if (BINARY_PREFIXES.has(prefix) && table.binary.has(base)) return { prefix, base };
  }
  return undefined;
}

/** Turns a deprecated base's replacement into one for the prefixed symbol (`mG` → `1e-4mT`). */
function prefixedReplacement(prefix: string, replacement: string): string {
  const scaled = /^([0-9.e+-]+)(.*)$/.exec(replacement);
  if (!scaled) return prefix + replacement;
  return `${scaled[1]}${prefix}${scaled[2]}`;
}

/**
 * What a unit symbol (letters, or `%`) is in a dialect. The whole symbol is tried first, so `Pa`
 * is the pascal (not peta-annum), `mas` the milliarcsecond and `cd` the candela.
 */
export function lookUpSymbol(symbol: string, dialect: UnitDialect): SymbolInfo {
  const table = TABLES[dialect];
  if (isBareUnit(table, symbol)) {
    const standard = table.deprecated.get(symbol);
    if (standard !== undefined) return { status: 'deprecated', prefix: '', base: symbol, standard };
    return { status: 'known', prefix: '', base: symbol };
  }
  const split = splitPrefixed(table, symbol);
  if (split) {
    const replaced = table.deprecated.get(split.base);
    if (replaced !== undefined)
      return { status: 'deprecated', ...split, standard: prefixedReplacement(split.prefix, replaced) };
    return { status: 'known', ...split };
  }
  const misspelt = COMMON_MISSPELLINGS.get(symbol);
  if (misspelt !== undefined) return { status: 'deprecated', prefix: '', base: symbol, standard: misspelt };
  return { status: 'unknown', prefix: '', base: symbol };
}

/** FITS Table 6 functions; VOUnits (Table 8) adds the trigonometric and hyperbolic ones (from OGIP). */
export const FUNCTIONS: Record<UnitDialect, ReadonlySet<string>> = {
  fits: new Set(['log', 'ln', 'exp', 'sqrt']),
  vounit: new Set([
    'log',
    'ln',
    'exp',
    'sqrt',
    'sin',
    'cos',
    'tan',
    'asin',
    'acos',
    'atan',
    'sinh',
    'cosh',
    'tanh',
  ]),
};
