/**
 * The spatial index routing asks "which micro-grid holds this point?" (DESIGN §3). Built once from the whole
 * grid map and kept warm (see index-cache.ts); a lookup costs one bucket read and a few point-in-polygon tests.
 *
 * Layout: every polygon part (a MultiPolygon gives several) is flattened into typed arrays, and a uniform
 * bucket grid over the map's extent lists, per cell, the parts whose bounding box touches it — sorted by
 * routing priority, so the first part that contains the point is the answer. A uniform grid suits a city's
 * map (many polygons of similar size) better than a tree: a point query is O(1) and the build is O(n).
 *
 * Priority, which also settles points on a shared edge or vertex (boundaries are closed, so such a point is
 * inside both): exclusive grids 专属网格 first; then micro-grids with their own boundary before those standing
 * in with their grid's; then the lowest grid sort, the lowest micro-grid sort, and the lowest ids.
 */
import { gridLabel, microGridLabel } from '../grids/labels';
import type { Boundary, Community, Grid, GridKind, MicroGrid, Position } from '../grids/model';
import { containsPoint, distanceToRingsMetres, METRES_PER_DEGREE, type FlatRings } from './geometry';

export type IndexCommunity = Pick<Community, '_id' | 'name' | 'config'>;
export type IndexGrid = Pick<
  Grid,
  '_id' | 'communityId' | 'name' | 'kind' | 'unitName' | 'boundary' | 'sort'
>;
export type IndexMicroGrid = Pick<MicroGrid, '_id' | 'communityId' | 'gridId' | 'name' | 'boundary' | 'sort'>;

export interface GridMapSnapshot {
  communities: IndexCommunity[];
  grids: IndexGrid[];
  microGrids: IndexMicroGrid[];
}

/** A micro-grid as routing names it. */
export interface PlacedMicroGrid {
  communityId: string;
  gridId: string;
  microGridId: string;
  gridKind: GridKind;
  /** e.g. 第二网格-2号微网格 */
  label: string;
  /** An exclusive grid's unit (海亮实验学校), else the grid's name. */
  gridLabel: string;
}

export type Located =
  | { rule: 'geofence'; place: PlacedMicroGrid }
  /** `overCommunityGrid`: a community grid's micro-grid held the point too, and lost to the exclusive grid. */
  | { rule: 'exclusiveGeofence'; place: PlacedMicroGrid; overCommunityGrid: boolean }
  | { rule: 'nearMiss'; place: PlacedMicroGrid; distanceMetres: number };

/** A micro-grid while the index is built; the index keeps only its place, flags and flat coordinates. */
export interface RoutableMicroGrid extends PriorityKey {
  place: PlacedMicroGrid;
  boundary: Boundary;
  toleranceMetres: number;
}

const DEFAULT_TOLERANCE_METRES = 50;
/**
 * Two near-miss distances closer than this are a tie, settled by priority like a point on a shared edge:
 * the distance from a point to a vertex two neighbours share comes out of different segments of each, and
 * may differ in the last bits of a float. A millimetre is far below what a phone's location can tell apart.
 */
export const DISTANCE_TIE_METRES = 1e-3;

/** What decides between two candidates that both hold a point. */
export interface PriorityKey {
  exclusive: boolean;
  standIn: boolean;
  gridSort: number;
  sort: number;
  communityId: string;
  gridId: string;
  microGridId: string;
}

/** The order in which candidates win: see the file comment. Exported so that other scans can agree with it. */
export function comparePriority(a: PriorityKey, b: PriorityKey): number {
  return (
    Number(b.exclusive) - Number(a.exclusive) ||
    Number(a.standIn) - Number(b.standIn) ||
    a.gridSort - b.gridSort ||
    a.sort - b.sort ||
    cmp(a.communityId, b.communityId) ||
    cmp(a.gridId, b.gridId) ||
    cmp(a.microGridId, b.microGridId)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The micro-grids of a map with the boundary each routes by, in priority order. */
export function routableMicroGrids(map: GridMapSnapshot): RoutableMicroGrid[] {
  const grids = new Map(map.grids.map((g) => [g._id, g]));
  const tolerance = new Map(
    map.communities.map((c) => [c._id, c.config?.nearMissMetres ?? DEFAULT_TOLERANCE_METRES]),
  );
  const entries: RoutableMicroGrid[] = [];
  // One string per distinct id or name: a city's 100,000 micro-grids share a few thousand grids.
  const strings = new Map<string, string>();
  const intern = (value: string): string => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  for (const m of map.microGrids) {
    const grid = grids.get(m.gridId);
    if (!grid) continue;
    const boundary = m.boundary ?? grid.boundary;
    if (!boundary) continue;
    // An exclusive grid is known by its unit (海亮实验学校), and its micro-grids are named after it.
    const gridName = intern(gridLabel(grid));
    entries.push({
      place: {
        communityId: intern(m.communityId),
        gridId: intern(grid._id),
        microGridId: m._id,
        gridKind: grid.kind,
        label: microGridLabel(grid, m.name),
        gridLabel: gridName,
      },
      boundary,
      exclusive: grid.kind === 'exclusive',
      // The grid's boundary stands in for a micro-grid that has none of its own.
      standIn: !m.boundary,
      gridSort: grid.sort,
      sort: m.sort,
      toleranceMetres: tolerance.get(m.communityId) ?? DEFAULT_TOLERANCE_METRES,
      communityId: m.communityId,
      gridId: grid._id,
      microGridId: m._id,
    });
  }
  return entries.sort(comparePriority);
}

function polygonsOf(boundary: Boundary): Position[][][] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
}

export class RoutingIndex {
  /** Per part: its entry (micro-grid), its rings, its bounding box. Parts are numbered in priority order. */
  private readonly partEntry: Int32Array;
  /** Part i is rings [partRings[i], partRings[i+1]) of `rings`. */
  private readonly partRings: Int32Array;
  private readonly rings: FlatRings;
  private readonly partCount: number;
  private readonly boxes: Float64Array;
  /**
   * Per micro-grid (in priority order), only what a lookup answers or decides with: the place it names,
   * whether it is exclusive, its near-miss tolerance. Boundaries live on only as the flat coordinates.
   */
  private readonly places: PlacedMicroGrid[];
  private readonly exclusive: Uint8Array;
  private readonly tolerance: Float64Array;
  /** Bucket grid: cell c lists parts cellItems[cellStart[c] .. cellStart[c+1]). */
  private readonly minX: number;
  private readonly minY: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellStart: Int32Array;
  private readonly cellItems: Int32Array;
  private readonly maxToleranceMetres: number;

  /** Builds the index over every micro-grid that has a boundary (its own, or its grid's). */
  constructor(map: GridMapSnapshot) {
    const entries = routableMicroGrids(map);
    this.places = entries.map((entry) => entry.place);
    this.exclusive = Uint8Array.from(entries, (entry) => Number(entry.exclusive));
    this.tolerance = Float64Array.from(entries, (entry) => entry.toleranceMetres);
    // Count first, then fill one typed array for all coordinates: no per-polygon allocations.
    let partCount = 0;
    let ringCount = 0;
    let numbers = 0;
    for (const entry of entries) {
      for (const polygon of polygonsOf(entry.boundary)) {
        partCount++;
        ringCount += polygon.length;
        for (const ring of polygon) numbers += ring.length * 2;
      }
    }
    const coords = new Float64Array(numbers);
    const starts = new Int32Array(ringCount + 1);
    const partRings = new Int32Array(partCount + 1);
    const partEntry = new Int32Array(partCount);
    let part = 0;
    let ringNo = 0;
    let k = 0;
    entries.forEach((entry, e) => {
      for (const polygon of polygonsOf(entry.boundary)) {
        partEntry[part] = e;
        partRings[part++] = ringNo;
        for (const ring of polygon) {
          starts[ringNo++] = k;
          for (const position of ring) {
            coords[k++] = position[0];
            coords[k++] = position[1];
          }
        }
      }
    });
    starts[ringCount] = k;
    partRings[partCount] = ringCount;
    this.rings = { coords, starts };
    this.partRings = partRings;
    this.partEntry = partEntry;
    this.partCount = partCount;
    this.maxToleranceMetres = entries.reduce((m, e) => Math.max(m, e.toleranceMetres), 0);

    const n = partCount;
    const boxes = new Float64Array(n * 4);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let area = 0;
    for (let i = 0; i < n; i++) {
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      const outer = partRings[i]!;
      for (let c = starts[outer]!, end = starts[outer + 1]!; c < end; c += 2) {
        const x = coords[c]!;
        const y = coords[c + 1]!;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      boxes[i * 4] = x0;
      boxes[i * 4 + 1] = y0;
      boxes[i * 4 + 2] = x1;
      boxes[i * 4 + 3] = y1;
      if (x0 < minX) minX = x0;
      if (y0 < minY) minY = y0;
      if (x1 > maxX) maxX = x1;
      if (y1 > maxY) maxY = y1;
      area += (x1 - x0) * (y1 - y0);
    }
    this.boxes = boxes;
    if (n === 0) {
      minX = minY = 0;
      maxX = maxY = 1;
    }
    // Cells about the size of an average part; at most ~4 cells per part so that sparse maps stay small.
    const spanX = Math.max(maxX - minX, 1e-9);
    const spanY = Math.max(maxY - minY, 1e-9);
    let side = Math.sqrt(area / Math.max(n, 1)) || Math.max(spanX, spanY);
    const maxCells = Math.max(4 * n, 16);
    while (Math.ceil(spanX / side) * Math.ceil(spanY / side) > maxCells) side *= 1.25;
    this.minX = minX;
    this.minY = minY;
    this.cellW = side;
    this.cellH = side;
    this.cols = Math.max(1, Math.ceil(spanX / side));
    this.rows = Math.max(1, Math.ceil(spanY / side));

    const cellCount = this.cols * this.rows;
    const counts = new Int32Array(cellCount + 1);
    this.forEachCellOfParts(n, (cell) => counts[cell + 1]!++);
    for (let c = 0; c < cellCount; c++) counts[c + 1]! += counts[c]!;
    this.cellStart = counts;
    const fill = counts.slice(0, cellCount);
    const items = new Int32Array(counts[cellCount]!);
    // Parts go in ascending number, i.e. priority order, so every cell's list is sorted by priority.
    this.forEachCellOfParts(n, (cell, part) => {
      items[fill[cell]!++] = part;
    });
    this.cellItems = items;
  }

  private forEachCellOfParts(n: number, visit: (cell: number, part: number) => void): void {
    const b = this.boxes;
    for (let i = 0; i < n; i++) {
      const c0 = this.col(b[i * 4]!);
      const r0 = this.row(b[i * 4 + 1]!);
      const c1 = this.col(b[i * 4 + 2]!);
      const r1 = this.row(b[i * 4 + 3]!);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * this.cols + c, i);
    }
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cellW)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cellH)));
  }

  /** How many micro-grids the index routes to. */
  get size(): number {
    return this.places.length;
  }

  /** The micro-grid whose polygon holds the point, else the nearest within its community's tolerance. */
  locate(point: { lat: number; lng: number }): Located | null {
    const x = point.lng;
    const y = point.lat;
    const part = this.containing(x, y, -1);
    if (part >= 0) {
      const e = this.partEntry[part]!;
      if (!this.exclusive[e]) return { rule: 'geofence', place: this.places[e]! };
      return {
        rule: 'exclusiveGeofence',
        place: this.places[e]!,
        overCommunityGrid: this.containing(x, y, part, true) >= 0,
      };
    }
    return this.nearest(x, y);
  }

  /** The first part after `after` (in priority order) that holds the point; -1 if none. */
  private containing(x: number, y: number, after: number, communityOnly = false): number {
    if (x < this.minX || y < this.minY) return -1;
    const c = Math.floor((x - this.minX) / this.cellW);
    const r = Math.floor((y - this.minY) / this.cellH);
    // A point exactly on the far edge of the extent belongs to the last cell.
    const col = c === this.cols && x === this.minX + this.cols * this.cellW ? c - 1 : c;
    const row = r === this.rows && y === this.minY + this.rows * this.cellH ? r - 1 : r;
    if (col >= this.cols || row >= this.rows) return -1;
    const cell = row * this.cols + col;
    const b = this.boxes;
    for (let k = this.cellStart[cell]!, end = this.cellStart[cell + 1]!; k < end; k++) {
      const i = this.cellItems[k]!;
      if (i <= after) continue;
      if (x < b[i * 4]! || y < b[i * 4 + 1]! || x > b[i * 4 + 2]! || y > b[i * 4 + 3]!) continue;
      if (communityOnly && this.exclusive[this.partEntry[i]!]) continue;
      if (containsPoint(this.rings, this.partRings[i]!, this.partRings[i + 1]!, x, y)) return i;
    }
    return -1;
  }

  /**
   * The nearest part within its tolerance. Distances within DISTANCE_TIE_METRES of the smallest are a tie,
   * won by the highest priority (the lowest part number), whatever order the cells are scanned in.
   */
  private nearest(x: number, y: number): Located | null {
    if (this.maxToleranceMetres <= 0 || this.partCount === 0) return null;
    const dy = this.maxToleranceMetres / METRES_PER_DEGREE;
    const dx = dy / Math.max(Math.cos((y * Math.PI) / 180), 1e-6);
    if (
      x + dx < this.minX ||
      y + dy < this.minY ||
      x - dx > this.minX + this.cols * this.cellW ||
      y - dy > this.minY + this.rows * this.cellH
    ) {
      return null;
    }
    const c0 = this.col(x - dx);
    const c1 = this.col(x + dx);
    const r0 = this.row(y - dy);
    const r1 = this.row(y + dy);
    const b = this.boxes;
    const parts: number[] = [];
    const distances: number[] = [];
    let smallest = Infinity;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        for (let k = this.cellStart[cell]!, end = this.cellStart[cell + 1]!; k < end; k++) {
          const i = this.cellItems[k]!;
          if (
            x < b[i * 4]! - dx ||
            y < b[i * 4 + 1]! - dy ||
            x > b[i * 4 + 2]! + dx ||
            y > b[i * 4 + 3]! + dy
          )
            continue;
          const d = distanceToRingsMetres(this.rings, this.partRings[i]!, this.partRings[i + 1]!, x, y);
          if (d > this.tolerance[this.partEntry[i]!]!) continue;
          parts.push(i);
          distances.push(d);
          if (d < smallest) smallest = d;
        }
      }
    }
    let best = -1;
    for (let k = 0; k < parts.length; k++) {
      if (distances[k]! <= smallest + DISTANCE_TIE_METRES && (best < 0 || parts[k]! < parts[best]!)) best = k;
    }
    if (best < 0) return null;
    return {
      rule: 'nearMiss',
      place: this.places[this.partEntry[parts[best]!]!]!,
      distanceMetres: distances[best]!,
    };
  }
}
