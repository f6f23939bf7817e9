import type { ContentRule } from '../../types.js';
import { checkUcd } from '../../ucd/index.js';

/** Findings per file before the rest are summed up: a table with 300 bad columns is one problem. */
const MAX_UCD_FINDINGS = 20;

export const columnUcds: ContentRule = {
  meta: {
    id: 'hlsp/column-ucds',
    description:
      "A column's UCD (VOTable FIELD ucd=, ECSV column meta.ucd, Parquet column metadata) is a valid UCD1+ string: words of the IVOA vocabulary separated by ';', a primary word first and secondary words after.",
    severity: 'warning',
    scope: 'content',
    formats: ['votable', 'ecsv', 'parquet'],
    rationale:
      "Archives and VO tools (MAST's catalogue services, TOPCAT, Aladin) find the position, magnitude or error columns by their UCD; a misspelt word or a secondary word in first place makes the column invisible to them. The vocabulary is the IVOA UCD1+ word list as astropy ships it (schemas/ucd/). Words in another namespace ('custom:word') are only checked for their syntax. A warning, as in astropy (W06): a table without UCDs is valid.",
    source: 'IVOA UCD1+ controlled vocabulary; IVOA UCD 1.1 §3',
  },
  check(context, report) {
    let reported = 0;
    let withheld = 0;
    for (const { name, ucd } of context.content.table?.columns ?? []) {
      if (ucd === undefined || ucd.trim() === '') continue;
      const result = checkUcd(ucd.trim());
      if (result.ok) continue;
      if (reported >= MAX_UCD_FINDINGS) {
        withheld++;
        continue;
      }
      reported++;
      const shown = ucd.length > 80 ? `${ucd.slice(0, 80)}…` : ucd;
      report({
        message: `column '${name}' has UCD '${shown}', which is not a valid UCD1+ string: ${result.error}`,
        hint:
          result.hint ??
          'pick the words from https://www.ivoa.net/documents/UCD1+/ (e.g. pos.eq.ra;meta.main)',
      });
    }
    if (withheld > 0)
      report({
        message: `and ${withheld} more column${withheld === 1 ? '' : 's'} with an invalid UCD in this file`,
        hint: `only the first ${MAX_UCD_FINDINGS} UCD findings per file are listed`,
      });
  },
};
