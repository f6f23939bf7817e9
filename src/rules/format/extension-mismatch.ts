import type { FileRule } from '../../types.js';

export const extensionMismatch: FileRule = {
  meta: {
    id: 'format/extension-mismatch',
    description:
      "A file's content is the format its extension names: a .fits file holds FITS, a .png a PNG image.",
    severity: 'error',
    scope: 'file',
    rationale:
      'The archive, and every reader after it, trusts the extension. A PNG named .fits, random bytes named .ecsv or an uncompressed file named .gz is unreadable for them; the content is recognised by its magic bytes, and what is checked is the content.',
    source: 'MAST HLSP Contributor Guide, file formats; docs/formats.md',
  },
  check(context, report) {
    if (context.format.verdict !== 'disagrees') return;
    const suggested = context.format.suggestedExtension;
    report({
      message: context.format.message ?? `the content is not what the extension ${context.name} names`,
      hint: suggested
        ? `rename the file to end in .${suggested}, or replace it with the intended file`
        : 'replace it with the intended file, or give it the extension of what it holds',
    });
  },
};
