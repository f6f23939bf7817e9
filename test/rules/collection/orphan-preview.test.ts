import { describe, expect, it } from 'vitest';
import { orphanPreview } from '../../../src/rules/collection/orphan-preview.js';
import { directory, file, runCollectionRule } from './run-collection-rule.js';

const product = 'hlsp_demo_jwst_nircam_egs_f200w_v1.0_i2d.fits';
const preview = (name: string, extra = {}) =>
  file(`images/${name}`, { kind: 'preview', format: 'png', ...extra });

describe('collection/orphan-preview', () => {
  it('reports a preview whose product is not in the collection, with the closest product', () => {
    const findings = runCollectionRule(orphanPreview, [
      file(`images/${product}`),
      preview('hlsp_demo_jwst_nircam_egs_f150w_v1.0_i2d.png'),
    ]);
    expect(findings).toEqual([
      {
        ruleId: 'collection/orphan-preview',
        severity: 'warning',
        path: 'images/hlsp_demo_jwst_nircam_egs_f150w_v1.0_i2d.png',
        message:
          'the preview hlsp_demo_jwst_nircam_egs_f150w_v1.0_i2d.png belongs to no product: no product is named hlsp_demo_jwst_nircam_egs_f150w_v1.0_i2d.<extension>',
        hint: `did you mean the preview of ${product}? name a preview after its product, with the image's extension (…_i2d.png for …_i2d.fits) or with product type preview (…_v1.0_preview.png); or leave it out of the delivery`,
      },
    ]);
  });

  it('reports a _preview whose other fields match no product', () => {
    const findings = runCollectionRule(orphanPreview, [
      file(product),
      preview('hlsp_demo_jwst_nircam_egs_f200w_v2.0_preview.jpg', { format: 'jpeg' }),
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'the preview hlsp_demo_jwst_nircam_egs_f200w_v2.0_preview.jpg belongs to no product: no product is named hlsp_demo_jwst_nircam_egs_f200w_v2.0_<product type>.<extension>',
    ]);
  });

  it('does not take a README, the manifest, another preview or a stray file for a product', () => {
    const findings = runCollectionRule(orphanPreview, [
      file('hlsp_demo_readme.md', { kind: 'readme' }),
      file('hlsp_demo_manifest.csv', { kind: 'manifest' }),
      preview('hlsp_demo_readme.png'),
      preview('hlsp_demo_manifest.gif', { format: 'gif' }),
      file('hlsp_demo_x_v1_cat.fits~', { kind: 'other' }),
      preview('hlsp_demo_x_v1_cat.png'),
    ]);
    expect(findings.map((f) => f.path)).toEqual([
      'images/hlsp_demo_readme.png',
      'images/hlsp_demo_manifest.gif',
      'images/hlsp_demo_x_v1_cat.png',
    ]);
  });

  it('passes a preview named after its product (any extension, any directory, any case) or as its _preview', () => {
    const findings = runCollectionRule(orphanPreview, [
      file(`images/${product}`),
      file('catalogs/hlsp_demo_jwst_nircam_egs_multi_v1.0_cat.fits.gz', { kind: 'fits.gz' }),
      file('tables/hlsp_demo_jwst_nircam_egs_multi_v1.0_phot.ecsv', { kind: 'table' }),
      preview('hlsp_demo_jwst_nircam_egs_f200w_v1.0_i2d.png'),
      file('previews/HLSP_demo_jwst_nircam_egs_multi_v1.0_cat.JPG', { kind: 'preview', format: 'jpeg' }),
      preview('hlsp_demo_jwst_nircam_egs_multi_v1.0_phot.gif', { format: 'gif' }),
      preview('hlsp_demo_jwst_nircam_egs_f200w_v1.0_preview.png'),
    ]);
    expect(findings).toEqual([]);
  });

  it('leaves alone PDFs, files that are not images, directories and skipped entries', () => {
    const findings = runCollectionRule(orphanPreview, [
      preview('hlsp_demo_paper.pdf', { format: 'pdf' }),
      preview('hlsp_demo_random_v1_i2d.png', { format: 'unknown' }),
      directory('images/previews.png'),
      preview('hlsp_demo_link_v1_i2d.png', { skipped: 'symlink' }),
    ]);
    expect(findings).toEqual([]);
  });
});
