import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../src/rules/index.js';

const keywordRules = builtinRules.fits.filter((rule) => rule.meta.id.startsWith('hlsp/'));

import {
  DEFAULT_SCHEMA_DIR,
  loadProfiles,
  profileFindings,
} from '../../../src/rules/hlsp/support/profiles.js';
import { CATALOG_PATH, demoSpecs, SPECTRUM_PATH, setCard } from '../../support/demo.js';
import { card, fitsFile, type HduSpec } from '../../support/fits-builder.js';
import { expectGolden } from '../../support/golden.js';
import { data, IMAGE, keywordCases, type Mutation, primary } from '../../support/keyword-corpus.js';
import { fitsContext, runFitsRules } from '../../support/rule-harness.js';

const name = (path: string) => path.split('/').pop()!;
const cases = keywordCases;
const GOLDEN = new URL('../../../fixtures/keywords/', import.meta.url).pathname;
const slug = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function build(path: string, mutate: Mutation = () => {}): Buffer {
  const hdus = structuredClone(demoSpecs().fits.get(path)!) as HduSpec[];
  mutate(hdus);
  return fitsFile(hdus);
}

function findings(path: string, mutate: Mutation = () => {}, fileName = name(path)) {
  return runFitsRules(build(path, mutate), keywordRules, {
    name: fileName,
    settings: { project: 'nirdemo' },
  });
}
const ids = (list: { ruleId: string }[]) => [...new Set(list.map((f) => f.ruleId))].sort();

describe('the demo products pass every keyword rule', () => {
  it.each([IMAGE, CATALOG_PATH, SPECTRUM_PATH])('%s', (path) => {
    expect(findings(path)).toEqual([]);
  });
});

describe('each keyword rule fails on its defect', () => {
  it.each(cases)('%s', (label, path, mutate, expected, fileName) => {
    const file = fileName ?? name(path);
    const found = findings(path, mutate, file);
    expect(ids(found)).toEqual(expected);
    // The file and every finding (message, HDU, keyword, offset, hint) are pinned beside each other.
    const dir = join(GOLDEN, slug(label));
    expectGolden(join(dir, file), build(path, mutate));
    expectGolden(join(dir, file.replace(/\.fits$/, '.expected.json')), `${JSON.stringify(found, null, 2)}\n`);
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

  it('reports a keyword once per card when two profiles look for it in different HDUs', () => {
    // image looks for FILTER in the primary header first, lightcurve in the data HDU: two cards.
    const hdus = structuredClone(demoSpecs().fits.get(IMAGE)!) as HduSpec[];
    setCard(primary(hdus), 'FILTER', card('FILTER', 150));
    setCard(data(hdus), 'FILTER', card('FILTER', 150));
    const context = fitsContext(fitsFile(hdus), { name: name(IMAGE), profiles: ['image', 'lightcurve'] });
    const typeFindings = profileFindings(context).filter((f) => f.keyword === 'FILTER');
    expect(typeFindings.map((f) => [f.ruleId, f.hdu])).toEqual([
      ['hlsp/keyword-type', 0],
      ['hlsp/keyword-type', 1],
    ]);
    // The next file starts afresh: the same defect is reported again.
    const again = fitsContext(fitsFile(hdus), { name: name(IMAGE), profiles: ['image', 'lightcurve'] });
    expect(profileFindings(again).filter((f) => f.keyword === 'FILTER')).toEqual(typeFindings);
  });

  it('every profile validates against profile.schema.json', async () => {
    const { default: Ajv } = await import('ajv');
    const ajv = new Ajv.default({ strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(DEFAULT_SCHEMA_DIR, 'profile.schema.json'), 'utf8')),
    );
    for (const profile of ['common', 'image', 'spectrum', 'lightcurve', 'catalog', 'jwst']) {
      const data = JSON.parse(readFileSync(join(DEFAULT_SCHEMA_DIR, `${profile}.json`), 'utf8'));
      expect(validate(data), profile).toBe(true);
      // The tool compiles the bundled profiles without the meta-schema check: each constraint must be valid JSON Schema.
      for (const [keyword, spec] of Object.entries(data.keywords as Record<string, object>)) {
        const {
          level: _l,
          hdu: _h,
          type: _t,
          description: _d,
          mjd: _m,
          format: _f,
          ...constraints
        } = spec as Record<string, unknown>;
        expect(ajv.validateSchema(constraints), `${profile} ${keyword}`).toBe(true);
      }
    }
  });
});

describe('hlsp/name-header-match with MULTI and numbered companions', () => {
  const { nameHeaderMatch } = {
    nameHeaderMatch: keywordRules.find((r) => r.meta.id === 'hlsp/name-header-match')!,
  };
  const name = 'hlsp_test_jwst_nircam_field_f150w-f200w-f444w_v1_cat.fits';
  const check = (cards: ReturnType<typeof card>[]) =>
    runFitsRules(
      fitsFile([{ cards: [card('SIMPLE', true), card('BITPIX', 8), card('NAXIS', 0), ...cards] }]),
      [nameHeaderMatch],
      { name },
    );

  it('takes the filters from FILTERnn (and PUPILnn) when FILTER is MULTI', () => {
    const companions = [
      card('TELESCOP', 'JWST'),
      card('INSTRUME', 'NIRCAM'),
      card('FILTER', 'MULTI'),
      card('FILTER01', 'F150W'),
      card('FILTER02', 'F200W'),
      card('PUPIL', 'MULTI'),
      card('PUPIL01', 'F444W'),
    ];
    expect(check(companions)).toEqual([]);
  });

  it('reports a filter of the name that no companion has', () => {
    const findings = check([
      card('TELESCOP', 'JWST'),
      card('INSTRUME', 'NIRCAM'),
      card('FILTER', 'MULTI'),
      card('FILTER01', 'F150W'),
      card('FILTER02', 'F200W'),
      card('FILTERXY', 'F444W'), // not a numbered companion
    ]);
    expect(findings.map((f) => f.keyword)).toEqual(['FILTER']);
    expect(findings[0]!.message).toBe(
      "the file name's opt-elem 'f150w-f200w-f444w' has 'f444w', which the header does not give (FILTER01 = 'F150W', FILTER02 = 'F200W')",
    );
  });
});

describe('hlsp/multi-companions for a keyword shorter than six letters', () => {
  const multi = keywordRules.find((r) => r.meta.id === 'hlsp/multi-companions')!;
  const check = (cards: ReturnType<typeof card>[]) =>
    runFitsRules(
      fitsFile([{ cards: [card('SIMPLE', true), card('BITPIX', 8), card('NAXIS', 0), ...cards] }]),
      [multi],
    );

  it("finds PUPIL's companions PUPIL01, PUPIL02", () => {
    expect(check([card('PUPIL', 'MULTI'), card('PUPIL01', 'CLEAR'), card('PUPIL02', 'F405N')])).toEqual([]);
  });

  it('still reports PUPIL = MULTI without PUPILnn', () => {
    const findings = check([card('PUPIL', 'MULTI'), card('PUPIL_01', 'CLEAR')]);
    expect(findings.map((f) => f.message)).toEqual([
      "PUPIL = 'MULTI' but there are no PUPIL01, PUPIL02… keywords",
    ]);
  });
});
