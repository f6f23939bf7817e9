import { plural } from '../util/plural.js';
import type { Report, Summary } from './types.js';

/**
 * "8 products, 3 support files": the README, the manifest and hlsp.config.json are counted apart,
 * as they are not products. Zero support files are left unsaid: collection/readme reports a
 * missing README.
 */
export function heldCounts(summary: Summary): string {
  const { files, products, supportFiles } = summary;
  // A report merged from shards of an older version has no product count.
  if (products === undefined) return plural(files, 'file');
  return supportFiles
    ? `${plural(products, 'product')}, ${plural(supportFiles, 'support file')}`
    : plural(products, 'product');
}

/** "8 products, 3 support files checked" (or "…, 1 file not checked"); "4 names checked" for `names`. */
export function collectionCounts(report: Report): string {
  if (!report.root) return `${plural(report.summary.files, 'name')} checked`;
  const unread = report.files.filter((file) => file.checked === false).length;
  const held = heldCounts(report.summary);
  return unread > 0 ? `${held}, ${plural(unread, 'file')} not checked` : `${held} checked`;
}

/** "3 errors, 1 warning, 2 info". */
export function findingCounts(report: Report): string {
  const { errors, warnings, infos } = report.summary;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`;
}
