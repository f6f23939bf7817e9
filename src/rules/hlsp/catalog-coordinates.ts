import type { FitsRule } from '../../types.js';
import { named, tables, tformOffset } from './support/columns.js';
import { chooseProfiles } from './support/profiles.js';

export const catalogCoordinates: FitsRule = {
  meta: {
    id: 'hlsp/catalog-coordinates',
    description: 'Catalogue RA and DEC columns are stored as 64-bit floats (TFORM D).',
    severity: 'error',
    scope: 'fits',
    rationale:
      'A 32-bit float keeps about 7 digits: for RA in degrees that is ~0.04 arcsec resolution at best, too coarse for cross-matching.',
    source: 'MAST HLSP Contributor Guide, Catalog Metadata',
  },
  check(context, report) {
    if (!chooseProfiles(context).includes('catalog')) return;
    for (const hdu of tables(context.fits.hdus)) {
      for (const name of ['RA', 'DEC']) {
        const column = named(hdu.columns, name);
        if (column && hdu.kind === 'binary-table' && column.code !== 'D') {
          report({
            hdu: hdu.index,
            keyword: `TFORM${column.n}`,
            offset: tformOffset(hdu, column.n, 'TFORM'),
            message: `the ${name} column is stored as '${column.tform?.trim()}'; coordinates need 64-bit floats (D)`,
            hint: `write ${name} as a double (TFORM${column.n} = 'D')`,
          });
        }
      }
    }
  },
};
