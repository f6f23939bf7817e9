import type { ColumnInfo, Hdu } from '../../fits/types.js';
import type { FitsRule } from '../types.js';
import { chooseProfiles } from './profiles.js';

const UNITLESS =
  /^(FLAGS?|.*_FLAGS?|QUALITY|DQ|SOURCE|SOURCE_ID|ID|.*_ID|NAME|OBJECT|TARGET|FILENAME|FILTER|INSTRUME|DETECTOR|CLASS|TYPE|NPIX|N_?OBS|COUNT)$/i;

function tables(hdus: Hdu[]): Hdu[] {
  return hdus.filter((hdu) => hdu.kind === 'binary-table' || hdu.kind === 'ascii-table');
}

function named(columns: ColumnInfo[] | undefined, name: string): ColumnInfo | undefined {
  return columns?.find((c) => c.name?.trim().toUpperCase() === name);
}

function tformOffset(hdu: Hdu, n: number, prefix = 'TTYPE'): number {
  return hdu.keywords.get(`${prefix}${n}`)?.offset ?? hdu.headerOffset;
}

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
        if (!code || 'ALXPQB'.includes(code) || (binary && 'IJK'.includes(code)) || UNITLESS.test(name))
          continue;
        if (column.unit !== undefined && column.unit.trim() !== '') continue;
        if (/^(IJK)$/.test(code)) continue;
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

function requireColumns(id: string, profile: string, needed: string[], description: string): FitsRule {
  return {
    meta: {
      id,
      description,
      severity: 'error',
      scope: 'fits',
      source: 'MAST HLSP Contributor Guide, product metadata pages',
    },
    check(context, report) {
      if (!chooseProfiles(context).includes(profile)) return;
      const candidates = tables(context.fits.hdus);
      if (candidates.length === 0) return;
      const best = candidates.find((hdu) => needed.every((n) => named(hdu.columns, n))) ?? candidates[0]!;
      const missing = needed.filter((n) => !named(best.columns, n));
      if (missing.length > 0) {
        report({
          hdu: best.index,
          keyword: null,
          offset: best.headerOffset,
          message: `the ${profile} table has no ${missing.join(' or ')} column`,
          hint: `name the columns ${needed.join(', ')} (with units in TUNITn)`,
        });
      }
    },
  };
}

export const lightcurveColumns = requireColumns(
  'hlsp/lightcurve-columns',
  'lightcurve',
  ['TIME', 'FLUX'],
  'Light-curve tables have TIME and FLUX columns.',
);
export const spectrumColumns = requireColumns(
  'hlsp/spectrum-columns',
  'spectrum',
  ['WAVELENGTH', 'FLUX'],
  'Spectra stored as tables have WAVELENGTH and FLUX columns.',
);
