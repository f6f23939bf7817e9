import type { MastRule } from '../../types.js';
import { plural } from '../../util/plural.js';
import { knownRows, numeric } from './support/observations.js';
import { type SkyShape, separation, shapesOverlap } from './support/sphere.js';
import { parseStcs } from './support/stcs.js';

/**
 * A product without an image (a spectrum, a catalogue) is placed by RA_TARG/DEC_TARG; a target
 * this close to the edge of the observed field still counts as in it: s_region is drawn round
 * the apertures, and a target may sit just outside them (slits, acquisition offsets).
 */
export const TARGET_MARGIN_DEG = 1 / 60;

function isMoving(value: unknown): boolean {
  return value === true || value === 'T' || value === 't' || value === 1 || value === 'true';
}

function centre(shape: SkyShape): [number, number] {
  if (shape.kind === 'circle') return [shape.center[0], shape.center[1]];
  // Good enough to say how far apart two small regions are: the vertex mean on the sphere.
  let x = 0;
  let y = 0;
  let z = 0;
  for (const [ra, dec] of shape.vertices) {
    const r = (Math.PI / 180) * ra;
    const d = (Math.PI / 180) * dec;
    x += Math.cos(d) * Math.cos(r);
    y += Math.cos(d) * Math.sin(r);
    z += Math.sin(d);
  }
  return [
    ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360,
    (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI,
  ];
}

const format = (value: number) => value.toFixed(4);

export const footprintOverlap: MastRule = {
  meta: {
    id: 'mast/footprint-overlap',
    description:
      "The product's sky footprint (its image WCS at the four corners, or RA_TARG/DEC_TARG when it has no image) overlaps the region each source observation covers in MAST (s_region); moving targets are skipped.",
    severity: 'warning',
    scope: 'mast',
    rationale:
      'A product and the observations it was made from cover the same sky; no overlap means a wrong WCS (CRVAL, CD signs, degrees for radians) or a wrong source id.',
    source: 'MAST CAOM s_region (STC-S POLYGON/CIRCLE), mtFlag; FITS WCS Paper II (TAN projection)',
  },
  check(context, report) {
    const header = context.product.header;
    const footprint = context.product.footprint;
    let product: { shape: SkyShape; what: string; hdu: number; keyword: string } | undefined;
    if (footprint && 'corners' in footprint) {
      product = {
        shape: { kind: 'polygon', vertices: footprint.corners },
        what: `the image footprint (HDU ${footprint.hdu})`,
        hdu: footprint.hdu,
        keyword: 'CRVAL1',
      };
    } else {
      if (footprint)
        report({
          hdu: footprint.hdu,
          keyword: 'CTYPE1',
          severity: 'info',
          message: `the image footprint was not compared with MAST: ${footprint.unsupported}`,
          hint: 'nothing to fix; the sky position is compared by RA_TARG/DEC_TARG where given',
        });
      const ra = numeric(header.RA_TARG);
      const dec = numeric(header.DEC_TARG);
      if (ra !== undefined && dec !== undefined && dec >= -90 && dec <= 90)
        product = {
          shape: { kind: 'circle', center: [ra, dec], radius: TARGET_MARGIN_DEG },
          what: `RA_TARG/DEC_TARG (${ra}, ${dec})`,
          hdu: 0,
          keyword: 'RA_TARG',
        };
    }
    if (!product) return;
    const withoutRegion: string[] = [];
    const apart: { raw: string; distance: number }[] = [];
    let compared = 0;
    for (const { source, row } of knownRows(context)) {
      if (isMoving(row.mtFlag)) continue;
      if (row.s_region == null || String(row.s_region).trim() === '') {
        withoutRegion.push(source.raw);
        continue;
      }
      const region = parseStcs(row.s_region);
      if ('error' in region) {
        report({
          severity: 'info',
          message: `MAST's s_region of the source '${source.raw}' could not be read (${region.error}), so the footprint was not compared`,
          hint: 'nothing to fix in the product; check the position against the observation in the MAST portal',
        });
        continue;
      }
      compared++;
      if (region.shapes.some((shape) => shapesOverlap(product.shape, shape))) continue;
      const distance = Math.min(
        ...region.shapes.map((shape) => separation(centre(product.shape), centre(shape))),
      );
      apart.push({ raw: source.raw, distance });
    }
    // One finding per product: a wrong WCS misses every source, and is one defect.
    if (apart.length > 0) {
      const names = apart.slice(0, 3).map((miss) => `'${miss.raw}'`);
      if (apart.length > 3) names.push(`and ${apart.length - 3} more`);
      const which =
        apart.length === compared
          ? compared === 1
            ? 'its source'
            : `any of its ${compared} sources`
          : `${apart.length} of its ${compared} sources`;
      const nearest = Math.min(...apart.map((miss) => miss.distance));
      report({
        hdu: product.hdu,
        keyword: product.keyword,
        message: `${product.what} does not overlap the sky ${which} cover${apart.length === 1 ? 's' : ''} in MAST (${names.join(', ')}); the nearest is ${nearest.toFixed(2)} deg from the product's centre (${centre(product.shape).map(format).join(', ')})`,
        hint:
          product.keyword === 'RA_TARG'
            ? 'check RA_TARG/DEC_TARG (degrees, ICRS) and the source ids'
            : 'check the WCS (CRVAL, CRPIX, CD/PC and CDELT, in degrees) and the source ids',
      });
    }
    if (withoutRegion.length > 0)
      report({
        severity: 'info',
        message: `MAST gives no s_region for ${plural(withoutRegion.length, 'source observation')} (${withoutRegion.slice(0, 3).join(', ')}${withoutRegion.length > 3 ? ', …' : ''}), so their footprint was not compared`,
        hint: 'nothing to fix in the product',
      });
  },
};
