/** GeoJSON boundaries → the `map` component's polygons and name markers. */
import type { GeoBoundary, GridMapView } from '../../../../../typings/grid';

export interface MapPolygon {
  points: Array<{ latitude: number; longitude: number }>;
  strokeWidth: number;
  strokeColor: string;
  fillColor: string;
  zIndex: number;
}

export interface NameMarker {
  id: number;
  latitude: number;
  longitude: number;
  width: number;
  height: number;
  label: { content: string; fontSize: number; color: string; anchorX: number; anchorY: number };
}

/** Outer rings only: the map component draws no holes (a hole's micro-grid is drawn over it instead). */
function outerRings(boundary: GeoBoundary): number[][][] {
  return boundary.type === 'Polygon'
    ? [boundary.coordinates[0] ?? []]
    : boundary.coordinates.map((p) => p[0] ?? []);
}

function toPoints(ring: number[][]) {
  return ring.map(([lng = 0, lat = 0]) => ({ latitude: lat, longitude: lng }));
}

function centre(ring: number[][]): { latitude: number; longitude: number } {
  const pts = ring.slice(0, -1);
  const sum = pts.reduce((acc, [lng = 0, lat = 0]) => [acc[0]! + lng, acc[1]! + lat], [0, 0]);
  return { longitude: sum[0]! / Math.max(pts.length, 1), latitude: sum[1]! / Math.max(pts.length, 1) };
}

export function mapShapes(view: GridMapView): { polygons: MapPolygon[]; markers: NameMarker[] } {
  const polygons: MapPolygon[] = [];
  const markers: NameMarker[] = [];
  const kind = new Map(view.grids.map((g) => [g.gridId, g.kind]));
  for (const g of view.grids) {
    if (!g.boundary) continue;
    const exclusive = g.kind === 'exclusive';
    for (const ring of outerRings(g.boundary)) {
      polygons.push({
        points: toPoints(ring),
        strokeWidth: 3,
        strokeColor: exclusive ? '#E37318' : '#0052D9',
        fillColor: '#0052D910',
        zIndex: exclusive ? 3 : 1,
      });
    }
  }
  for (const m of view.microGrids) {
    if (!m.boundary) continue;
    const exclusive = kind.get(m.gridId) === 'exclusive';
    const rings = outerRings(m.boundary);
    for (const ring of rings) {
      polygons.push({
        points: toPoints(ring),
        strokeWidth: 1,
        strokeColor: exclusive ? '#E37318' : '#0594FA',
        fillColor: exclusive ? '#E3731830' : '#0594FA18',
        zIndex: exclusive ? 4 : 2,
      });
    }
    const first = rings[0];
    if (first) {
      markers.push({
        id: markers.length + 1,
        ...centre(first),
        width: 12,
        height: 16,
        label: {
          content: m.label,
          fontSize: 10,
          color: exclusive ? '#E37318' : '#0052D9',
          anchorX: -30,
          anchorY: -8,
        },
      });
    }
  }
  return { polygons, markers };
}
