/**
 * The demo contribution (fixtures/demo) and its broken twin (fixtures/demo-broken): a small,
 * realistic JWST HLSP built from scratch. `UPDATE_GOLDEN=1 npx vitest run test/fixtures` rewrites
 * them; otherwise test/fixtures/demo.test.ts checks the committed files equal what this builds.
 */

import { type AsdfSpec, asdfFile } from './asdf-writer.js';
import {
  binaryTableCards,
  type CardSpec,
  card,
  fitsFile,
  float32Data,
  type HduSpec,
  primaryCards,
} from './fits-builder.js';
import { demoPreviewPng } from './image-builder.js';
import { binary, chunkMeta, struct, writeParquet } from './parquet-writer.js';
import { compressImageHdu } from './tile-compress.js';

export const DEMO_PROJECT = 'nirdemo';
export const DEMO_DOI = '10.17909/demo-0001';
export const DEMO_LEAD = 'Ada Example';
export const DEMO_VERSION = 'v1.0';
const PROGRAM = '2736';
const TARGET_RA = 110.8375;
const TARGET_DEC = -73.4391;
const MJD_BEG = 59737.2;
const MJD_END = 59737.9;

/** Text files and FITS files of a contribution, by relative path. */
export type Contribution = Map<string, Buffer>;

function mjdToIso(mjd: number): string {
  const ms = (mjd - 40587) * 86_400_000;
  return new Date(Math.round(ms)).toISOString().replace('Z', '');
}

function commonPrimary(instrument: string, extra: CardSpec[]): CardSpec[] {
  return [
    ...primaryCards(),
    card('DATE', '2026-11-01T00:00:00', 'file creation date (UTC)'),
    card('HLSPID', DEMO_PROJECT.toUpperCase(), 'HLSP identifier (acronym)'),
    card('HLSPLEAD', DEMO_LEAD, 'full name of HLSP project lead'),
    card('HLSPNAME', 'NIRCam and NIRSpec demo of SMACS 0723', 'title of HLSP project'),
    card('HLSPTARG', 'SMACS0723', 'designation of the target(s) or field(s)'),
    card('HLSPVER', DEMO_VERSION, 'version identifier for HLSP product'),
    card('DOI', DEMO_DOI, 'digital object identifier of the collection'),
    card('LICENSE', 'CC BY 4.0', 'license for use of these data'),
    card('LICENURL', 'https://creativecommons.org/licenses/by/4.0/', 'data license URL'),
    card('TELESCOP', 'JWST', 'telescope used to acquire the data'),
    card('OBSERVAT', 'JWST', 'observatory'),
    card('INSTRUME', instrument, 'instrument used to acquire the data'),
    card('PROPOSID', PROGRAM, 'JWST program number'),
    card('CAL_VER', '1.14.0', 'JWST pipeline version of the source data'),
    card('REFERENC', '2022ApJ...936L..14P', 'bibliographic reference'),
    card('TIMESYS', 'UTC', 'time scale of the time-related keywords'),
    ...extra,
  ];
}

function dateCards(): CardSpec[] {
  return [
    card('DATE-BEG', mjdToIso(MJD_BEG), 'start of the first exposure (UTC)'),
    card('DATE-END', mjdToIso(MJD_END), 'end of the last exposure (UTC)'),
    card('MJD-BEG', MJD_BEG, 'start of the first exposure (MJD)'),
    card('MJD-END', MJD_END, 'end of the last exposure (MJD)'),
    card('MJD-MID', 59737.55, 'middle of the observation (MJD)'),
    card('TIMESYS', 'UTC', 'time scale'),
    card('XPOSURE', 7537.0, '[s] total exposure time'),
    card('TELAPSE', 60480.0, '[s] first start to last end'),
  ];
}

function wcsCards(size: number): CardSpec[] {
  return [
    card('WCSAXES', 2),
    card('CTYPE1', 'RA---TAN'),
    card('CTYPE2', 'DEC--TAN'),
    card('CUNIT1', 'deg'),
    card('CUNIT2', 'deg'),
    card('CRPIX1', size / 2 + 0.5),
    card('CRPIX2', size / 2 + 0.5),
    card('CRVAL1', TARGET_RA),
    card('CRVAL2', TARGET_DEC),
    card('CD1_1', -8.3333e-6),
    card('CD1_2', 0.0),
    card('CD2_1', 0.0),
    card('CD2_2', 8.3333e-6),
    card('RADESYS', 'ICRS'),
  ];
}

/** Deterministic pseudo-random numbers (no Math.random: the fixtures must rebuild byte for byte). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function imageCards(extname: string, size: number, filter: string, bunit: string): CardSpec[] {
  return [
    card('XTENSION', 'IMAGE', 'image extension'),
    card('BITPIX', -32),
    card('NAXIS', 2),
    card('NAXIS1', size),
    card('NAXIS2', size),
    card('PCOUNT', 0),
    card('GCOUNT', 1),
    card('EXTNAME', extname, 'extension name'),
    card('BUNIT', bunit),
    card('FILTER', filter.toUpperCase(), 'filter'),
    card('PUPIL', 'CLEAR', 'pupil'),
    card('DETECTOR', 'MULTI', 'several detectors, see DETECTnn'),
    card('DETECT01', 'NRCB1'),
    card('DETECT02', 'NRCB2'),
    card('APERTURE', 'NRCALL_FULL', 'aperture'),
    card('PSFSIZE', 2.1, '[pixel] FWHM of the PSF'),
    card('RA_TARG', TARGET_RA, '[deg] target right ascension'),
    card('DEC_TARG', TARGET_DEC, '[deg] target declination'),
    ...dateCards(),
    ...wcsCards(size),
  ];
}

function mosaic(filter: string, seed: number): HduSpec[] {
  const size = 48;
  const random = generator(seed);
  const pixels = (scale: number) =>
    float32Data(Array.from({ length: size * size }, () => Number((random() * scale).toFixed(4))));
  const fileIds = [1, 2, 3, 4].map((visit, i) =>
    card(
      `FILEID${String(i + 1).padStart(2, '0')}`,
      `jw02736001001_02105_0000${visit}_nrcb1_cal.fits`,
      'source exposure',
    ),
  );
  const hdus: HduSpec[] = [
    {
      cards: commonPrimary('NIRCAM', [
        card('FILEID05', `jw02736-o001_t001_nircam_clear-${filter}`, 'source mosaic'),
        ...fileIds,
      ]),
      checksum: true,
    },
    { cards: imageCards('SCI', size, filter, 'MJy/sr'), data: pixels(2), checksum: true },
    { cards: imageCards('ERR', size, filter, 'MJy/sr'), data: pixels(0.1), checksum: true },
    { cards: imageCards('WHT', size, filter, ''), data: pixels(100), checksum: true },
  ];
  return hdus;
}

function catalog(): HduSpec[] {
  const rows = 25;
  const random = generator(42);
  const rowBytes = 8 + 8 + 4 * 3 + 12;
  const table = Buffer.alloc(rows * rowBytes);
  for (let row = 0; row < rows; row++) {
    const at = row * rowBytes;
    table.writeDoubleBE(TARGET_RA + (random() - 0.5) * 0.02, at);
    table.writeDoubleBE(TARGET_DEC + (random() - 0.5) * 0.02, at + 8);
    table.writeFloatBE(random() * 10, at + 16);
    table.writeFloatBE(random() * 10, at + 20);
    table.writeFloatBE(random() * 10, at + 24);
    table.write(`SRC-${String(row + 1).padStart(4, '0')}`.padEnd(12), at + 28, 'latin1');
  }
  const columns = [
    { name: 'RA', format: 'D', unit: 'deg' },
    { name: 'DEC', format: 'D', unit: 'deg' },
    { name: 'F150W', format: 'E', unit: 'uJy' },
    { name: 'F200W', format: 'E', unit: 'uJy' },
    { name: 'F444W', format: 'E', unit: 'uJy' },
    { name: 'SOURCE', format: '12A' },
  ];
  const primary = commonPrimary('NIRCAM', [
    card('FILTER', 'MULTI', 'several filters, see FILTERnn'),
    card('FILTER01', 'F150W'),
    card('FILTER02', 'F200W'),
    card('FILTER03', 'F444W'),
    card('FILEID01', 'jw02736-o001_t001_nircam_clear-f150w'),
    card('FILEID02', 'jw02736-o001_t001_nircam_clear-f200w'),
    card('FILEID03', 'jw02736-o001_t001_nircam_clear-f444w'),
  ]);
  const extension = [
    ...binaryTableCards(columns, rows, rowBytes, { extname: 'CATALOG' }),
    card('RADESYS', 'ICRS'),
    ...dateCards(),
  ];
  return [
    { cards: primary, checksum: true },
    { cards: extension, data: table, checksum: true },
  ];
}

/**
 * The catalogue again as Parquet, with its HLSP metadata as key/value pairs (the CCSP keys MAST's
 * newer deliveries use, and keywords) and its units in astropy's table_meta_yaml.
 */
function catalogParquet(mistakes: { statistics?: boolean; unit?: boolean } = {}): Buffer {
  const rows = 25;
  const random = generator(42);
  const columns = {
    RA: [] as number[],
    DEC: [] as number[],
    F150W: [] as number[],
    F200W: [] as number[],
    F444W: [] as number[],
  };
  for (let row = 0; row < rows; row++) {
    columns.RA.push(TARGET_RA + (random() - 0.5) * 0.02);
    columns.DEC.push(TARGET_DEC + (random() - 0.5) * 0.02);
    columns.F150W.push(Math.fround(random() * 10));
    columns.F200W.push(Math.fround(random() * 10));
    columns.F444W.push(Math.fround(random() * 10));
  }
  const units = {
    RA: 'deg',
    DEC: 'deg',
    F150W: 'uJy',
    F200W: mistakes.unit ? 'micro-Jansky' : 'uJy',
    F444W: 'uJy',
  };
  const yaml = [
    'datatype:',
    ...Object.entries(units).map(
      ([name, unit]) =>
        `- {name: ${name}, unit: ${unit}, datatype: ${name.startsWith('F') ? 'float32' : 'float64'}}`,
    ),
    '- {name: SOURCE, datatype: string}',
    '',
  ].join('\n');
  const { bytes } = writeParquet({
    rowGroupRows: 10,
    columns: [
      { name: 'RA', type: 'DOUBLE', values: columns.RA },
      { name: 'DEC', type: 'DOUBLE', values: columns.DEC },
      { name: 'F150W', type: 'FLOAT', values: columns.F150W },
      { name: 'F200W', type: 'FLOAT', values: columns.F200W },
      { name: 'F444W', type: 'FLOAT', values: columns.F444W },
      {
        name: 'SOURCE',
        type: 'BYTE_ARRAY',
        values: columns.RA.map((_, row) => `SRC-${String(row + 1).padStart(4, '0')}`),
      },
    ],
    keyValue: {
      'ccsp.name': 'NIRCam and NIRSpec demo of SMACS 0723',
      'ccsp.investigator': DEMO_LEAD,
      'ccsp.doi': DEMO_DOI,
      file_version: DEMO_VERSION,
      file_date: '2026-11-01T00:00:00',
      license: 'CC BY 4.0',
      license_url: 'https://creativecommons.org/licenses/by/4.0/',
      HLSPID: DEMO_PROJECT.toUpperCase(),
      HLSPTARG: 'SMACS0723',
      TELESCOP: 'JWST',
      OBSERVAT: 'JWST',
      INSTRUME: 'NIRCAM',
      PROPOSID: PROGRAM,
      REFERENC: '2022ApJ...936L..14P',
      RADESYS: 'ICRS',
      TIMESYS: 'UTC',
      'MJD-BEG': String(MJD_BEG),
      'MJD-END': String(MJD_END),
      'DATE-BEG': mjdToIso(MJD_BEG),
      'DATE-END': mjdToIso(MJD_END),
      XPOSURE: '7537.0',
      table_meta_yaml: yaml,
    },
    createdBy: 'hlsp-validate demo generator',
    editFooter: mistakes.statistics
      ? (footer) => {
          // A max_value below the data's greatest value: filtered queries would miss rows.
          const max = Buffer.alloc(4);
          max.writeFloatLE(1);
          const stats = chunkMeta(footer, 1, 4).get(12);
          if (stats?.t === 'struct') stats.v.set(5, binary(max));
          else chunkMeta(footer, 1, 4).set(12, struct([[5, binary(max)]]));
        }
      : undefined,
  });
  return bytes;
}

function spectrum(): HduSpec[] {
  const rows = 200;
  const random = generator(7);
  const rowBytes = 8 * 3 + 4;
  const table = Buffer.alloc(rows * rowBytes);
  for (let row = 0; row < rows; row++) {
    const at = row * rowBytes;
    table.writeDoubleBE(1.66 + (row * (3.07 - 1.66)) / rows, at);
    table.writeDoubleBE(1e-19 * (1 + random()), at + 8);
    table.writeDoubleBE(1e-40 * (1 + random()), at + 16);
    table.writeInt32BE(0, at + 24);
  }
  const columns = [
    { name: 'WAVELENGTH', format: 'D', unit: 'um' },
    { name: 'FLUX', format: 'D', unit: 'erg/s/cm2/Angstrom' },
    { name: 'VARIANCE', format: 'D', unit: '(erg/s/cm2/Angstrom)**2' },
    { name: 'FLAGS', format: 'J' },
  ];
  const primary = commonPrimary('NIRSPEC', [
    card('FILEID01', 'jw02736-o007_s000006355_nirspec_f170lp-g235m'),
  ]);
  const extension = [
    ...binaryTableCards(columns, rows, rowBytes, { extname: 'SPECTRUM' }),
    card('FILTER', 'F170LP'),
    card('DISPRSR', 'G235M', 'disperser'),
    card('APERTURE', 'NRS_FULL_MSA'),
    card('DETECTOR', 'NRS1'),
    card('RA_TARG', TARGET_RA + 0.003),
    card('DEC_TARG', TARGET_DEC - 0.001),
    card('RADESYS', 'ICRS'),
    ...dateCards(),
  ];
  return [
    { cards: primary, checksum: true },
    { cards: extension, data: table, checksum: true },
  ];
}

/** The ECSV catalogue's HLSP metadata: the FITS keywords of the catalogue, in one block. */
export function ecsvCatalogMeta(): [string, string | number][] {
  return [
    ['HLSPID', DEMO_PROJECT.toUpperCase()],
    ['HLSPLEAD', DEMO_LEAD],
    ['HLSPNAME', 'NIRCam and NIRSpec demo of SMACS 0723'],
    ['HLSPTARG', 'SMACS0723'],
    ['HLSPVER', DEMO_VERSION],
    ['DOI', DEMO_DOI],
    ['LICENSE', 'CC BY 4.0'],
    ['LICENURL', 'https://creativecommons.org/licenses/by/4.0/'],
    ['TELESCOP', 'JWST'],
    ['OBSERVAT', 'JWST'],
    ['INSTRUME', 'NIRCAM'],
    ['FILTER', 'MULTI'],
    ['PROPOSID', PROGRAM],
    ['CAL_VER', '1.14.0'],
    ['REFERENC', '2022ApJ...936L..14P'],
    ['TIMESYS', 'UTC'],
    ['RADESYS', 'ICRS'],
    ['DATE-BEG', mjdToIso(MJD_BEG)],
    ['DATE-END', mjdToIso(MJD_END)],
    ['MJD-BEG', MJD_BEG],
    ['MJD-END', MJD_END],
    ['XPOSURE', 7537.0],
  ];
}

/**
 * The source catalogue as ECSV 1.0, the way astropy writes it: the same sources as the FITS
 * catalogue, with an int64 id, a masked flux, a 2-element JSON cell and a unicode note.
 */
export function ecsvCatalog(meta = ecsvCatalogMeta()): string {
  const random = generator(42);
  const columns = [
    '- {name: ID, datatype: int64, description: source number}',
    '- {name: RA, unit: deg, datatype: float64}',
    '- {name: DEC, unit: deg, datatype: float64}',
    '- {name: F150W, unit: uJy, datatype: float32}',
    '- {name: F200W, unit: uJy, datatype: float32}',
    '- {name: F444W, unit: uJy, datatype: float32}',
    "- {name: SHAPE, unit: arcsec, datatype: string, subtype: 'float32[2]', description: semi-axes}",
    '- {name: SOURCE, datatype: string}',
  ];
  const header = ['# %ECSV 1.0', '# ---', '# datatype:', ...columns.map((c) => `# ${c}`), '# meta: !!omap'];
  for (const [key, value] of meta)
    header.push(`# - {${key}: ${typeof value === 'string' ? `'${value}'` : value}}`);
  header.push('# schema: astropy-2.0');
  const lines = [...header, 'ID RA DEC F150W F200W F444W SHAPE SOURCE'];
  for (let row = 0; row < 25; row++) {
    const ra = TARGET_RA + (random() - 0.5) * 0.02;
    const dec = TARGET_DEC + (random() - 0.5) * 0.02;
    const fluxes = [random() * 10, random() * 10, random() * 10].map((f) => f.toPrecision(7));
    // One masked flux, as astropy writes a MaskedColumn's missing value with a space delimiter.
    if (row === 7) fluxes[2] = '""';
    const shape = `"[${(0.1 + random() * 0.2).toFixed(3)}, ${(0.05 + random() * 0.1).toFixed(3)}]"`;
    const note =
      row === 0 ? '"SRC-0001 (brightest, Ångström-scale)"' : `SRC-${String(row + 1).padStart(4, '0')}`;
    lines.push([row + 1, ra.toFixed(7), dec.toFixed(7), ...fluxes, shape, note].join(' '));
  }
  return `${lines.join('\n')}\n`;
}

/** XML text with its five special characters escaped, for attribute values and cells. */
function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The source catalogue as a VOTable 1.4 in TABLEDATA, the way astropy writes one: the metadata as
 * PARAMs, FIELDs with units and UCDs, a null integer flux value and a 2-element array column.
 */
export function votableCatalog(meta = ecsvCatalogMeta()): string {
  const random = generator(42);
  const params = meta.map(([key, value]) =>
    typeof value === 'number'
      ? `  <PARAM name="${key}" datatype="double" value="${value}"/>`
      : `  <PARAM name="${key}" datatype="char" arraysize="*" value="${xmlEscape(value)}"/>`,
  );
  const fields = [
    '  <FIELD name="ID" datatype="long" ucd="meta.id;meta.main"/>',
    '  <FIELD name="RA" datatype="double" unit="deg" ucd="pos.eq.ra;meta.main"/>',
    '  <FIELD name="DEC" datatype="double" unit="deg" ucd="pos.eq.dec;meta.main"/>',
    '  <FIELD name="F150W" datatype="float" unit="uJy" ucd="phot.flux.density;em.IR.NIR"><VALUES null="-99"/></FIELD>',
    '  <FIELD name="F200W" datatype="float" unit="uJy" ucd="phot.flux.density;em.IR.NIR"/>',
    '  <FIELD name="F444W" datatype="float" unit="uJy" ucd="phot.flux.density;em.IR.NIR"/>',
    '  <FIELD name="SHAPE" datatype="float" arraysize="2" unit="arcsec" ucd="phys.angSize"/>',
    '  <FIELD name="SOURCE" datatype="unicodeChar" arraysize="*" ucd="meta.note"/>',
  ];
  const rows: string[] = [];
  for (let row = 0; row < 25; row++) {
    const ra = TARGET_RA + (random() - 0.5) * 0.02;
    const dec = TARGET_DEC + (random() - 0.5) * 0.02;
    const fluxes = [random() * 10, random() * 10, random() * 10].map((f) => f.toPrecision(7));
    if (row === 7) fluxes[0] = '-99';
    const shape = `${(0.1 + random() * 0.2).toFixed(3)} ${(0.05 + random() * 0.1).toFixed(3)}`;
    const note =
      row === 0 ? 'SRC-0001 (brightest, Ångström-scale) & core' : `SRC-${String(row + 1).padStart(4, '0')}`;
    const cells = [String(row + 1), ra.toFixed(7), dec.toFixed(7), ...fluxes, shape, note];
    rows.push(`      <TR>${cells.map((cell) => `<TD>${xmlEscape(cell)}</TD>`).join('')}</TR>`);
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- Produced with astropy.io.votable version 5.2 http://www.astropy.org/ -->',
    '<VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">',
    ' <RESOURCE type="results">',
    ...params,
    '  <TABLE name="sources">',
    ...fields,
    '   <DATA>',
    '    <TABLEDATA>',
    ...rows,
    '    </TABLEDATA>',
    '   </DATA>',
    '  </TABLE>',
    ' </RESOURCE>',
    '</VOTABLE>',
    '',
  ].join('\n');
}

export const DEMO_README = `# NIRDEMO: NIRCam and NIRSpec demo of SMACS 0723

Version: v1.0 (first delivery; no changes since a previous version).
Contribution date: 2026-11-01.

## Contact
Ada Example, Example University — ada@example.org

## References
Please cite the collection DOI 10.17909/demo-0001 and Pontoppidan et al. 2022, ApJ 936, L14 (2022ApJ...936L..14P).

## Description of the files
- \`images/\`: NIRCam mosaics of the SMACS 0723 field in F150W, F200W and F444W (\`_i2d.fits\`; the F444W mosaic tile-compressed, \`_i2d.fits.fz\`, RICE_1 with pixels quantized to 1e-4): extension SCI (surface brightness, MJy/sr), ERR (1-sigma error) and WHT (weight).
- \`catalogs/\`: the source catalogue (\`_cat.fits\`), one row per source: RA, DEC (deg, ICRS), fluxes in each filter (uJy), SOURCE name; the same catalogue as ECSV (\`_cat.ecsv\`, astropy's text table format) with the HLSP keywords in its header and a SHAPE column (semi-axes, arcsec); and as Parquet (\`_cat.parquet\`) with the HLSP keywords as key/value metadata.
- \`images/…_f444w_v1.0_i2d.png\`: a preview of the F444W mosaic (PNG).
- \`images/…_f444w_v1.0_model.asdf\`: a smooth model of the F444W light of the brightest source (ASDF, as JWST and Roman datamodels deliver it): a 32×32 float32 array MODEL (MJy/sr, zlib-compressed) and a uint8 WEIGHT array, with the HLSP keywords in its meta mapping.
- \`spectra/\`: a NIRSpec G235M/F170LP 1-D spectrum (\`_x1d.fits\`) with columns WAVELENGTH (um), FLUX, VARIANCE and FLAGS (0 = good).
- \`hlsp_nirdemo_manifest.csv\`: every file with its size and SHA-256, written by \`hlsp-validate manifest\`.

All products were made from JWST program 2736 (Early Release Observations); the FILEIDnn keywords list the source observations in MAST.
This is demonstration data generated for the hlsp-validate test suite, not a real HLSP.
`;

export const DEMO_CONFIG = {
  project: DEMO_PROJECT,
  doi: DEMO_DOI,
  title: 'NIRCam and NIRSpec demo of SMACS 0723',
  lead: DEMO_LEAD,
  version: DEMO_VERSION,
  mast: { mode: 'cache', cacheDir: 'mast-cache' },
  ignore: ['mast-cache/**'],
};

/** Replaces (or with `null`, removes) the first card with this keyword; appends when absent. */
export function setCard(cards: CardSpec[], keyword: string, replacement: CardSpec | null): void {
  const index = cards.findIndex((c) => c.keyword === keyword);
  if (replacement === null) {
    if (index >= 0) cards.splice(index, 1);
  } else if (index >= 0) cards[index] = replacement;
  else cards.push(replacement);
}

const BASE = `hlsp_${DEMO_PROJECT}_jwst`;
const FILTERS = ['f150w', 'f200w', 'f444w'];
export const mosaicPath = (filter: string) =>
  `images/${BASE}_nircam_smacs0723_${filter}_${DEMO_VERSION}_i2d.fits`;
export const CATALOG_PATH = `catalogs/${BASE}_nircam_smacs0723_multi_${DEMO_VERSION}_cat.fits`;
export const CATALOG_PARQUET_PATH = `catalogs/${BASE}_nircam_smacs0723_multi_${DEMO_VERSION}_cat.parquet`;
export const ECSV_CATALOG_PATH = `catalogs/${BASE}_nircam_smacs0723_multi_${DEMO_VERSION}_cat.ecsv`;
export const MODEL_ASDF_PATH = `images/${BASE}_nircam_smacs0723_f444w_${DEMO_VERSION}_model.asdf`;
export const SPECTRUM_PATH = `spectra/${BASE}_nirspec_smacs0723-06355_f170lp-g235m_${DEMO_VERSION}_x1d.fits`;
/** A preview belongs to the product whose name it shares up to the extension. */
export const previewPath = (filter: string) => mosaicPath(filter).replace(/\.fits$/, '.png');

/** The clean demo as HDU specs (FITS) and bytes (text files), without its manifest. */
export function demoSpecs(): { fits: Map<string, HduSpec[]>; text: Map<string, string> } {
  const fits = new Map<string, HduSpec[]>();
  FILTERS.forEach((filter, i) => {
    fits.set(mosaicPath(filter), mosaic(filter, 100 + i));
  });
  fits.set(CATALOG_PATH, catalog());
  fits.set(SPECTRUM_PATH, spectrum());
  const text = new Map<string, string>([
    [`hlsp_${DEMO_PROJECT}_readme.md`, DEMO_README],
    [ECSV_CATALOG_PATH, ecsvCatalog()],
    ['hlsp.config.json', `${JSON.stringify(DEMO_CONFIG, null, 2)}\n`],
  ]);
  return { fits, text };
}

export function toContribution(specs: ReturnType<typeof demoSpecs>): Contribution {
  const files: Contribution = new Map();
  for (const [path, hdus] of specs.fits) files.set(path, fitsFile(hdus));
  for (const [path, text] of specs.text) files.set(path, Buffer.from(text));
  return files;
}

/** The demo's tile-compressed product: F444W as fpack would deliver it (RICE_1, quantized floats). */
export const COMPRESSED_MOSAIC_PATH = `${mosaicPath('f444w')}.fz`;

export function demoFiles(): Contribution {
  const specs = demoSpecs();
  const mosaic = specs.fits.get(mosaicPath('f444w'))!;
  specs.fits.delete(mosaicPath('f444w'));
  // Our own encoder, not fpack: fpack dates its CHECKSUM comments and seeds ZDITHER0 from the clock.
  const compressed = [
    mosaic[0]!,
    ...mosaic.slice(1).map((hdu) => compressImageHdu(hdu, { algorithm: 'RICE_1', scale: 1e-4 })),
  ];
  specs.fits.set(COMPRESSED_MOSAIC_PATH, compressed);
  const files = toContribution(specs);
  files.set(previewPath('f444w'), demoPreviewPng());
  files.set(CATALOG_PARQUET_PATH, catalogParquet());
  files.set(MODEL_ASDF_PATH, modelAsdf());
  return files;
}

/** The ASDF model's HLSP metadata: the catalogue's keywords, for the one filter it is made in. */
export function modelAsdfMeta(): [string, string | number][] {
  return ecsvCatalogMeta()
    .filter(([key]) => key !== 'RADESYS')
    .map(([key, value]): [string, string | number] => [key, key === 'FILTER' ? 'F444W' : value]);
}

const MODEL_SIDE = 32;

/**
 * A model of the brightest source in F444W as ASDF, the way the asdf library lays it out: the HLSP
 * keywords in a `meta` mapping, a float32 image in a zlib-compressed block and a uint8 weight map in
 * a plain one, each with its MD5, and the block index. `mistakes` plants the broken twin's defects.
 */
export function modelAsdf(
  meta = modelAsdfMeta(),
  mistakes: { weightShape?: number[]; flipWeightByte?: boolean } = {},
): Buffer {
  const model = new Float32Array(MODEL_SIDE * MODEL_SIDE);
  const weight = Buffer.alloc(MODEL_SIDE * MODEL_SIDE);
  for (let y = 0; y < MODEL_SIDE; y++)
    for (let x = 0; x < MODEL_SIDE; x++) {
      const r2 = ((x - 15.5) ** 2 + (y - 15.5) ** 2) / 30;
      model[y * MODEL_SIDE + x] = Math.fround(2.5 * Math.exp(-r2));
      weight[y * MODEL_SIDE + x] = r2 < 9 ? 255 : 40;
    }
  const weightShape = mistakes.weightShape ?? [MODEL_SIDE, MODEL_SIDE];
  const spec: AsdfSpec = {
    tree: [
      'asdf_library: !core/software-1.0.0 {author: hlsp-validate demo, name: demo-writer, version: 1.0.0}',
      'meta:',
      ...meta.map(([key, value]) => `  ${key}: ${typeof value === 'string' ? `'${value}'` : value}`),
      `model: !core/ndarray-1.0.0 {source: 0, datatype: float32, byteorder: little, shape: [${MODEL_SIDE}, ${MODEL_SIDE}]}`,
      'model_unit: !unit/unit-1.0.0 MJy / sr',
      `weight: !core/ndarray-1.0.0 {source: 1, datatype: uint8, byteorder: little, shape: [${weightShape.join(', ')}]}`,
    ],
    blocks: [{ data: Buffer.from(model.buffer), compression: 'zlib' }, { data: weight }],
  };
  const bytes = asdfFile(spec);
  if (mistakes.flipWeightByte) bytes[bytes.length - 60 - 100]! ^= 0x10;
  return bytes;
}

/** One typical contributor mistake planted in the broken twin. */
export interface PlantedMistake {
  what: string;
  path: string;
}

/**
 * The broken twin: the demo with a dozen mistakes MAST sees in real deliveries
 * (reference/hlsp-requirements.md §5). Returns the files and the list of what was planted.
 */
export function demoBrokenFiles(): { files: Contribution; mistakes: PlantedMistake[] } {
  const specs = demoSpecs();
  const mistakes: PlantedMistake[] = [];
  const plant = (path: string, what: string, change: (hdus: HduSpec[]) => void) => {
    change(specs.fits.get(path)!);
    mistakes.push({ path, what });
  };
  plant(mosaicPath('f150w'), "LICENSE written 'CC-BY-4.0'", (hdus) => {
    setCard(hdus[0]!.cards, 'LICENSE', card('LICENSE', 'CC-BY-4.0'));
  });
  plant(mosaicPath('f150w'), 'MJD-BEG stored as a string', (hdus) => {
    setCard(hdus[1]!.cards, 'MJD-BEG', card('MJD-BEG', String(MJD_BEG)));
  });
  plant(
    mosaicPath('f150w'),
    'CRVAL2 lost the sign of the declination: the WCS points at another sky',
    (hdus) => {
      for (const hdu of hdus.slice(1)) setCard(hdu.cards, 'CRVAL2', card('CRVAL2', -TARGET_DEC));
    },
  );
  plant(mosaicPath('f200w'), "DATE-BEG with a space instead of 'T'", (hdus) => {
    setCard(hdus[1]!.cards, 'DATE-BEG', card('DATE-BEG', mjdToIso(MJD_BEG).replace('T', ' ')));
  });
  plant(mosaicPath('f200w'), 'EQUINOX given although RADESYS is ICRS', (hdus) => {
    hdus[1]!.cards.push(card('EQUINOX', 2000.0));
  });
  plant(mosaicPath('f444w'), 'HLSPNAME misspelled HSLPNAME', (hdus) => {
    const cards = hdus[0]!.cards;
    const index = cards.findIndex((c) => c.keyword === 'HLSPNAME');
    cards[index] = card('HSLPNAME', 'NIRCam and NIRSpec demo of SMACS 0723');
  });
  plant(mosaicPath('f444w'), 'HLSPLEAD missing', (hdus) => {
    setCard(hdus[0]!.cards, 'HLSPLEAD', null);
  });
  plant(CATALOG_PATH, "FILTER = 'MULTIPLE' instead of 'MULTI'", (hdus) => {
    setCard(hdus[0]!.cards, 'FILTER', card('FILTER', 'MULTIPLE'));
  });
  plant(CATALOG_PATH, 'HLSPVER disagrees with the version in the file name', (hdus) => {
    setCard(hdus[0]!.cards, 'HLSPVER', card('HLSPVER', 'v1.1'));
  });
  plant(SPECTRUM_PATH, 'FILEID01 names an observation that does not exist (o008 for o007)', (hdus) => {
    setCard(hdus[0]!.cards, 'FILEID01', card('FILEID01', 'jw02736-o008_s000006355_nirspec_f170lp-g235m'));
  });
  plant(CATALOG_PATH, 'FILEID04 names a MIRI observation still in exclusive access', (hdus) => {
    hdus[0]!.cards.push(card('FILEID04', 'jw09999-o001_t001_miri_f770w'));
  });
  plant(mosaicPath('f200w'), 'CAL_VER older than the pipeline version MAST lists for the sources', (hdus) => {
    setCard(hdus[0]!.cards, 'CAL_VER', card('CAL_VER', '1.8.2'));
  });
  plant(SPECTRUM_PATH, 'no TUNIT for the FLUX column', (hdus) => {
    setCard(hdus[1]!.cards, 'TUNIT2', null);
  });
  const files = toContribution(specs);
  files.set(CATALOG_PARQUET_PATH, catalogParquet({ statistics: true, unit: true }));
  mistakes.push({
    path: CATALOG_PARQUET_PATH,
    what: 'Parquet statistics: a max_value below a value in the data',
  });
  mistakes.push({ path: CATALOG_PARQUET_PATH, what: "Parquet column unit 'micro-Jansky' instead of 'uJy'" });
  // Mistakes in names and bytes, made after the files are built.
  const renamed = mosaicPath('f444w').replace('_v1.0_', '_v1-0_');
  files.set(renamed, files.get(mosaicPath('f444w'))!);
  files.delete(mosaicPath('f444w'));
  mistakes.push({ path: renamed, what: "version written 'v1-0'" });
  const upper = SPECTRUM_PATH.replace('spectra/', 'Spectra/');
  files.set(upper, files.get(SPECTRUM_PATH)!);
  files.delete(SPECTRUM_PATH);
  mistakes.push({ path: upper, what: 'directory name not lower case' });
  const flipped = Buffer.from(files.get(mosaicPath('f200w'))!);
  flipped[flipped.length - 2880 * 2 + 100]! ^= 0x01;
  files.set(mosaicPath('f200w'), flipped);
  mistakes.push({ path: mosaicPath('f200w'), what: 'one data byte changed after the checksum was written' });
  const catalogBytes = files.get(CATALOG_PATH)!;
  files.set(CATALOG_PATH, catalogBytes.subarray(0, catalogBytes.length - 1000));
  mistakes.push({ path: CATALOG_PATH, what: 'file truncated (upload cut short)' });
  files.set('images/.DS_Store', Buffer.from('Bud1\u0000\u0000stray'));
  mistakes.push({ path: 'images/.DS_Store', what: 'macOS .DS_Store left behind' });
  files.set(
    `images/HLSP_${DEMO_PROJECT}_jwst_nircam_smacs0723_F150W_v1.0_drz.fits`,
    files.get(mosaicPath('f150w'))!,
  );
  mistakes.push({
    path: `images/HLSP_${DEMO_PROJECT}_jwst_nircam_smacs0723_F150W_v1.0_drz.fits`,
    what: 'upper case in a file name',
  });
  const damaged = Buffer.from(demoPreviewPng());
  damaged[damaged.length - 12 - 1]! ^= 0x01;
  files.set(previewPath('f150w'), damaged);
  mistakes.push({ path: previewPath('f150w'), what: 'preview PNG with a damaged IDAT chunk (wrong CRC)' });
  files.set(previewPath('f090w'), demoPreviewPng());
  mistakes.push({ path: previewPath('f090w'), what: 'preview of an F090W mosaic that is not delivered' });
  const readme = `hlsp_${DEMO_PROJECT}_readme.md`;
  files.set(readme, Buffer.from('# NIRDEMO\n\nImages and a catalogue of SMACS 0723.\n'));
  mistakes.push({ path: readme, what: 'README without contact, version or references' });
  return { files, mistakes };
}

/**
 * The broken twins of the demo's tables (fixtures/broken-tables): file name → bytes and the rules
 * whose findings were planted. One defect of a kind each, as contributors make them.
 */
export function brokenTables(): Map<string, { bytes: Buffer; planted: string[] }> {
  const tables = new Map<string, { bytes: Buffer; planted: string[] }>();
  const meta = ecsvCatalogMeta()
    .filter(([key]) => key !== 'HLSPLEAD')
    .map(([key, value]): [string, string | number] => [key, key === 'LICENSE' ? 'CC-BY-4.0' : value]);
  const ecsvText = ecsvCatalog(meta)
    // An int64 column holding text, a row cut short, and a unit that does not parse.
    .replace('\n12 ', '\nSRC12 ')
    .replace(/\n(20 [^\n]*) SRC-0020\n/, '\n$1\n')
    .replace('{name: SHAPE, unit: arcsec,', "{name: SHAPE, unit: 'arcsec / / 2',");
  tables.set(ECSV_CATALOG_PATH.replace('catalogs/', ''), {
    bytes: Buffer.from(ecsvText),
    planted: ['ecsv/values', 'ecsv/units', 'hlsp/metadata-profile'],
  });
  // The same catalogue as plain CSV, with a unit written into a flux and a row with a stray comma.
  const rows = ecsvText
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) =>
      line
        .replace(/"\[[^\]]*\]" /, '')
        .split(' ')
        .slice(0, 6)
        .join(','),
    );
  rows[0] = 'ID,RA,DEC,F150W,F200W,F444W';
  rows[5] = rows[5]!.replace(/,([0-9.]+)$/, ',$1 uJy');
  rows[9] = `${rows[9]},`;
  tables.set(ECSV_CATALOG_PATH.replace('catalogs/', '').replace('.ecsv', '.csv'), {
    bytes: Buffer.from(`${rows.join('\n')}\n`),
    planted: ['csv/numbers', 'csv/columns', 'csv/no-metadata'],
  });
  // The catalogue as a VOTable, and its twin with a flux written as text, a row short of a TD, a
  // unit that does not parse, a secondary UCD word first and HLSPLEAD missing.
  const votableName = ECSV_CATALOG_PATH.replace('catalogs/', '').replace('.ecsv', '.vot');
  tables.set(votableName, { bytes: Buffer.from(votableCatalog()), planted: [] });
  const brokenVotable = votableCatalog(meta)
    .replace(
      /<TD>([0-9.]+)<\/TD>(<TD>[0-9.]+<\/TD><TD>[0-9.]+ [0-9.]+<\/TD><TD>SRC-0004)/,
      '<TD>$1 uJy</TD>$2',
    )
    .replace(/<TD>[0-9.]+ [0-9.]+<\/TD>(<TD>SRC-0010<\/TD>)/, '$1')
    .replace('unit="arcsec"', 'unit="arcsec / / 2"')
    .replace('ucd="meta.note"', 'ucd="em.IR.NIR;meta.note"');
  tables.set(votableName.replace('.vot', '.xml'), {
    bytes: Buffer.from(brokenVotable),
    planted: [
      'votable/values',
      'votable/row-length',
      'votable/units',
      'hlsp/column-ucds',
      'hlsp/metadata-profile',
    ],
  });
  // The ASDF model without HLSPLEAD, with a weight map declared larger than its block, and a data
  // byte changed after its MD5 was written.
  tables.set(MODEL_ASDF_PATH.replace('images/', ''), {
    bytes: modelAsdf(
      modelAsdfMeta().filter(([key]) => key !== 'HLSPLEAD'),
      { weightShape: [MODEL_SIDE, MODEL_SIDE + 8], flipWeightByte: true },
    ),
    planted: ['asdf/ndarray', 'asdf/checksum', 'hlsp/metadata-profile'],
  });
  return tables;
}
