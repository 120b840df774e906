/**
 * Plane geometry on flat coordinate arrays ([lng0, lat0, lng1, lat1, …]), kept flat so that the routing index
 * tests a point against a polygon without touching one JS array per vertex.
 */

/** Mean earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6371008.8;
/** Metres per degree of latitude (and of longitude at the equator). */
export const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

/**
 * Polygons flattened: `coords` holds every ring back to back; ring r spans coords[starts[r] .. starts[r+1]).
 * A polygon is the run of rings [firstRing, endRing): its outer ring, then its holes.
 */
export interface FlatRings {
  coords: Float64Array;
  /** Offsets into coords (in numbers, not pairs); one more entry than rings. */
  starts: Int32Array;
}

/**
 * Where a point lies against a polygon with holes, by the even-odd rule over all rings. A point on any ring's
 * edge or vertex counts as inside: boundaries are closed, so a point on a shared edge is inside both
 * neighbours and the routing priority picks one (never neither).
 */
export function containsPoint(
  flat: FlatRings,
  firstRing: number,
  endRing: number,
  x: number,
  y: number,
): boolean {
  const { coords, starts } = flat;
  let inside = false;
  for (let r = firstRing; r < endRing; r++) {
    const end = starts[r + 1]!;
    for (let i = starts[r]!, j = end - 2; i < end; j = i, i += 2) {
      const ax = coords[i]!;
      const ay = coords[i + 1]!;
      const bx = coords[j]!;
      const by = coords[j + 1]!;
      if (onSegment(x, y, ax, ay, bx, by)) return true;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside;
}

function onSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (x < Math.min(ax, bx) || x > Math.max(ax, bx) || y < Math.min(ay, by) || y > Math.max(ay, by))
    return false;
  return (bx - ax) * (y - ay) - (by - ay) * (x - ax) === 0;
}

/**
 * Shortest distance in metres from a point to a polygon's rings, on a local equirectangular projection
 * centred on the point: exact to well under a metre at the tens-of-metres scale routing tolerates.
 */
export function distanceToRingsMetres(
  flat: FlatRings,
  firstRing: number,
  endRing: number,
  lng: number,
  lat: number,
): number {
  const { coords, starts } = flat;
  const ky = METRES_PER_DEGREE;
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (let r = firstRing; r < endRing; r++) {
    const end = starts[r + 1]!;
    for (let i = starts[r]!, j = end - 2; i < end; j = i, i += 2) {
      const ax = (coords[j]! - lng) * kx;
      const ay = (coords[j + 1]! - lat) * ky;
      const bx = (coords[i]! - lng) * kx;
      const by = (coords[i + 1]! - lat) * ky;
      const d = segmentDistanceFromOrigin(ax, ay, bx, by);
      if (d < best) best = d;
    }
  }
  return best;
}

function segmentDistanceFromOrigin(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const px = ax + t * dx;
  const py = ay + t * dy;
  return Math.sqrt(px * px + py * py);
}

/** Great-circle distance in metres (haversine). */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
