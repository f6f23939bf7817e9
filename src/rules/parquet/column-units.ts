import type { ParquetDetails } from '../../readers/parquet.js';
import type { ContentRule, FindingInput } from '../../types.js';
import { parseUnit, withStandardSpellings } from '../../units/index.js';

/** Findings per file before the rest are summed up: a table with 300 bad columns is one problem. */
const MAX_UNIT_FINDINGS = 20;

function problemsOf(column: string, unit: string): FindingInput[] {
  const result = parseUnit(unit, { dialect: 'fits' });
  const quoted = `'${unit}'`;
  if (!result.ok)
    return [
      {
        message: `column '${column}' has unit ${quoted}, which is not a unit string: ${result.error}`,
        hint: "write units as in FITS 4.0 §4.3 (astropy's 'fits' format), e.g. 'erg/s/cm2/Angstrom', 'uJy'",
      },
    ];
  const findings: FindingInput[] = [];
  if (result.deprecated.length > 0) {
    const spellings = result.deprecated.map((d) => `'${d.written.trim()}' (standard: '${d.standard}')`);
    const rewritten = withStandardSpellings(unit, result.deprecated);
    findings.push({
      severity: 'warning',
      message: `column '${column}' has unit ${quoted}, with non-standard spelling ${[...new Set(spellings)].join(', ')}`,
      hint: rewritten !== undefined ? `write '${rewritten}'` : 'use the standard spellings listed',
    });
  }
  if (result.unknown.length > 0) {
    const symbols = result.unknown.map((s) => `'${s}'`).join(', ');
    findings.push({
      severity: 'warning',
      message: `column '${column}' has unit ${quoted}: ${symbols} ${result.unknown.length > 1 ? 'are not units' : 'is not a unit'} of FITS 4.0 Tables 3–5`,
      hint: 'use a standard unit, or explain this one in the README',
    });
  }
  return findings;
}

export const parquetColumnUnits: ContentRule = {
  meta: {
    id: 'parquet/column-units',
    description:
      "The column units a Parquet file stores (astropy's table_meta_yaml) are unit strings of the FITS Standard.",
    severity: 'error',
    scope: 'content',
    formats: ['parquet'],
    rationale:
      'astropy and archive tools attach these units to the columns; a string they cannot parse loses the units. ' +
      'Unparsable strings are errors; unknown units and non-standard spellings are warnings. Parquet itself has ' +
      'no unit field: units are read where astropy writes them (pandas metadata stores none).',
    source: 'FITS Standard 4.0 §4.3; astropy.io.misc.parquet (table_meta_yaml)',
  },
  check(context, report) {
    const details = context.content.details?.parquet as ParquetDetails | undefined;
    let reported = 0;
    let withheld = 0;
    for (const { name, unit } of details?.columns ?? []) {
      if (unit === undefined || unit.trim() === '') continue;
      for (const finding of problemsOf(name, unit)) {
        if (reported < MAX_UNIT_FINDINGS) {
          report(finding);
          reported++;
        } else withheld++;
      }
    }
    if (withheld > 0)
      report({
        severity: 'warning',
        message: `and ${withheld} more unit ${withheld === 1 ? 'problem' : 'problems'} in this file`,
        hint: `only the first ${MAX_UNIT_FINDINGS} unit findings per file are listed`,
      });
  },
};
