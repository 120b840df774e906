/**
 * GeoJSON between storage and exchange. Storage is GCJ-02 (what wx.getLocation and WeChat's maps use);
 * RFC 7946 GeoJSON is WGS84, which GIS tools and the street office's other systems expect (the two differ
 * by ~200–500 m in Lanzhou). The conversion is gcoord's: maintained, typed, no dependencies, and it inverts
 * GCJ-02 by iteration to ~1e-9° rather than the one-step approximation that leaves metres of error.
 */
import gcoord from 'gcoord';
import type { Boundary, Position } from './model';

export type CoordinateSystem = 'wgs84' | 'gcj02';

/** Exported WGS84 positions keep 7 decimals (~1 cm); RFC 7946 §11.2 advises against false precision. */
const DECIMALS = 1e7;
/** Two positions closer than this (~0.1 m) are the same vertex: a round trip through WGS84 is not a change. */
const SAME_DEGREES = 1e-6;

function mapPositions(boundary: Boundary, f: (p: Position) => Position): Boundary {
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: boundary.coordinates.map((ring) => ring.map(f)) }
    : {
        type: 'MultiPolygon',
        coordinates: boundary.coordinates.map((poly) => poly.map((ring) => ring.map(f))),
      };
}

/** A stored (GCJ-02) boundary in WGS84, rounded for export. */
export function toWgs84(boundary: Boundary): Boundary {
  return mapPositions(boundary, (p) => {
    const [lng, lat] = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as [number, number];
    return [Math.round(lng * DECIMALS) / DECIMALS, Math.round(lat * DECIMALS) / DECIMALS];
  });
}

/** An imported boundary in the storage's GCJ-02. */
export function toStorage(boundary: Boundary, from: CoordinateSystem): Boundary {
  if (from === 'gcj02') return boundary;
  return mapPositions(boundary, (p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as Position);
}

/** Whether two boundaries have the same shape and every vertex within ~0.1 m. */
export function sameBoundary(a: Boundary | null, b: Boundary | null): boolean {
  if (!a || !b) return a === b;
  if (a.type !== b.type) return false;
  const flat = (x: Boundary) => x.coordinates.flat(3) as number[];
  const fa = flat(a);
  const fb = flat(b);
  const shape = (x: Boundary) => JSON.stringify(x.coordinates, (_k, v) => (typeof v === 'number' ? 0 : v));
  return shape(a) === shape(b) && fa.every((v, i) => Math.abs(v - fb[i]!) < SAME_DEGREES);
}
