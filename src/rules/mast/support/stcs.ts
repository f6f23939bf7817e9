/**
 * A reader for the STC-S regions MAST gives as CAOM `s_region` (IVOA STC-S, the subset archives
 * use): `POLYGON [frame] ra dec ra dec …`, `CIRCLE [frame] ra dec radius`, `BOX [frame] ra dec
 * width height`, several shapes in a row, and `UNION [frame] ( … )`. Bounded: at most
 * MAX_STCS_CHARS of text and MAX_STCS_VERTICES vertices, so a hostile answer costs little.
 */
import type { SkyPoint, SkyShape } from './sphere.js';

export const MAX_STCS_CHARS = 200_000;
export const MAX_STCS_VERTICES = 10_000;

/** Frames whose coordinates are ICRS to well under an arcsecond, as MAST writes them. */
const EQUATORIAL = new Set(['ICRS', 'FK5', 'J2000', 'GSC1', 'GSC2', 'UNKNOWNFRAME']);
/** Frames that are equatorial but not ICRS-like; their coordinates cannot be compared as they are. */
const OTHER_FRAMES = new Set(['FK4', 'B1950', 'GALACTIC', 'ECLIPTIC', 'SUPER_GALACTIC', 'GEO_C', 'GEO_D']);
const REFERENCE_POSITIONS = new Set([
  'GEOCENTER',
  'BARYCENTER',
  'HELIOCENTER',
  'TOPOCENTER',
  'LSR',
  'LSRK',
  'LSRD',
  'GALACTIC_CENTER',
  'LOCAL_GROUP_CENTER',
  'EMBARYCENTER',
  'MOON',
  'UNKNOWNREFPOS',
]);
const FLAVORS = new Set(['SPHERICAL2', 'UNITSPHERE', 'CARTESIAN2', 'CARTESIAN3', 'SPHERICAL3']);

export type StcsResult = { shapes: SkyShape[] } | { error: string };

class StcsError extends Error {}

function tokens(text: string): string[] {
  return text
    .replace(/([()])/g, ' $1 ')
    .split(/\s+/)
    .filter((token) => token !== '');
}

/** Reads an `s_region` value; never throws. */
export function parseStcs(text: unknown): StcsResult {
  if (typeof text !== 'string') return { error: 'the region is not text' };
  if (text.length > MAX_STCS_CHARS)
    return { error: `the region is longer than ${MAX_STCS_CHARS} characters` };
  const list = tokens(text);
  if (list.length === 0) return { error: 'the region is empty' };
  let at = 0;
  let vertices = 0;
  const shapes: SkyShape[] = [];
  const peek = () => list[at]?.toUpperCase();
  const number = (what: string): number => {
    const token = list[at];
    if (token === undefined) throw new StcsError(`the region ends where ${what} was expected`);
    const value = Number(token);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token) || !Number.isFinite(value))
      throw new StcsError(`'${token.slice(0, 40)}' is not a number (${what})`);
    at++;
    return value;
  };
  const point = (what: string): SkyPoint => {
    const ra = number(`${what} RA`);
    const dec = number(`${what} Dec`);
    if (dec < -90 || dec > 90) throw new StcsError(`Dec ${dec} of ${what} is outside -90..90`);
    return [ra >= 0 && ra < 360 ? ra : ((ra % 360) + 360) % 360, dec];
  };
  const skipFrame = () => {
    const frame = peek();
    if (frame !== undefined && OTHER_FRAMES.has(frame))
      throw new StcsError(`the region is in the ${list[at]} frame, not ICRS`);
    if (frame !== undefined && EQUATORIAL.has(frame)) at++;
    if (peek() !== undefined && REFERENCE_POSITIONS.has(peek()!)) at++;
    if (peek() !== undefined && FLAVORS.has(peek()!)) {
      if (peek() !== 'SPHERICAL2' && peek() !== 'UNITSPHERE')
        throw new StcsError(`the region uses ${list[at]} coordinates, not spherical ones`);
      at++;
    }
  };
  const isNumber = () => list[at] !== undefined && /^[+-]?(\d|\.\d)/.test(list[at]!);
  const shape = (depth: number): void => {
    const keyword = peek();
    at++;
    switch (keyword) {
      case 'POLYGON': {
        skipFrame();
        const corners: SkyPoint[] = [];
        while (isNumber()) {
          if (++vertices > MAX_STCS_VERTICES)
            throw new StcsError(`the region has more than ${MAX_STCS_VERTICES} vertices`);
          corners.push(point(`vertex ${corners.length + 1}`));
        }
        // MAST repeats the first vertex at the end; the closing edge is implied.
        const first = corners[0];
        const last = corners[corners.length - 1];
        if (corners.length > 1 && first![0] === last![0] && first![1] === last![1]) corners.pop();
        if (corners.length < 3)
          throw new StcsError(`a POLYGON needs 3 vertices, this one has ${corners.length}`);
        shapes.push({ kind: 'polygon', vertices: corners });
        return;
      }
      case 'CIRCLE': {
        skipFrame();
        const center = point('the centre');
        const radius = number('the radius');
        if (radius < 0 || radius > 180) throw new StcsError(`the radius ${radius} is outside 0..180 degrees`);
        shapes.push({ kind: 'circle', center, radius });
        return;
      }
      case 'BOX': {
        // Axis-aligned on the tangent plane; as a polygon through its four corners.
        skipFrame();
        const [ra, dec] = point('the centre');
        const width = number('the width');
        const height = number('the height');
        if (!(width > 0 && height > 0 && width < 90 && height < 90))
          throw new StcsError('a BOX needs a width and height between 0 and 90 degrees');
        const cosDec = Math.max(Math.cos((dec * Math.PI) / 180), 1e-6);
        const halfRa = width / 2 / cosDec;
        const low = Math.max(-90, dec - height / 2);
        const high = Math.min(90, dec + height / 2);
        shapes.push({
          kind: 'polygon',
          vertices: [
            [ra - halfRa, low],
            [ra + halfRa, low],
            [ra + halfRa, high],
            [ra - halfRa, high],
          ],
        });
        return;
      }
      case 'UNION': {
        if (depth > 8) throw new StcsError('the region nests UNION more than 8 deep');
        skipFrame();
        if (list[at] !== '(') throw new StcsError("UNION is not followed by '('");
        at++;
        while (list[at] !== ')') {
          if (list[at] === undefined) throw new StcsError("UNION is missing its closing ')'");
          shape(depth + 1);
        }
        at++;
        return;
      }
      case undefined:
        throw new StcsError('the region ends where a shape was expected');
      default:
        throw new StcsError(
          keyword === 'INTERSECTION' || keyword === 'NOT' || keyword === 'POSITION' || keyword === 'CONVEX'
            ? `${keyword} regions are not read`
            : `'${list[at - 1]!.slice(0, 40)}' is not a shape (POLYGON, CIRCLE, BOX or UNION)`,
        );
    }
  };
  try {
    while (at < list.length) shape(0);
  } catch (error) {
    if (error instanceof StcsError) return { error: error.message };
    throw error;
  }
  return { shapes };
}
