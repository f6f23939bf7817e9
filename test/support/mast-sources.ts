/**
 * The MAST source corpus (fixtures/mast-sources): a small MIRI MRS contribution whose products name
 * source observations in the shapes MAST really answers with (fixtures/mast-recorded): a CAOM row
 * with `filters: null` whose optical element only the Mission Search record gives (channel and
 * band), a row for which neither service names one, a calibration observation, a row without
 * dataRights or t_obs_release as in the CAOM answers astroquery recorded, and a cube whose WCS
 * misses the source's s_region. One product per shape, so each finding in
 * fixtures/mast-sources.expected.json names the shape that caused it.
 * `UPDATE_GOLDEN=1 npx vitest run test/fixtures` rewrites the files and their recorded MAST answers.
 */
import { type CardSpec, card, fitsFile, float32Data, type HduSpec, primaryCards } from './fits-builder.js';

export const MRS_PROJECT = 'mrsdemo';
const VERSION = 'v1.0';
const PROGRAM = '1039';
const TARGET = 'mrs-cal-field';
/** The field's centre, as MAST gives it for the program's MRS observations (s_ra, s_dec). */
const FIELD_RA = 82.9525;
const FIELD_DEC = -68.9962;

/** One product and what MAST's answer for its source should make of it. */
export interface MrsProduct {
  path: string;
  /** What is special about the source observation's rows in MAST. */
  shape: string;
  /** The rule that must report on this product, and only on it; none: the product gets no finding. */
  ruleId?: string;
  severity?: 'error' | 'warning' | 'info';
}

interface ProductSpec {
  /** MRS channel and band as the name and the header give them. */
  channel: string;
  band: 'SHORT' | 'MEDIUM' | 'LONG';
  /** The source observation (CAOM obs_id) in FILEID01. */
  source: string;
  /** The source's exposure, MJD (t_min, t_max in MAST). */
  start: number;
  end: number;
  shape: string;
  ruleId?: string;
  severity?: MrsProduct['severity'];
  /** The product type in the name (default s3d). */
  type?: string;
  /** CRVAL1 as the product writes it, where it is wrong. */
  crval1?: number;
}

const SPECS: ProductSpec[] = [
  {
    channel: '3',
    band: 'LONG',
    source: 'jw01039-o004_t001_miri_ch3-long',
    start: 59789.4102,
    end: 59789.4588,
    shape:
      'CAOM gives filters: null; the Mission Search record gives channel 3, band LONG, as the header does',
  },
  {
    channel: '1',
    band: 'MEDIUM',
    source: 'jw01039-o004_t001_miri_ch3-long',
    start: 59789.4102,
    end: 59789.4588,
    shape:
      'CHANNEL/BAND say 1/MEDIUM, but the Mission Search record of the source gives channel 3, band LONG',
    ruleId: 'mast/filter-match',
    severity: 'error',
  },
  {
    channel: '1',
    band: 'SHORT',
    source: 'jw01039-o005_t001_miri_ch1-short',
    start: 59789.5102,
    end: 59789.5588,
    shape: 'neither CAOM nor the Mission Search names an optical element for the source',
    ruleId: 'mast/filter-match',
    severity: 'info',
  },
  {
    channel: '4',
    band: 'SHORT',
    source: 'jw01039-o006_t001_miri_ch4-short',
    start: 59789.6102,
    end: 59789.6588,
    shape: "the source's CAOM row has intentType 'calibration'",
    ruleId: 'mast/calibration-source',
    severity: 'warning',
  },
  {
    channel: '2',
    band: 'MEDIUM',
    source: 'jw01039-o007_t001_miri_ch2-medium',
    start: 59789.7102,
    end: 59789.7588,
    shape:
      "the source's CAOM row has no dataRights or t_obs_release (and a CIRCLE s_region), as in the answers astroquery recorded",
    ruleId: 'mast/exclusive-access',
    severity: 'warning',
  },
  {
    channel: '3',
    band: 'LONG',
    source: 'jw01039-o004_t001_miri_ch3-long',
    start: 59789.4102,
    end: 59789.4588,
    type: 'cube',
    shape: "CRVAL1 is the field's RA in hours (5.53), not degrees: the cube misses the source's s_region",
    ruleId: 'mast/footprint-overlap',
    severity: 'warning',
    crval1: Number((FIELD_RA / 15).toFixed(4)),
  },
];

/** Central wavelength (um) of each MRS channel and band, for the cube's spectral axis. */
const WAVELENGTH: Record<string, number> = {
  '1-SHORT': 5.3,
  '1-MEDIUM': 6.2,
  '2-MEDIUM': 9.4,
  '3-LONG': 16.5,
  '4-SHORT': 19.8,
};

/** The letter the MRS apertures give each band (MIRIFU_CHANNEL3C is channel 3, LONG). */
const SUB_BAND = { SHORT: 'A', MEDIUM: 'B', LONG: 'C' } as const;

function mjdToIso(mjd: number): string {
  const ms = (mjd - 40587) * 86_400_000;
  return new Date(Math.round(ms)).toISOString().replace('Z', '');
}

function element(spec: ProductSpec): string {
  return `ch${spec.channel}-${spec.band.toLowerCase()}`;
}

function productPath(spec: ProductSpec): string {
  return `cubes/hlsp_${MRS_PROJECT}_jwst_miri_${TARGET}_${element(spec)}_${VERSION}_${spec.type ?? 's3d'}.fits`;
}

function primary(spec: ProductSpec): CardSpec[] {
  return [
    ...primaryCards(),
    card('DATE', '2026-11-01T00:00:00', 'file creation date (UTC)'),
    card('HLSPID', MRS_PROJECT.toUpperCase(), 'HLSP identifier (acronym)'),
    card('HLSPLEAD', 'Ada Example', 'full name of HLSP project lead'),
    card('HLSPNAME', 'MIRI MRS demo of a calibration field', 'title of HLSP project'),
    card('HLSPTARG', TARGET.toUpperCase(), 'designation of the target(s) or field(s)'),
    card('HLSPVER', VERSION, 'version identifier for HLSP product'),
    card('DOI', '10.17909/demo-0002', 'digital object identifier of the collection'),
    card('LICENSE', 'CC BY 4.0', 'license for use of these data'),
    card('LICENURL', 'https://creativecommons.org/licenses/by/4.0/', 'data license URL'),
    card('TELESCOP', 'JWST', 'telescope used to acquire the data'),
    card('OBSERVAT', 'JWST', 'observatory'),
    card('INSTRUME', 'MIRI', 'instrument used to acquire the data'),
    // MRS products name their element by channel and band; they have no FILTER.
    card('CHANNEL', spec.channel, 'MRS channel'),
    card('BAND', spec.band, 'MRS band'),
    card('DETECTOR', Number(spec.channel) <= 2 ? 'MIRIFUSHORT' : 'MIRIFULONG', 'detector'),
    card('PROPOSID', PROGRAM, 'JWST program number'),
    card('CAL_VER', '1.14.0', 'JWST pipeline version of the source data'),
    card('REFERENC', '2015PASP..127..646W', 'bibliographic reference'),
    card('TIMESYS', 'UTC', 'time scale of the time-related keywords'),
    card('FILEID01', spec.source, 'source observation'),
  ];
}

function dateCards(spec: ProductSpec): CardSpec[] {
  const seconds = Math.round((spec.end - spec.start) * 86_400);
  return [
    card('DATE-BEG', mjdToIso(spec.start), 'start of the first exposure (UTC)'),
    card('DATE-END', mjdToIso(spec.end), 'end of the last exposure (UTC)'),
    card('MJD-BEG', spec.start, 'start of the first exposure (MJD)'),
    card('MJD-END', spec.end, 'end of the last exposure (MJD)'),
    card('MJD-MID', Number(((spec.start + spec.end) / 2).toFixed(5)), 'middle of the observation (MJD)'),
    card('TIMESYS', 'UTC', 'time scale'),
    card('XPOSURE', 1110.0, '[s] total exposure time'),
    card('TELAPSE', seconds, '[s] first start to last end'),
  ];
}

/** Deterministic pseudo-random numbers: the fixtures must rebuild byte for byte. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A small spectral cube (RA, Dec, wavelength) centred on the field, as the pipeline's s3d. */
function cube(spec: ProductSpec, seed: number): HduSpec[] {
  const side = 8;
  const planes = 4;
  const random = generator(seed);
  const pixels = float32Data(
    Array.from({ length: side * side * planes }, () => Number((random() * 50).toFixed(3))),
  );
  const extension: CardSpec[] = [
    card('XTENSION', 'IMAGE', 'image extension'),
    card('BITPIX', -32),
    card('NAXIS', 3),
    card('NAXIS1', side),
    card('NAXIS2', side),
    card('NAXIS3', planes),
    card('PCOUNT', 0),
    card('GCOUNT', 1),
    card('EXTNAME', 'SCI', 'extension name'),
    card('BUNIT', 'MJy/sr'),
    // The HLSP image profile asks for FILTER; an MRS cube's element is its channel and band.
    card('FILTER', element(spec).toUpperCase(), 'MRS channel and band'),
    card('APERTURE', `MIRIFU_CHANNEL${spec.channel}${SUB_BAND[spec.band]}`, 'aperture'),
    card('PSFSIZE', 3.2, '[pixel] FWHM of the PSF'),
    card('RA_TARG', FIELD_RA, '[deg] target right ascension'),
    card('DEC_TARG', FIELD_DEC, '[deg] target declination'),
    ...dateCards(spec),
    card('WCSAXES', 3),
    card('CTYPE1', 'RA---TAN'),
    card('CTYPE2', 'DEC--TAN'),
    card('CTYPE3', 'WAVE'),
    card('CUNIT1', 'deg'),
    card('CUNIT2', 'deg'),
    card('CUNIT3', 'um'),
    card('CRPIX1', side / 2 + 0.5),
    card('CRPIX2', side / 2 + 0.5),
    card('CRPIX3', 1.0),
    card('CRVAL1', spec.crval1 ?? FIELD_RA),
    card('CRVAL2', FIELD_DEC),
    card('CRVAL3', WAVELENGTH[`${spec.channel}-${spec.band}`]!),
    card('CDELT1', -5.5556e-5),
    card('CDELT2', 5.5556e-5),
    card('CDELT3', 0.003),
    card('RADESYS', 'ICRS'),
  ];
  return [
    { cards: primary(spec), checksum: true },
    { cards: extension, data: pixels, checksum: true },
  ];
}

const README = `# MRSDEMO: MIRI MRS demo of a calibration field

Version: v1.0 (first delivery; no changes since a previous version).
Contribution date: 2026-11-01.

## Contact
Ada Example, Example University — ada@example.org

## References
Please cite the collection DOI 10.17909/demo-0002 and Wells et al. 2015, PASP 127, 646 (2015PASP..127..646W).

## Description of the files
- \`cubes/\`: MIRI MRS spectral cubes (\`_s3d.fits\`), one per channel and band (\`ch3-long\` is channel 3, band LONG), and channel 3 LONG again resampled to a coarser wavelength grid (\`_cube.fits\`): extension SCI (surface brightness, MJy/sr) on RA, Dec and wavelength (um).

All products were made from JWST program 1039; the FILEID01 keyword names the source observation in MAST, and CHANNEL and BAND its optical element.
This is demonstration data generated for the hlsp-validate test suite, not a real HLSP.
`;

const CONFIG = {
  project: MRS_PROJECT,
  doi: '10.17909/demo-0002',
  title: 'MIRI MRS demo of a calibration field',
  lead: 'Ada Example',
  version: VERSION,
  mast: { mode: 'cache', cacheDir: 'mast-cache' },
  ignore: ['mast-cache/**'],
};

/** The corpus's files by relative path, and what each product's source shape should give. */
export function mastSourcesFiles(): { files: Map<string, Buffer>; products: MrsProduct[] } {
  const files = new Map<string, Buffer>();
  const products: MrsProduct[] = [];
  SPECS.forEach((spec, i) => {
    const path = productPath(spec);
    files.set(path, fitsFile(cube(spec, 200 + i)));
    products.push({
      path,
      shape: spec.shape,
      ...(spec.ruleId ? { ruleId: spec.ruleId } : {}),
      ...(spec.severity ? { severity: spec.severity } : {}),
    });
  });
  files.set(`hlsp_${MRS_PROJECT}_readme.md`, Buffer.from(README));
  files.set('hlsp.config.json', Buffer.from(`${JSON.stringify(CONFIG, null, 2)}\n`));
  return { files, products };
}
