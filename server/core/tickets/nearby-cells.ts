/**
 * Map cells for "same problem nearby": a ticket carries the cell of its location, so that the offer reads
 * the few cells around a place (an indexed `in` query) instead of every open ticket of the category in the
 * community. Cells are fixed steps of latitude and longitude, about 280 m × 270 m at Lanzhou's latitude;
 * a radius of up to a cell needs the 3 × 3 cells around, a larger one proportionally more.
 */
import type { LatLng } from '../../../typings/common';

const LAT_STEP = 0.0025;
const LNG_STEP = 0.003;
const METRES_PER_DEGREE = 111_320;

function cellKey(i: number, j: number): string {
  return `${i}:${j}`;
}

/** The cell holding the point; null without a location. */
export function cellOf(point: LatLng | null): string | null {
  if (!point) return null;
  return cellKey(Math.floor(point.lat / LAT_STEP), Math.floor(point.lng / LNG_STEP));
}

/** Every cell a circle of `metres` around the point may touch. */
export function cellsAround(point: LatLng, metres: number): string[] {
  const latCell = LAT_STEP * METRES_PER_DEGREE;
  const lngCell = LNG_STEP * METRES_PER_DEGREE * Math.max(0.2, Math.cos((point.lat * Math.PI) / 180));
  const di = Math.max(1, Math.ceil(metres / latCell));
  const dj = Math.max(1, Math.ceil(metres / lngCell));
  const i0 = Math.floor(point.lat / LAT_STEP);
  const j0 = Math.floor(point.lng / LNG_STEP);
  const out: string[] = [];
  for (let i = i0 - di; i <= i0 + di; i++) for (let j = j0 - dj; j <= j0 + dj; j++) out.push(cellKey(i, j));
  return out;
}
