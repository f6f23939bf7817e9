import type { CollectionRule } from '../../types.js';

export const directoryNames: CollectionRule = {
  meta: {
    id: 'collection/directory-names',
    description: 'Directory names are lower case.',
    severity: 'warning',
    scope: 'collection',
    rationale:
      "MAST's own name checker flags directories that are not lower case; file names must be lower case too.",
    source: 'spacetelescope/MAST_HLSP check_file_names.py',
  },
  check(context, report) {
    for (const file of context.files) {
      if (!file.isDirectory) continue;
      const name = file.path.split('/').pop() ?? '';
      if (name !== name.toLowerCase()) {
        report({
          message: `the directory name '${name}' is not lower case`,
          hint: `rename it to '${name.toLowerCase()}'`,
          path: file.path,
        });
      }
    }
  },
};
