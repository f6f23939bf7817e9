import type { ContentRule } from '../../types.js';
import { isDataTable } from './support/table-rule.js';

export const csvNoMetadata: ContentRule = {
  meta: {
    id: 'csv/no-metadata',
    description:
      'A plain CSV, TSV or text table carries no metadata (units, types, HLSP keywords): deliver tables as ECSV or FITS.',
    severity: 'warning',
    scope: 'content',
    formats: ['text'],
    rationale:
      "MAST asks for the product's metadata inside the file. Plain CSV has nowhere to put it, so the keyword profiles cannot be checked and the units are lost; ECSV (a CSV with a YAML header) or a FITS table keeps them. Reported once per file; the collection's manifest and README are not products and are not judged here.",
    source: 'MAST HLSP Contributor Guide, file formats',
  },
  check(context, report) {
    if (!isDataTable(context)) return;
    report({
      message:
        'a plain text table carries no metadata: its units, types and HLSP keywords are not in the file',
      hint: "write it as ECSV (astropy: Table.write(path, format='ascii.ecsv')) with the HLSP keywords in meta, or as a FITS table",
    });
  },
};
