import { FORMATS } from '../../formats/registry.js';
import { readerFor } from '../../readers/index.js';
import type { FileRule } from '../../types.js';

/** Documentation: read by people, not by the archive's tools. */
const DOCUMENTATION = new Set(['md', 'rst', 'txt', 'readme', 'pdf', 'html', 'htm']);

export const notChecked: FileRule = {
  meta: {
    id: 'format/not-checked',
    description:
      'Every product is read and judged by the rules of its format; a file of a format the tool cannot read yet is reported, never passed unread.',
    severity: 'warning',
    scope: 'file',
    rationale:
      'A PASS must mean "looked, and found it right". FITS, the preview images (PNG, JPEG, GIF), the tables (Parquet, ECSV, CSV and text tables, VOTable), ASDF and archives are read; data in a format that is only identified (HDF5, SQLite, TIFF, PostScript, JSON, YAML, XML other than a VOTable, a compressed file that is not FITS or a table, unknown formats) gets a warning, so the file is NEEDS REVIEW; documentation (.md, .txt, .pdf, .html) gets an info. docs/formats.md lists what is read today.',
    source: 'docs/formats.md',
  },
  check(context, report) {
    if (context.checked || (context.format.verdict !== 'agrees' && context.format.verdict !== 'unpromised'))
      return;
    const extension = context.format.promise?.extension;
    const documentation = extension !== undefined && DOCUMENTATION.has(extension);
    // Members of an archive get the FITS and format checks only: a table or image reader works on files.
    if (
      !documentation &&
      context.path.includes('!') &&
      readerFor(context.contentFormat, extension) !== undefined
    ) {
      report({
        message: `not checked: ${describe(context.contentFormat)} inside an archive is not read yet (only beside it), so its content was not judged`,
        hint: 'deliver the file beside the archive, where it is read and checked in full, or review it by hand',
      });
      return;
    }
    report({
      message: `not checked: hlsp-validate cannot read ${describe(context.contentFormat)} yet, so its content was not judged`,
      severity: documentation ? 'info' : 'warning',
      hint: documentation
        ? 'documentation is for people: read it over before delivery'
        : 'review the file by hand, or deliver the data as FITS, which is checked in full',
    });
  },
};

const LABELS = new Map<string, string>(FORMATS.map((info) => [info.id, info.label]));

/** "a PNG image", "HDF5 data"; for unknown content, what the tool saw. */
function describe(format: string): string {
  return LABELS.get(format) ?? format;
}
