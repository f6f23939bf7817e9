import { basename } from 'node:path';
import type { CollectionRule } from '../../types.js';

export const uniqueNames: CollectionRule = {
  meta: {
    id: 'collection/unique-names',
    description: 'File names are unique across the whole collection, also when compared without case.',
    severity: 'error',
    scope: 'collection',
    rationale:
      'MAST serves every file of a collection from one namespace, and some file systems do not tell upper from lower case, so two files with the same name in different folders, or names differing only by case, collide.',
    source: 'MAST HLSP Contributor Guide, "File Naming Convention"',
  },
  check(context, report) {
    const byName = new Map<string, string[]>();
    for (const file of context.files) {
      if (file.isDirectory || file.skipped) continue;
      const key = basename(file.path).toLowerCase();
      const list = byName.get(key);
      if (list) list.push(file.path);
      else byName.set(key, [file.path]);
    }
    for (const paths of byName.values()) {
      if (paths.length < 2) continue;
      const [first, ...others] = paths.sort();
      for (const other of others) {
        const sameCase = basename(other) === basename(first!);
        report({
          message: sameCase
            ? `the name ${basename(other)} is used twice: ${first} and ${other}`
            : `${other} differs from ${first} only by upper/lower case`,
          hint: 'give every file a unique lower-case name, e.g. by adding a target or counter field',
          path: other,
        });
      }
    }
  },
};
