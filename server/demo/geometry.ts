/**
 * Rectangles in GCJ-02 degrees for laying out the demo map. Every vertex is rounded to 6 decimals (~0.1 m)
 * and computed once per lattice line, so neighbours share edges bit for bit: no slivers, no gaps.
 */
import type { LatLng } from '../../typings/common';
import type { Position } from '../core/grids/model';
import { METRES_PER_DEGREE } from '../core/routing/geometry';
import type { Area, At } from './types';

/** Axis-aligned, in degrees. */
export interface Rect {
  west: number;
  south: number;
  east: number;
  north: number;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** From a to b; the ends return a and b themselves, so shared edges stay identical. */
function lerp(a: number, b: number, f: number): number {
  if (f === 0) return a;
  if (f === 1) return b;
  return round6(a + (b - a) * f);
}

function metresPerDegreeLng(lat: number): number {
  return METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
}

/** The lattice lines of a community: column widths and row heights in metres from its south-west corner. */
export function latticeLines(
  origin: LatLng,
  columns: number[],
  rows: number[],
): { xs: number[]; ys: number[] } {
  const kx = metresPerDegreeLng(origin.lat);
  const cumulative = (sizes: number[]) =>
    sizes.reduce<number[]>((acc, size) => [...acc, (acc.at(-1) ?? 0) + size], [0]);
  return {
    xs: cumulative(columns).map((m) => round6(origin.lng + m / kx)),
    ys: cumulative(rows).map((m) => round6(origin.lat + m / METRES_PER_DEGREE)),
  };
}

/** One cell of the lattice. */
export function latticeCell(lines: { xs: number[]; ys: number[] }, col: number, row: number): Rect {
  const west = lines.xs[col];
  const east = lines.xs[col + 1];
  const south = lines.ys[row];
  const north = lines.ys[row + 1];
  if (west === undefined || east === undefined || south === undefined || north === undefined) {
    throw new Error(`demo: lattice cell ${col},${row} is outside the lattice`);
  }
  return { west, south, east, north };
}

/** A part of a rectangle given as fractions of it. */
export function subRect(rect: Rect, [x0, y0, x1, y1]: Area): Rect {
  return {
    west: lerp(rect.west, rect.east, x0),
    south: lerp(rect.south, rect.north, y0),
    east: lerp(rect.west, rect.east, x1),
    north: lerp(rect.south, rect.north, y1),
  };
}

/** Width and height in metres. */
export function sizeMetres(rect: Rect): { width: number; height: number } {
  const lat = (rect.south + rect.north) / 2;
  return {
    width: (rect.east - rect.west) * metresPerDegreeLng(lat),
    height: (rect.north - rect.south) * METRES_PER_DEGREE,
  };
}

/**
 * Splits a rectangle into `count` equal parts, as square as the count allows (2 and 3 in a line across the
 * longer side, 4 as 2×2), numbered north to south, then west to east.
 */
export function splitRect(rect: Rect, count: number): Rect[] {
  const { width, height } = sizeMetres(rect);
  const [cols, rows] = count === 4 ? [2, 2] : width >= height ? [count, 1] : [1, count];
  if (cols * rows !== count || count < 1) throw new Error(`demo: cannot split a rectangle into ${count}`);
  const parts: Rect[] = [];
  for (let r = rows - 1; r >= 0; r--) {
    for (let c = 0; c < cols; c++)
      parts.push(subRect(rect, [c / cols, r / rows, (c + 1) / cols, (r + 1) / rows]));
  }
  return parts;
}

/** A point inside a rectangle, given as fractions of it. */
export function pointAt(rect: Rect, [x, y]: At): LatLng {
  return { lat: lerp(rect.south, rect.north, y), lng: lerp(rect.west, rect.east, x) };
}

/** The rectangle grown by `metres` on every side. */
export function grow(rect: Rect, metres: number): Rect {
  const dx = metres / metresPerDegreeLng((rect.south + rect.north) / 2);
  const dy = metres / METRES_PER_DEGREE;
  return { west: rect.west - dx, south: rect.south - dy, east: rect.east + dx, north: rect.north + dy };
}

/** Inside or on the edge. */
export function rectContains(rect: Rect, point: LatLng): boolean {
  return (
    point.lng >= rect.west && point.lng <= rect.east && point.lat >= rect.south && point.lat <= rect.north
  );
}

/** The closed outer ring, counter-clockwise ([lng, lat]: south-west, south-east, north-east, north-west). */
export function rectRing(rect: Rect): Position[] {
  return [
    [rect.west, rect.south],
    [rect.east, rect.south],
    [rect.east, rect.north],
    [rect.west, rect.north],
    [rect.west, rect.south],
  ];
}

/** The smallest rectangle holding all of them. */
export function boundingRect(rects: Rect[]): Rect {
  return {
    west: Math.min(...rects.map((r) => r.west)),
    south: Math.min(...rects.map((r) => r.south)),
    east: Math.max(...rects.map((r) => r.east)),
    north: Math.max(...rects.map((r) => r.north)),
  };
}
