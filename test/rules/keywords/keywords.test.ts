import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keywordRules } from '../../../src/rules/keywords/index.js';
import { DEFAULT_SCHEMA_DIR, loadProfiles, profileFindings } from '../../../src/rules/keywords/profiles.js';
import { CATALOG_PATH, demoSpecs, mosaicPath, SPECTRUM_PATH, setCard } from '../../support/demo.js';
import { card, fitsFile, type HduSpec } from '../../support/fits-builder.js';
import { fitsContext, runFitsRules } from '../../support/rule-harness.js';

type Mutation = (hdus: HduSpec[]) => void;
const name = (path: string) => path.split('/').pop()!;

function findings(path: string, mutate: Mutation = () => {}, fileName = name(path)) {
  const hdus = structuredClone(demoSpecs().fits.get(path)!) as HduSpec[];
  mutate(hdus);
  return runFitsRules(fitsFile(hdus), keywordRules, { name: fileName, settings: { project: 'nirdemo' } });
}
const ids = (list: { ruleId: string }[]) => [...new Set(list.map((f) => f.ruleId))].sort();
const primary = (hdus: HduSpec[]) => hdus[0]!.cards;
const data = (hdus: HduSpec[]) => hdus[1]!.cards;
const IMAGE = mosaicPath('f200w');

describe('the demo products pass every keyword rule', () => {
  it.each([IMAGE, CATALOG_PATH, SPECTRUM_PATH])('%s', (path) => {
    expect(findings(path)).toEqual([]);
  });
});

const cases: [string, string, Mutation, string[], string?][] = [
  [
    'required keyword missing',
    IMAGE,
    (h) => setCard(primary(h), 'HLSPLEAD', null),
    ['hlsp/keyword-required'],
  ],
  [
    'recommended keyword missing is a warning',
    IMAGE,
    (h) => setCard(primary(h), 'OBSERVAT', null),
    ['hlsp/keyword-required'],
  ],
  [
    'number stored as a string',
    IMAGE,
    (h) => setCard(data(h), 'MJD-BEG', card('MJD-BEG', '59737.2')),
    ['hlsp/keyword-type'],
  ],
  [
    'string keyword written as a number',
    IMAGE,
    (h) => setCard(primary(h), 'PROPOSID', card('PROPOSID', 2736)),
    ['hlsp/keyword-type'],
  ],
  [
    'LICENSE wrong',
    IMAGE,
    (h) => setCard(primary(h), 'LICENSE', card('LICENSE', 'CC-BY-4.0')),
    ['hlsp/keyword-value'],
  ],
  [
    'LICENURL wrong',
    IMAGE,
    (h) => setCard(primary(h), 'LICENURL', card('LICENURL', 'http://creativecommons.org/licenses/by/4.0')),
    ['hlsp/keyword-value'],
  ],
  [
    'DOI not MAST',
    IMAGE,
    (h) => setCard(primary(h), 'DOI', card('DOI', '10.5281/zenodo.1')),
    ['hlsp/keyword-value'],
  ],
  [
    'TIMESYS unknown',
    IMAGE,
    (h) => setCard(primary(h), 'TIMESYS', card('TIMESYS', 'MARS')),
    ['hlsp/keyword-value'],
  ],
  [
    'RADESYS unknown',
    IMAGE,
    (h) => setCard(data(h), 'RADESYS', card('RADESYS', 'J2000')),
    ['hlsp/keyword-value'],
  ],
  [
    'REFERENC not a bibcode',
    IMAGE,
    (h) => setCard(primary(h), 'REFERENC', card('REFERENC', 'Smith et al. 2022')),
    ['hlsp/keyword-value'],
  ],
  [
    'RA_TARG out of range',
    IMAGE,
    (h) => setCard(data(h), 'RA_TARG', card('RA_TARG', 361.5)),
    ['hlsp/keyword-value'],
  ],
  [
    'DEC_TARG out of range',
    IMAGE,
    (h) => setCard(data(h), 'DEC_TARG', card('DEC_TARG', -91.0)),
    ['hlsp/keyword-value'],
  ],
  [
    'negative XPOSURE',
    IMAGE,
    (h) => setCard(data(h), 'XPOSURE', card('XPOSURE', -1.0)),
    ['hlsp/keyword-value'],
  ],
  [
    'JWST INSTRUME not a JWST instrument',
    IMAGE,
    (h) => setCard(primary(h), 'INSTRUME', card('INSTRUME', 'WFC3')),
    ['hlsp/keyword-value', 'hlsp/name-header-match'],
  ],
  [
    'HLSP keyword in the wrong HDU',
    IMAGE,
    (h) => {
      setCard(primary(h), 'HLSPNAME', null);
      data(h).push(card('HLSPNAME', 'x'));
    },
    ['hlsp/keyword-placement'],
  ],
  [
    'DATE-END before DATE-BEG',
    IMAGE,
    (h) => setCard(data(h), 'DATE-END', card('DATE-END', '2022-06-01T00:00:00')),
    ['hlsp/date-range'],
  ],
  [
    'MJD and DATE disagree',
    IMAGE,
    (h) => setCard(data(h), 'MJD-END', card('MJD-END', 59738.5)),
    ['hlsp/date-range'],
  ],
  [
    'no time at all',
    IMAGE,
    (h) => {
      for (const hdu of h)
        for (const k of ['DATE-BEG', 'DATE-END', 'MJD-BEG', 'MJD-END']) setCard(hdu.cards, k, null);
    },
    ['hlsp/date-range', 'hlsp/keyword-required'],
  ],
  [
    'dates without TIMESYS',
    IMAGE,
    (h) => {
      for (const hdu of h) setCard(hdu.cards, 'TIMESYS', null);
    },
    ['hlsp/keyword-required', 'hlsp/timesys'],
  ],
  ['EQUINOX with ICRS', IMAGE, (h) => data(h).push(card('EQUINOX', 2000.0)), ['hlsp/wcs-equinox-icrs']],
  ['CD with CDELT', IMAGE, (h) => data(h).push(card('CDELT1', 1.0)), ['hlsp/wcs-cd-pc']],
  [
    'celestial CUNIT not deg',
    IMAGE,
    (h) => setCard(data(h), 'CUNIT1', card('CUNIT1', 'degrees')),
    ['hlsp/wcs-units'],
  ],
  [
    'WCS in a dataless primary',
    IMAGE,
    (h) => primary(h).push(card('CTYPE1', 'RA---TAN')),
    ['hlsp/wcs-placement'],
  ],
  [
    'MULTIPLE instead of MULTI',
    IMAGE,
    (h) => setCard(data(h), 'FILTER', card('FILTER', 'MULTIPLE')),
    ['hlsp/multi-companions'],
  ],
  [
    'MULTI without companions',
    CATALOG_PATH,
    (h) => {
      for (const k of ['FILTER01', 'FILTER02', 'FILTER03']) setCard(primary(h), k, null);
    },
    ['hlsp/multi-companions'],
  ],
  [
    'MULTI companions not from 01',
    CATALOG_PATH,
    (h) => setCard(primary(h), 'FILTER01', null),
    ['hlsp/multi-companions'],
  ],
  ['no provenance', SPECTRUM_PATH, (h) => setCard(primary(h), 'FILEID01', null), ['hlsp/provenance']],
  ['SIMULATD not logical', IMAGE, (h) => primary(h).push(card('SIMULATD', 'yes')), ['hlsp/simulated']],
  [
    'simulation without SIMULATD',
    IMAGE,
    () => {},
    ['hlsp/simulated'],
    'hlsp_nirdemo_jwst_nircam_smacs0723_f200w_v1.0_sim-img.fits',
  ],
  [
    'table column without unit',
    SPECTRUM_PATH,
    (h) => setCard(data(h), 'TUNIT2', null),
    ['hlsp/column-units'],
  ],
  [
    'catalogue RA as float',
    CATALOG_PATH,
    (h) => setCard(data(h), 'TFORM1', card('TFORM1', 'E')),
    ['hlsp/catalog-coordinates'],
  ],
  [
    'spectrum without WAVELENGTH',
    SPECTRUM_PATH,
    (h) => setCard(data(h), 'TTYPE1', card('TTYPE1', 'LAMBDA')),
    ['hlsp/spectrum-columns'],
  ],
  [
    'light curve without TIME',
    SPECTRUM_PATH,
    () => {},
    ['hlsp/lightcurve-columns'],
    'hlsp_nirdemo_jwst_nirspec_smacs0723-06355_f170lp-g235m_v1.0_lc.fits',
  ],
  [
    'misspelled HSLPNAME',
    IMAGE,
    (h) => {
      const c = primary(h);
      c[c.findIndex((x) => x.keyword === 'HLSPNAME')] = card('HSLPNAME', 'x');
    },
    ['hlsp/keyword-required', 'hlsp/keyword-spelling'],
  ],
  [
    'legacy HLSP_VER beside HLSPVER',
    IMAGE,
    (h) => primary(h).push(card('HLSP_VER', 'v1.0')),
    ['hlsp/keyword-spelling'],
  ],
  [
    'HLSPID differs from the name',
    IMAGE,
    (h) => setCard(primary(h), 'HLSPID', card('HLSPID', 'OTHER')),
    ['hlsp/name-header-match'],
  ],
  [
    'HLSPVER differs from the name',
    IMAGE,
    (h) => setCard(primary(h), 'HLSPVER', card('HLSPVER', 'v2.0')),
    ['hlsp/name-header-match'],
  ],
  [
    'FILTER differs from the name',
    IMAGE,
    (h) => {
      for (const hdu of h.slice(1)) setCard(hdu.cards, 'FILTER', card('FILTER', 'F444W'));
    },
    ['hlsp/name-header-match'],
  ],
];

describe('each keyword rule fails on its defect', () => {
  it.each(cases)('%s', (_label, path, mutate, expected, fileName) => {
    expect(ids(findings(path, mutate, fileName))).toEqual(expected);
  });

  it('covers every keyword rule', () => {
    const covered = new Set(cases.flatMap(([, , , expected]) => expected));
    for (const rule of keywordRules) expect(covered, rule.meta.id).toContain(rule.meta.id);
  });

  it('uses the level of the profile as the severity, and writes messages for the person fixing the file', () => {
    const list = findings(IMAGE, (h) => {
      setCard(primary(h), 'OBSERVAT', null);
      setCard(primary(h), 'LICENSE', card('LICENSE', 'CC-BY-4.0'));
      setCard(data(h), 'MJD-BEG', card('MJD-BEG', '59737.2'));
    });
    expect(list.find((f) => f.keyword === 'OBSERVAT')?.severity).toBe('warning');
    expect(list.find((f) => f.keyword === 'LICENSE')?.message).toBe(
      "LICENSE must be 'CC BY 4.0', found 'CC-BY-4.0'",
    );
    expect(list.find((f) => f.keyword === 'MJD-BEG')?.hint).toBe('remove the quotes: MJD-BEG = 59737.2');
  });
});

describe('keyword profiles are data', () => {
  it('changing a schema file alone changes what is required', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hlsp-profiles-'));
    try {
      cpSync(DEFAULT_SCHEMA_DIR, dir, { recursive: true });
      const common = JSON.parse(readFileSync(join(dir, 'common.json'), 'utf8'));
      common.keywords.CONTACT = { level: 'required', hdu: 'primary', type: 'string', pattern: '@' };
      common.keywords.LICENSE.const = 'CC0';
      writeFileSync(join(dir, 'common.json'), JSON.stringify(common));
      const hdus = demoSpecs().fits.get(IMAGE)!;
      const context = fitsContext(fitsFile(hdus), { name: name(IMAGE), settings: { project: 'nirdemo' } });
      expect(profileFindings(context)).toEqual([]);
      const changed = profileFindings(context, loadProfiles(dir));
      expect(changed.map((f) => [f.ruleId, f.keyword])).toEqual([
        ['hlsp/keyword-required', 'CONTACT'],
        ['hlsp/keyword-value', 'LICENSE'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('chooses profiles from the config, the product type, or the data', () => {
    const hdus = demoSpecs().fits.get(CATALOG_PATH)!;
    const bytes = fitsFile(hdus);
    const byName = fitsContext(bytes, { name: name(CATALOG_PATH) });
    expect(profileFindings(byName).length).toBe(0);
    const asImage = fitsContext(bytes, { name: name(CATALOG_PATH), profiles: ['image'] });
    expect(profileFindings(asImage).some((f) => f.keyword === 'BUNIT')).toBe(true);
  });

  it('every profile validates against profile.schema.json', async () => {
    const { default: Ajv } = await import('ajv');
    const ajv = new Ajv.default({ strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(DEFAULT_SCHEMA_DIR, 'profile.schema.json'), 'utf8')),
    );
    for (const profile of ['common', 'image', 'spectrum', 'lightcurve', 'catalog', 'jwst']) {
      expect(
        validate(JSON.parse(readFileSync(join(DEFAULT_SCHEMA_DIR, `${profile}.json`), 'utf8'))),
        profile,
      ).toBe(true);
    }
  });
});
