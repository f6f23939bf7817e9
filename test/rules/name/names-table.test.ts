/**
 * Name verdicts, case by case. Sources: [FNC] MAST HLSP Contributor Guide "File Naming Convention";
 * [MCT] spacetelescope/mast_contributor_tools filename checker (its regexes, lists and tests, as
 * summarised in shared/reference/hlsp-requirements.md §1); [D] DESIGN.md §1 (where we go beyond
 * MAST's checker, see docs/naming.md).
 */
import { describe, expect, it } from 'vitest';
import { namesReport } from '../../../src/api/check.js';
import { builtinRules } from '../../../src/rules/index.js';

const checkName = (name: string, settings: { project: string }) => {
  const report = namesReport([name], settings.project, builtinRules);
  return { verdict: report.summary.verdict, findings: report.findings };
};

type Verdict = 'PASS' | 'NEEDS REVIEW' | 'FAIL';
const P = 'hlsp_ceers_';
const cases: [string, Verdict, string[], string][] = [
  // Full 9-field names [FNC]
  [`${P}jwst_nircam_egs_f200w_v1.0_i2d.fits`, 'PASS', [], 'FNC template'],
  [`${P}jwst_nircam_egs_f200w_v1_i2d.fits`, 'PASS', [], 'MCT version v1'],
  [`${P}jwst_nircam_egs_f200w_v1.1.2_i2d.fits`, 'PASS', [], 'MCT version vX.Y.Z'],
  [`${P}jwst_nircam_egs_f200w_v01_i2d.fits`, 'PASS', [], 'MCT regex accepts v01'],
  [`${P}jwst_nircam_egs_f200w_v1p0p1_i2d.fits`, 'PASS', [], 'MCT: p stands for .'],
  [`${P}jwst_nircam_egs_f200w_v100_i2d.fits`, 'PASS', [], 'MCT regex accepts v100'],
  [`${P}jwst_nircam_egs_clear-f200w_v1_i2d.fits`, 'PASS', [], 'FNC: elements joined by -'],
  [`${P}jwst_nircam_egs_f150w-f200w_v1_img.fits`, 'PASS', [], 'FNC: several filters'],
  [`${P}jwst_nircam_egs_multi_v1_cat.fits`, 'PASS', [], 'FNC: multi'],
  [`${P}jwst_nirspec_egs-01_f170lp-g235m_v1_x1d.fits`, 'PASS', [], 'NIRSpec filter and grating'],
  [`${P}jwst_miri_egs_f770w_v1_i2d.fits`, 'PASS', [], 'MIRI filter'],
  [`${P}jwst_niriss_egs_f150w_v1_i2d.fits`, 'PASS', [], 'NIRISS filter'],
  [`${P}hst_acs-wfc_m31_f814w_v1_drz.fits`, 'PASS', [], 'FNC: instrument with channel'],
  [`${P}hst_wfc3-uvis_m31_f606w_v1_drz.fits`, 'PASS', [], 'WFC3/UVIS'],
  [`${P}hst_wfc3-ir_m31_f160w_v1_drz.fits`, 'PASS', [], 'WFC3/IR'],
  [`${P}hst-jwst_acs-nircam_egs_f814w-f200w_v1_cat.fits`, 'PASS', [], 'FNC: several observatories'],
  [`${P}tess_ffi_tic12345678_tess_v1_lc.fits`, 'PASS', [], 'MCT oif: tess/ffi/tess'],
  [`${P}multi_multi_egs_multi_v1_cat.fits`, 'PASS', [], 'MCT oif: multi'],
  [`${P}jwst_nircam_egs_f200w_v1_i2d.fits.gz`, 'PASS', [], 'MCT ExtensionTypes: fits.gz'],
  [`${P}jwst_nircam_egs_f200w_v1_cat.csv`, 'PASS', [], 'MCT ExtensionTypes: csv'],
  [`${P}jwst_nircam_egs_f200w_v1_cat.ecsv`, 'PASS', [], 'MCT ExtensionTypes: ecsv'],
  [`${P}jwst_nircam_egs_f200w_v1_preview.png`, 'PASS', [], 'MCT: preview png'],
  [`${P}jwst_nircam_egs_f200w_v1_phot-cat.fits`, 'PASS', [], 'FNC: compound product type'],
  [
    `${P}jwst_nircam_j152447.75-p041919.8_f200w_v1_i2d.fits`,
    'PASS',
    [],
    'MCT tests: coordinate target with . and p',
  ],
  [`${P}jwst_nircam_2mass-j0421_f200w_v1_i2d.fits`, 'PASS', [], 'MCT: target may start with a digit'],
  [`${P}jwst_nircam_m101-01_f200w_v1_i2d.fits`, 'PASS', [], 'FNC: zero-padded counter'],
  [`${P}jwst_nircam_m101-ep1_f200w_v1_i2d.fits`, 'PASS', [], 'FNC: epoch ep<n>'],
  // README and short names [FNC][MCT]
  [`${P}readme.txt`, 'PASS', [], 'FNC README exception'],
  [`${P}readme.md`, 'PASS', [], 'MCT passing example'],
  [`${P}manifest.csv`, 'PASS', [], 'D: manifest like the README'],
  [`${P}jwst_nircam_egs_multi_v1_readme.txt`, 'PASS', [], 'MCT passing example (long README)'],
  [`${P}jwst_egs_v1.0_readme.md`, 'PASS', [], 'MCT: dotted version in a README name'],
  [
    `${P}multi_nircam-wfc3_egs_f200w-f160w_v1_cat.fits`,
    'PASS',
    [],
    'issue 18 §7: multi takes any known instrument and filter',
  ],
  [
    `${P}multi_multi_egs_f200w-f814w_v1_cat.fits`,
    'PASS',
    [],
    'issue 18 §7: multi instrument, filters of any mission',
  ],
  [
    `${P}multi_nircam_egs_f999q_v1_cat.fits`,
    'NEEDS REVIEW',
    ['name/optical-element'],
    'unknown filter under multi',
  ],
  [`${P}jwst_anything_readme.txt`, 'PASS', [], 'issue 18 §7: real collections, README without version'],
  [`${P}alltargets_v1_cat.fits`, 'PASS', [], 'MCT: 5-field name'],
  [`${P}egs_f200w_v1_img.fits`, 'PASS', [], 'MCT: 6-field name'],
  [`${P}jwst_egs_f200w_v1_img.fits`, 'PASS', [], 'MCT: 7-field name'],
  // FAIL: case and characters [FNC][MCT]
  [
    'HLSP_ceers_jwst_nircam_egs_f200w_v1-1_i2d.fits',
    'FAIL',
    ['name/characters', 'name/version'],
    'MCT tutorial: upper case; no hyphen in version',
  ],
  [`${P}JWST_nircam_egs_f200w_v1_i2d.fits`, 'FAIL', ['name/characters'], 'MCT tests: upper-case observatory'],
  [`${P}jwst_nircam_M31_f200w_v1_i2d.fits`, 'FAIL', ['name/characters'], 'MCT tests: M31'],
  [`${P}hst_acs-wfc_m31_F435W_v1_drz.fits`, 'FAIL', ['name/characters'], 'MCT tests: F435W'],
  [`${P}jwst_nircam_egs_f200w_V1_i2d.fits`, 'FAIL', ['name/characters', 'name/version'], 'MCT tests: V1'],
  [`${P}jwst_nircam_egs_f200w_v1_i2d.JPG`, 'FAIL', ['name/characters'], 'MCT tests: JPG'],
  [`${P}jwst_nircam_egs field_f200w_v1_i2d.fits`, 'FAIL', ['name/characters'], 'FNC: no spaces'],
  [
    `${P}jwst_nircam_egs_f200w+f150w_v1_i2d.fits`,
    'FAIL',
    ['name/characters', 'name/optical-element'],
    "FNC: '+' only in target",
  ],
  [
    `${P}jwst_nircam.v2_egs_f200w_v1_i2d.fits`,
    'FAIL',
    ['name/characters', 'name/instrument'],
    "FNC: '.' only in target, version, extension",
  ],
  [
    `${P}jwst_nircam_egs_f200w_v1_i2d.fi#ts`,
    'FAIL',
    ['name/characters', 'name/extension'],
    'extension characters',
  ],
  [`${P}jwst__egs_f200w_v1_i2d.fits`, 'FAIL', ['name/characters'], 'empty field'],
  [`${P}jwst_nircam_egs_-f200w_v1_i2d.fits`, 'FAIL', ['name/characters'], 'leading hyphen'],
  // FAIL: structure [MCT]
  ['hlsp_ceers_cat.fits', 'FAIL', ['name/field-count'], 'MCT: fewer than 4 fields'],
  ['hlsp_ceers.fits', 'FAIL', ['name/field-count'], 'MCT: 3 fields'],
  [`${P}a_b_c_d_e_f_g_v1_img.fits`, 'FAIL', ['name/field-count'], 'MCT: more than 9 fields'],
  [`${P}jwst_nircam_egs_f200w_v1_i2d`, 'FAIL', ['name/field-count'], 'no extension'],
  [
    `${P}egs_img.fits`,
    'FAIL',
    ['name/version'],
    'MCT: third from last is the version, required unless readme',
  ],
  ['hlsp-ceers-jwst-nircam.fits', 'FAIL', ['name/hlsp-prefix'], 'FNC: fields separated by _'],
  ['ceers_jwst_nircam_egs_f200w_v1_i2d.fits', 'FAIL', ['name/hlsp-prefix'], 'MCT: first field hlsp'],
  ['notes.txt', 'FAIL', ['name/hlsp-prefix'], 'D: files outside the template are reported'],
  [
    'hlsp_other_jwst_nircam_egs_f200w_v1_i2d.fits',
    'FAIL',
    ['name/project-id'],
    'MCT: proj-id must equal the HLSP name',
  ],
  [
    'hlsp_9ceers_jwst_nircam_egs_f200w_v1_i2d.fits',
    'FAIL',
    ['name/project-id'],
    'MCT regex: proj-id starts with a letter',
  ],
  // FAIL: version [MCT]
  [`${P}jwst_nircam_egs_f200w_v1-0_i2d.fits`, 'FAIL', ['name/version'], 'MCT: v1-0 rejected'],
  [`${P}jwst_nircam_egs_f200w_dr1_i2d.fits`, 'FAIL', ['name/version'], 'MCT: dr1 rejected'],
  [`${P}jwst_nircam_egs_f200w_1.2.3_i2d.fits`, 'FAIL', ['name/version'], 'MCT: no leading v'],
  [`${P}jwst_nircam_egs_f200w_v1._i2d.fits`, 'FAIL', ['name/version'], 'MCT: v1. rejected'],
  [`${P}jwst_nircam_egs_f200w_v1.2.3.4_i2d.fits`, 'FAIL', ['name/version'], 'MCT: v1.2.3.4 rejected'],
  [
    `${P}jwst_nircam_egs_f200w_v1.2.2a_i2d.fits`,
    'FAIL',
    ['name/version'],
    'MCT regex rejects v1.2.2a (docs allow it)',
  ],
  [`${P}jwst_nircam_egs_f200w_v_i2d.fits`, 'FAIL', ['name/version'], 'MCT: v alone'],
  // FAIL: lengths [MCT fc_config]
  [
    `hlsp_${'a'.repeat(21)}_jwst_nircam_egs_f200w_v1_i2d.fits`,
    'FAIL',
    ['name/field-length', 'name/project-id'],
    'proj-id > 20',
  ],
  [`${P}jwst_nircam_${'t'.repeat(31)}_f200w_v1_i2d.fits`, 'FAIL', ['name/field-length'], 'target > 30'],
  [
    `${P}jwst_nircam_egs_f200w_v1_${'x'.repeat(17)}.fits`,
    'FAIL',
    ['name/field-length', 'name/product-type'],
    'product type > 16',
  ],
  [
    `${P}jwst_${'i'.repeat(21)}_egs_f200w_v1_i2d.fits`,
    'FAIL',
    ['name/field-length', 'name/instrument'],
    'instrument > 20',
  ],
  [`${P}jwst_nircam_123-456_f200w_v1_i2d.fits`, 'FAIL', ['name/target'], 'D: target needs a letter'],
  // NEEDS REVIEW: vocabularies and combinations [MCT][D]
  [`${P}roman_wfi_egs_f158_v1_img.fits`, 'PASS', [], 'D: roman is in our list (MCT: NEEDS REVIEW)'],
  [`${P}jwst_wfc3_egs_f775w_v1_img.fits`, 'NEEDS REVIEW', ['name/instrument'], 'D: jwst_wfc3 combination'],
  [
    `${P}jwst_nircam_egs_f775w_v1_img.fits`,
    'NEEDS REVIEW',
    ['name/optical-element'],
    'D: f775w is not a NIRCam filter',
  ],
  [
    `${P}jwst_nircam_egs_f201w_v1_img.fits`,
    'NEEDS REVIEW',
    ['name/optical-element'],
    'typo with did-you-mean',
  ],
  [`${P}jwst_nircma_egs_f200w_v1_img.fits`, 'NEEDS REVIEW', ['name/instrument'], 'typo in instrument'],
  [`${P}jswt_nircam_egs_f200w_v1_img.fits`, 'NEEDS REVIEW', ['name/observatory'], 'typo in observatory'],
  [
    `${P}hubble_acs_m31_f814w_v1_drz.fits`,
    'NEEDS REVIEW',
    ['name/observatory'],
    'MCT: unknown mission → NEEDS REVIEW',
  ],
  [
    `${P}jwst_nircam_egs_f200w_v1_fullspec.fits`,
    'NEEDS REVIEW',
    ['name/product-type'],
    'MCT: unknown product type fullspec',
  ],
  [
    `${P}jwst_nircam_egs_f200w_v1_npole-globalmap.fits`,
    'NEEDS REVIEW',
    ['name/product-type'],
    'MCT: npole-globalmap',
  ],
  [`${P}jwst_nircam_egs_f200w_v1_i2d.docx`, 'NEEDS REVIEW', ['name/extension'], 'MCT: unknown extension'],
  [
    `${P}jwst_nircam_egs_f200w_v1_i2d.fits.xz`,
    'NEEDS REVIEW',
    ['name/extension'],
    'compression not in the list',
  ],
  [
    `${P}jwst_nircam_2m04215943+1932063_f200w_v1_i2d.fits`,
    'NEEDS REVIEW',
    ['name/target'],
    "D: '+' → suggest p/m (MAST_HLSP change_names)",
  ],
  [`${P}jwst_nircam_m101-epoch2_f200w_v1_i2d.fits`, 'NEEDS REVIEW', ['name/target'], 'FNC: epochs are ep<n>'],
  [
    `${P}jwst_nircam_${'t'.repeat(30)}_f200w-f150w-f444w_v1.0_phot-cat.fits.gz`,
    'NEEDS REVIEW',
    ['name/total-length'],
    'FNC: ≤ 90 characters',
  ],
];

describe('file-name verdicts (project ceers)', () => {
  it('has at least 80 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases)('%s → %s', (name, verdict, ruleIds, _source) => {
    const result = checkName(name, { project: 'ceers' });
    expect([...new Set(result.findings.map((f) => f.ruleId))].sort()).toEqual([...ruleIds].sort());
    expect(result.verdict).toBe(verdict);
  });

  it('explains the v1-1 mistake with a concrete fix', () => {
    const result = checkName(`${P}jwst_nircam_egs_f200w_v1-1_i2d.fits`, { project: 'ceers' });
    expect(result.findings.find((f) => f.ruleId === 'name/version')?.hint).toBe(
      'write v1.1 (or v1p1), not v1-1',
    );
  });

  it('suggests the nearest filter', () => {
    const result = checkName(`${P}jwst_nircam_egs_f201w_v1_img.fits`, { project: 'ceers' });
    expect(result.findings[0]?.hint).toMatch(/did you mean 'f200w'|did you mean 'f210m'/);
  });
});
