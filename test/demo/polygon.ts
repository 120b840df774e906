/** Plain polygon checks for the demo test, written independently of the routing index they serve. */
import type { Boundary, Position } from '../../server/core/grids/model';

/** Every polygon of a boundary, each as its rings (outer first). */
export function polygonsOf(boundary: Boundary): Position[][][] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
}

export function ringsOf(boundary: Boundary): Position[][] {
  return polygonsOf(boundary).flat();
}

/** Ray casting, even-odd over all rings of one polygon; points on an edge may go either way. */
function polygonContains(rings: Position[][], [x, y]: Position): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function contains(boundary: Boundary, point: Position): boolean {
  return polygonsOf(boundary).some((rings) => polygonContains(rings, point));
}

/** Shoelace; positive for a counter-clockwise ring in [lng, lat]. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** Outer rings minus holes, in square degrees. */
export function area(boundary: Boundary): number {
  return polygonsOf(boundary).reduce(
    (total, rings) =>
      total + rings.reduce((acc, ring, i) => acc + (i === 0 ? 1 : -1) * Math.abs(signedArea(ring)), 0),
    0,
  );
}

export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

export function boxOf(boundaries: Boundary[]): Box {
  const points = boundaries.flatMap(ringsOf).flat();
  return {
    west: Math.min(...points.map((p) => p[0])),
    south: Math.min(...points.map((p) => p[1])),
    east: Math.max(...points.map((p) => p[0])),
    north: Math.max(...points.map((p) => p[1])),
  };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.west < b.east && b.west < a.east && a.south < b.north && b.south < a.north;
}
