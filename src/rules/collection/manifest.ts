import { readManifest } from '../../manifest/manifest.js';
import type { CollectionRule } from '../../types.js';

export const manifest: CollectionRule = {
  meta: {
    id: 'collection/manifest',
    description:
      'When the collection holds a manifest (hlsp_<proj-id>_manifest.csv), it lists exactly its files, with their sizes and SHA-256 sums.',
    severity: 'error',
    scope: 'collection',
    rationale:
      'MAST asks for a script-parsable manifest. A stale one (files added or removed, files replaced after it was written) misleads whoever ingests the delivery. Generate it with `hlsp-validate manifest`.',
    source: 'MAST HLSP Contributor Guide, "Science Data File Formats"',
  },
  check(context, report) {
    const manifests = context.files.filter((file) => file.kind === 'manifest');
    for (const file of manifests) {
      const { rows, error } = readManifest(file.text ?? '');
      if (error) {
        report({
          message: `${file.path}: ${error}`,
          hint: 'regenerate it with `hlsp-validate manifest <dir>`',
          path: file.path,
        });
        continue;
      }
      const base = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
      const present = new Map(
        context.files
          .filter((f) => !f.isDirectory && !f.skipped && f.kind !== 'manifest' && f.path.startsWith(base))
          .map((f) => [f.path.slice(base.length), f]),
      );
      const listed = new Set<string>();
      for (const row of rows) {
        listed.add(row.path);
        const actual = present.get(row.path);
        if (!actual) {
          report({
            message: `${file.path} line ${row.line} lists ${row.path}, which is not in the collection`,
            hint: 'add the file, or regenerate the manifest',
            path: file.path,
          });
          continue;
        }
        if (row.size !== null && row.size !== actual.size) {
          report({
            message: `${row.path} is ${actual.size} bytes, but ${file.path} line ${row.line} says ${row.size}`,
            hint: 'the file changed after the manifest was written; regenerate the manifest',
            path: actual.path,
          });
        } else if (row.sha256 !== '' && actual.sha256 && row.sha256 !== actual.sha256) {
          report({
            message: `${row.path} has SHA-256 ${actual.sha256}, but ${file.path} line ${row.line} says ${row.sha256}`,
            hint: 'the file changed after the manifest was written; regenerate the manifest',
            path: actual.path,
          });
        }
      }
      for (const [relative, actual] of present) {
        if (!listed.has(relative)) {
          report({
            message: `${actual.path} is not listed in ${file.path}`,
            hint: 'regenerate the manifest with `hlsp-validate manifest <dir>`',
            path: actual.path,
          });
        }
      }
    }
  },
};
