import type { FitsRule } from '../../types.js';
import { tables, tformOffset, UNITLESS } from './support/columns.js';

export const columnUnits: FitsRule = {
  meta: {
    id: 'hlsp/column-units',
    description: 'Physical table columns (numbers other than flags, counts and ids) have units in TUNITn.',
    severity: 'warning',
    scope: 'fits',
    source: 'MAST HLSP Contributor Guide, Catalog and Light-curve Metadata',
  },
  check(context, report) {
    for (const hdu of tables(context.fits.hdus)) {
      const binary = hdu.kind === 'binary-table';
      for (const column of hdu.columns ?? []) {
        const name = column.name?.trim() ?? '';
        const code = binary ? column.code : column.tform?.trim()[0];
        // Integers (binary I/J/K, ASCII Iw) are counts or indices: no unit expected.
        if (!code || 'ALXPQB'.includes(code) || 'IJK'.includes(code) || UNITLESS.test(name)) continue;
        if (column.unit !== undefined && column.unit.trim() !== '') continue;
        report({
          hdu: hdu.index,
          keyword: `TUNIT${column.n}`,
          offset: tformOffset(hdu, column.n),
          message: `column ${column.n}${name ? ` (${name})` : ''} has no unit`,
          hint: `add TUNIT${column.n} (e.g. 'deg', 'mag', 'erg/s/cm2/Angstrom')`,
        });
      }
    }
  },
};
