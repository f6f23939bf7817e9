/**
 * Overlap of small sky regions on the unit sphere: polygons with great-circle edges and circles
 * (spherical caps). Polygons are compared in the gnomonic projection about a common centre, which
 * maps great circles to straight lines, so planar tests are exact there; circles are measured on
 * the sphere. Regions wider than a hemisphere's worth of projection are taken as overlapping:
 * nothing that large is worth a warning.
 */

/** [ra, dec] in degrees. */
export type SkyPoint = readonly [number, number];

export type SkyShape =
  | { kind: 'polygon'; vertices: SkyPoint[] }
  | { kind: 'circle'; center: SkyPoint; radius: number };

type Vector = readonly [number, number, number];

const RAD = Math.PI / 180;
/** Past this angle from the projection centre the gnomonic plane is too distorted to use. */
const MAX_PROJECTION_DEG = 60;

function vector([ra, dec]: SkyPoint): Vector {
  const cosDec = Math.cos(dec * RAD);
  return [cosDec * Math.cos(ra * RAD), cosDec * Math.sin(ra * RAD), Math.sin(dec * RAD)];
}

function dot(a: Vector, b: Vector): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function cross(a: Vector, b: Vector): Vector {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalize(a: Vector): Vector | undefined {
  const length = Math.hypot(a[0], a[1], a[2]);
  return length > 1e-15 ? [a[0] / length, a[1] / length, a[2] / length] : undefined;
}

/** Angle between two unit vectors, in degrees (stable for tiny and large angles). */
function angle(a: Vector, b: Vector): number {
  const c = cross(a, b);
  return Math.atan2(Math.hypot(c[0], c[1], c[2]), dot(a, b)) / RAD;
}

export function separation(a: SkyPoint, b: SkyPoint): number {
  return angle(vector(a), vector(b));
}

/** The smallest-ish cap around a shape: its centre and radius in degrees. */
function cap(shape: SkyShape): { center: Vector; radius: number } {
  if (shape.kind === 'circle') return { center: vector(shape.center), radius: shape.radius };
  const points = shape.vertices.map(vector);
  const sum: Vector = points.reduce<Vector>((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]);
  const center = normalize(sum) ?? points[0]!;
  return { center, radius: Math.max(...points.map((p) => angle(center, p))) };
}

/** Gnomonic projection of a unit vector about a centre: [x, y] on the tangent plane. */
function projector(center: Vector): (p: Vector) => [number, number] {
  const pole: Vector = Math.abs(center[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const east = normalize(cross(pole, center))!;
  const north = cross(center, east);
  return (p) => {
    const depth = dot(p, center);
    return [dot(p, east) / depth, dot(p, north) / depth];
  };
}

type Planar = [number, number];

function orientation(a: Planar, b: Planar, c: Planar): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: Planar, b: Planar, p: Planar): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

function segmentsIntersect(a: Planar, b: Planar, c: Planar, d: Planar): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** Even-odd rule; a point on an edge counts as inside. */
function insidePolygon(point: Planar, polygon: Planar[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (orientation(a, b, point) === 0 && onSegment(a, b, point)) return true;
    if (a[1] > point[1] !== b[1] > point[1]) {
      const x = a[0] + ((point[1] - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (point[0] < x) inside = !inside;
    }
  }
  return inside;
}

function polygonsOverlap(a: Planar[], b: Planar[]): boolean {
  if (a.some((p) => insidePolygon(p, b)) || b.some((p) => insidePolygon(p, a))) return true;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++)
      if (segmentsIntersect(a[i]!, a[(i + 1) % a.length]!, b[j]!, b[(j + 1) % b.length]!)) return true;
  return false;
}

/** Angular distance (degrees) from a point to the great-circle arc a–b. */
function distanceToArc(p: Vector, a: Vector, b: Vector): number {
  const normal = normalize(cross(a, b));
  if (normal) {
    const height = dot(p, normal);
    const foot: Vector = [p[0] - height * normal[0], p[1] - height * normal[1], p[2] - height * normal[2]];
    if (dot(cross(a, foot), normal) >= 0 && dot(cross(foot, b), normal) >= 0)
      return Math.abs(Math.asin(Math.max(-1, Math.min(1, height)))) / RAD;
  }
  return Math.min(angle(p, a), angle(p, b));
}

function circleMeetsPolygon(
  center: Vector,
  radius: number,
  vertices: Vector[],
  planar: Planar[],
  project: (p: Vector) => Planar,
): boolean {
  if (insidePolygon(project(center), planar)) return true;
  for (let i = 0; i < vertices.length; i++)
    if (distanceToArc(center, vertices[i]!, vertices[(i + 1) % vertices.length]!) <= radius) return true;
  return false;
}

/** Whether two sky shapes share any point (touching counts). */
export function shapesOverlap(a: SkyShape, b: SkyShape): boolean {
  const capA = cap(a);
  const capB = cap(b);
  const apart = angle(capA.center, capB.center);
  if (apart > capA.radius + capB.radius) return false;
  if (a.kind === 'circle' && b.kind === 'circle') return apart <= a.radius + b.radius;
  if (capA.radius > MAX_PROJECTION_DEG / 3 || capB.radius > MAX_PROJECTION_DEG / 3) return true;
  const project = projector(capA.center);
  if (a.kind === 'polygon' && b.kind === 'polygon')
    return polygonsOverlap(
      a.vertices.map((p) => project(vector(p))),
      b.vertices.map((p) => project(vector(p))),
    );
  const [circle, polygon] =
    a.kind === 'circle'
      ? [a, b as Extract<SkyShape, { kind: 'polygon' }>]
      : [b as Extract<SkyShape, { kind: 'circle' }>, a];
  const vertices = polygon.vertices.map(vector);
  return circleMeetsPolygon(vector(circle.center), circle.radius, vertices, vertices.map(project), project);
}
