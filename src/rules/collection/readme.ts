import type { CollectionRule } from '../../types.js';

/** Sections MAST asks a README to have, each with words that show it is there. */
const SECTIONS: { name: string; evidence: RegExp }[] = [
  { name: 'contact details', evidence: /contact|e-?mail|@[a-z0-9-]+\.[a-z]/i },
  { name: 'version and changes', evidence: /version|change ?log|changes|release notes/i },
  { name: 'references or DOI', evidence: /reference|doi|10\.17909\/|bibcode|citation|cite/i },
  { name: 'description of the files', evidence: /file|product|column|extension|hdu/i },
];

/** A file name that says it is a README: readme.md, README, hlsp_other_readme.txt. */
const README_LIKE = /^(.*_)?readme(\.[a-z0-9]+)?$/i;

/** The misnamed README's own text extension (md, txt), or md when it has none. */
function readmeExtension(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? 'md' : path.slice(dot + 1).toLowerCase();
}

export const readme: CollectionRule = {
  meta: {
    id: 'collection/readme',
    description:
      'The collection has a README named hlsp_<proj-id>_readme.<ext> at its root, not empty, with the sections MAST asks for.',
    severity: 'error',
    scope: 'collection',
    rationale:
      'MAST publishes the README on the collection page. It must give contact details, the version and changes since the last delivery, references, and describe the files.',
    source: 'MAST HLSP Contributor Guide, "Organizing the Collection" and "Science Data File Formats"',
  },
  check(context, report) {
    const project = context.settings.project;
    const atRoot = context.files.filter((file) => file.kind === 'readme' && !file.path.includes('/'));
    const candidates = project
      ? atRoot.filter((file) => file.path.toLowerCase().startsWith(`hlsp_${project}_readme.`))
      : atRoot;
    // Discovery classes only hlsp_*_readme.* as a README; readme.md or README.txt is still one.
    const misnamed =
      atRoot[0] ??
      context.files.find(
        (file) => !file.path.includes('/') && !file.isDirectory && README_LIKE.test(file.path),
      );
    if (candidates.length === 0 && misnamed && project) {
      // At the root but under another name: renaming it is the whole fix.
      const expected = `hlsp_${project}_readme.${readmeExtension(misnamed.path)}`;
      report({
        message: `the README ${misnamed.path} is at the collection root but misnamed: MAST expects ${expected}`,
        hint: `rename ${misnamed.path} to ${expected}`,
        path: misnamed.path,
      });
      return;
    }
    if (candidates.length === 0) {
      const elsewhere = context.files.find((file) => file.kind === 'readme');
      const expected = project ? `hlsp_${project}_readme.md` : 'hlsp_<proj-id>_readme.md';
      report({
        message: elsewhere
          ? `the README must be at the collection root, found only ${elsewhere.path}`
          : `the collection has no README (expected ${expected} at the root)`,
        hint: `add ${expected} (or .txt) with contact details, version and changes, references and a description of the files`,
        path: elsewhere?.path ?? '',
      });
      return;
    }
    for (const file of candidates) {
      const text = file.text ?? '';
      if (file.readError) {
        report({ message: `the README cannot be read: ${file.readError}`, path: file.path });
        continue;
      }
      if (text.trim() === '') {
        report({
          message: 'the README is empty',
          hint: 'describe the collection: contact, version, references, files',
          path: file.path,
        });
        continue;
      }
      for (const section of SECTIONS) {
        if (!section.evidence.test(text)) {
          report({
            message: `the README seems to have no ${section.name}`,
            hint: `add a section with the ${section.name}; MAST asks for it in every README`,
            severity: 'warning',
            path: file.path,
          });
        }
      }
    }
  },
};
