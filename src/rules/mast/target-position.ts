import type { MastRule } from '../../types.js';
import { knownRows, numeric } from './support/observations.js';

/** Generous enough for mosaics and offset pointings; a wrong target is usually degrees away. */
export const POSITION_TOLERANCE_DEG = 0.25;

function separationDeg(ra1: number, dec1: number, ra2: number, dec2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((dec2 - dec1) * rad) / 2) ** 2 +
    Math.cos(dec1 * rad) * Math.cos(dec2 * rad) * Math.sin(((ra2 - ra1) * rad) / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(a)))) / rad;
}

export const targetPosition: MastRule = {
  meta: {
    id: 'mast/target-position',
    description: `RA_TARG/DEC_TARG lie within ${POSITION_TOLERANCE_DEG} deg of the source observations' positions in MAST (moving targets are skipped).`,
    severity: 'warning',
    scope: 'mast',
    source: 'MAST CAOM s_ra/s_dec, mtFlag',
  },
  check(context, report) {
    const ra = numeric(context.product.header.RA_TARG);
    const dec = numeric(context.product.header.DEC_TARG);
    if (ra === undefined || dec === undefined) return;
    for (const { source, row } of knownRows(context)) {
      if (row.mtFlag === true || row.mtFlag === 'T' || row.mtFlag === 1) continue;
      const sra = numeric(row.s_ra);
      const sdec = numeric(row.s_dec);
      if (sra === undefined || sdec === undefined) continue;
      const distance = separationDeg(ra, dec, sra, sdec);
      if (distance > POSITION_TOLERANCE_DEG) {
        report({
          keyword: 'RA_TARG',
          message: `RA_TARG/DEC_TARG (${ra}, ${dec}) is ${distance.toFixed(2)} deg from the source '${source.raw}' at (${sra}, ${sdec})`,
          hint: 'check RA_TARG/DEC_TARG (degrees, ICRS) and the source ids',
        });
      }
    }
  },
};
