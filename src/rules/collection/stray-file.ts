import { basename } from 'node:path';
import { STRAY_FILE } from '../../naming/stray-file.js';
import type { CollectionRule } from '../../types.js';

export const strayFile: CollectionRule = {
  meta: {
    id: 'collection/stray-file',
    description:
      'No files left behind by operating systems or editors (.DS_Store, Thumbs.db, backups, swap files).',
    severity: 'warning',
    scope: 'collection',
    rationale: 'Such files are not products; MAST would have to remove them by hand before ingest.',
  },
  check(context, report) {
    for (const file of context.files) {
      if (file.isDirectory || file.skipped) continue;
      if (STRAY_FILE.test(basename(file.path))) {
        report({
          message: `${basename(file.path)} is not a product of the collection`,
          hint: 'delete it before delivery',
          path: file.path,
        });
      }
    }
  },
};
