import type { ColumnInfo, Hdu } from '../../../fits/types.js';
import type { FitsRule } from '../../../types.js';
import { chooseProfiles } from './profiles.js';

export const UNITLESS =
  /^(FLAGS?|.*_FLAGS?|QUALITY|DQ|SOURCE|SOURCE_ID|ID|.*_ID|NAME|OBJECT|TARGET|FILENAME|FILTER|INSTRUME|DETECTOR|CLASS|TYPE|NPIX|N_?OBS|COUNT)$/i;

export function tables(hdus: Hdu[]): Hdu[] {
  return hdus.filter((hdu) => hdu.kind === 'binary-table' || hdu.kind === 'ascii-table');
}

export function named(columns: ColumnInfo[] | undefined, name: string): ColumnInfo | undefined {
  return columns?.find((c) => c.name?.trim().toUpperCase() === name);
}

export function tformOffset(hdu: Hdu, n: number, prefix = 'TTYPE'): number {
  return hdu.keywords.get(`${prefix}${n}`)?.offset ?? hdu.headerOffset;
}

export function requireColumns(id: string, profile: string, needed: string[], description: string): FitsRule {
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
