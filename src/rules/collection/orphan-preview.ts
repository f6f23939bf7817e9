import { parseName } from '../../naming/parse.js';
import { STRAY_FILE } from '../../naming/stray-file.js';
import type { CollectionRule, FileRecord } from '../../types.js';
import { didYouMean } from '../../util/did-you-mean.js';

/** The content formats of preview images; other files named like previews (PDF, TIFF) are not judged here. */
const PREVIEW_FORMATS = new Set(['png', 'jpeg', 'gif']);
const NOT_PRODUCTS = new Set<FileRecord['kind']>(['preview', 'readme', 'manifest']);
/** Did-you-mean compares with the products of the preview's own directory, up to this many. */
const MAX_SUGGESTION_CANDIDATES = 2000;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const directoryOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** A name without its extension (`…_v1.0_i2d.fits.gz` → `…_v1.0_i2d`), lower case. */
function stemOf(name: string): string {
  const parsed = parseName(name.toLowerCase());
  return parsed.extension ? parsed.name.slice(0, -(parsed.extension.length + 1)) : parsed.name;
}

/** A stem without its last field, the product type (`…_v1.0_i2d` → `…_v1.0`). */
function withoutProductType(stem: string): string {
  const cut = stem.lastIndexOf('_');
  return cut < 0 ? stem : stem.slice(0, cut);
}

export const orphanPreview: CollectionRule = {
  meta: {
    id: 'collection/orphan-preview',
    description:
      'Every preview image (PNG, JPEG, GIF) belongs to a product: it has the same name up to the extension (…_i2d.png for …_i2d.fits), or product type preview and the same fields as a product before its product type (…_v1.0_preview.png for …_v1.0_i2d.fits).',
    severity: 'warning',
    scope: 'collection',
    rationale:
      'MAST shows a preview beside the product it belongs to, which it finds by name. A preview whose product is not in the delivery (renamed, left out, or misspelled) is shown with nothing or not at all. Names are compared without case (collection/unique-names and name/characters judge case) and across the whole collection, as previews may sit in a directory of their own. Files named like previews whose content is not an image, and PDF or TIFF files, are not judged here.',
    source: 'MAST HLSP contributor guide, file naming (preview images)',
  },
  check(context, report) {
    const isPreview = (file: FileRecord) =>
      file.kind === 'preview' && file.format !== undefined && PREVIEW_FORMATS.has(file.format);
    // Without a preview there is nothing to judge: no index of a large collection's names.
    if (!context.files.some(isPreview)) return;
    const stems = new Set<string>();
    const prefixes = new Set<string>();
    const byDirectory = new Map<string, string[]>();
    const previews: FileRecord[] = [];
    for (const file of context.files) {
      if (file.isDirectory || file.skipped || STRAY_FILE.test(baseName(file.path))) continue;
      if (isPreview(file)) {
        previews.push(file);
        continue;
      }
      if (NOT_PRODUCTS.has(file.kind)) continue;
      const stem = stemOf(baseName(file.path));
      stems.add(stem);
      prefixes.add(withoutProductType(stem));
      const directory = directoryOf(file.path);
      const names = byDirectory.get(directory) ?? [];
      if (names.length < MAX_SUGGESTION_CANDIDATES) names.push(baseName(file.path));
      byDirectory.set(directory, names);
    }
    for (const preview of previews) {
      const name = baseName(preview.path);
      const stem = stemOf(name);
      if (stems.has(stem)) continue;
      const typedPreview = parseName(name.toLowerCase()).productType === 'preview';
      if (typedPreview && prefixes.has(withoutProductType(stem))) continue;
      const closest = didYouMean(name, byDirectory.get(directoryOf(preview.path)) ?? []);
      const wanted = typedPreview
        ? `no product is named ${withoutProductType(stem)}_<product type>.<extension>`
        : `no product is named ${stem}.<extension>`;
      report({
        path: preview.path,
        message: `the preview ${name} belongs to no product: ${wanted}`,
        hint: `${closest ? `did you mean the preview of ${closest}? ` : ''}name a preview after its product, with the image's extension (…_i2d.png for …_i2d.fits) or with product type preview (…_v1.0_preview.png); or leave it out of the delivery`,
      });
    }
  },
};
