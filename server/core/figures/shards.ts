/**
 * Figure counters, sharded. One document per (community, month, shard) holds every breakdown of that slice
 * as nested maps: per grid its total, its micro-grids, its workers and its categories. A ticket always lands
 * in the shard its id hashes to and in the month it was submitted, so a change touches exactly one counter
 * document with an id known before the transaction (CloudBase transactions are by id only), and tickets of
 * one community rarely meet on one document. A read of a month is one query of DOCS_PER_MONTH documents, whatever
 * the number of tickets.
 *
 * Size: a cell is ~17 numbers plus 23 buckets (~400 bytes as BSON); a grid of 10 micro-grids, 10 workers and
 * 15 categories is ~36 cells, ~15 KB; a community of 100 grids ~1.5 MB per shard-month, far below the 16 MB
 * document limit (a community would need ~1,000 grids to approach it).
 */
import type { FigureCounts } from '../../../typings/figures';
import { addCounts, counterDefinitions, emptyCounts, isZero } from './definitions';

export const SHARDS = 8;

/**
 * The folded total of a community-month: a document of the same shape in the same collection, with this shard
 * number (no ticket hashes to it). The scheduled fold (fold.ts) moves shards into it and deletes them, so the
 * truth is always total + the shards that exist, and a read takes at most SHARDS + 1 documents a month.
 */
export const TOTAL_SHARD = SHARDS;
export const DOCS_PER_MONTH = SHARDS + 1;

/** Cells of one grid (or of NONE: tickets not yet routed to a grid). */
export interface GridFigures {
  total: FigureCounts;
  microGrids: Record<string, FigureCounts>;
  workers: Record<string, FigureCounts>;
  categories: Record<string, FigureCounts>;
}

export interface FigureShard {
  /** figureShardId(communityId, month, shard) */
  _id: string;
  communityId: string;
  /** YYYY-MM, Asia/Shanghai, of the tickets' submission. */
  month: string;
  shard: number;
  grids: Record<string, GridFigures>;
  /** Display names of workers as the tickets carried them (the assignee snapshot). */
  workerNames: Record<string, string>;
  updatedAt: string;
}

/** The key of "none" (no grid, micro-grid or assignee yet). */
export const NONE = '-';

export function figureShardId(communityId: string, month: string, shard: number): string {
  return `${communityId}-${month}-${shard}`;
}

export function figureTotalId(communityId: string, month: string): string {
  return `${communityId}-${month}-total`;
}

/** FNV-1a of the ticket id: stable across instances and runs. */
export function shardOfTicket(ticketId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ticketId.length; i++) {
    hash ^= ticketId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SHARDS;
}

/** Where a ticket's counts live: its cells inside one shard document. */
export interface FigureCell {
  gridId: string;
  microGridId: string;
  workerId: string;
  workerName: string | null;
  category: string;
}

/** One signed change of one shard document's cells. */
export interface FigureIncrement {
  docId: string;
  communityId: string;
  month: string;
  shard: number;
  cell: FigureCell;
  counts: FigureCounts;
  sign: 1 | -1;
}

export function emptyShard(communityId: string, month: string, shard: number, at: string): FigureShard {
  return {
    _id: figureShardId(communityId, month, shard),
    communityId,
    month,
    shard,
    grids: {},
    workerNames: {},
    updatedAt: at,
  };
}

function addInto(map: Record<string, FigureCounts>, key: string, counts: FigureCounts, sign: 1 | -1): void {
  const cell = map[key] ?? emptyCounts();
  addCounts(cell, counts, sign);
  if (isZero(cell)) delete map[key];
  else map[key] = cell;
}

/** Applies increments to a shard document (a copy is returned; cells that fall to zero are dropped). */
export function applyIncrements(shard: FigureShard, increments: FigureIncrement[], at: string): FigureShard {
  // A JSON copy, not structuredClone: the shard is plain JSON, and the pages' jsdom tests have no structuredClone.
  const next = JSON.parse(JSON.stringify(shard)) as FigureShard;
  next.updatedAt = at;
  for (const inc of increments) {
    const { cell, counts, sign } = inc;
    const grid = next.grids[cell.gridId] ?? {
      total: emptyCounts(),
      microGrids: {},
      workers: {},
      categories: {},
    };
    addCounts(grid.total, counts, sign);
    addInto(grid.microGrids, cell.microGridId, counts, sign);
    addInto(grid.workers, cell.workerId, counts, sign);
    addInto(grid.categories, cell.category, counts, sign);
    // Not on the total alone: a reassignment within a grid moves cells and leaves the total unchanged,
    // which on a shard created after a fold is zero.
    if (gridIsZero(grid)) delete next.grids[cell.gridId];
    else next.grids[cell.gridId] = grid;
    if (cell.workerName && sign === 1) next.workerNames[cell.workerId] = cell.workerName;
  }
  return next;
}

/**
 * Adds one shard's cells into another (a copy of `into` is returned; cells that fall to zero are dropped). Both
 * must be normal (normalShard). A shard can hold negative cells (a reassignment after a fold takes counts out
 * of a cell whose counts were folded), so nothing here assumes counts are positive.
 */
export function addShard(into: FigureShard, from: FigureShard, at: string): FigureShard {
  const next = JSON.parse(JSON.stringify(into)) as FigureShard;
  next.updatedAt = at;
  for (const [gridId, cells] of Object.entries(from.grids)) {
    const grid = next.grids[gridId] ?? { total: emptyCounts(), microGrids: {}, workers: {}, categories: {} };
    addCounts(grid.total, cells.total);
    for (const [key, counts] of Object.entries(cells.microGrids)) addInto(grid.microGrids, key, counts, 1);
    for (const [key, counts] of Object.entries(cells.workers)) addInto(grid.workers, key, counts, 1);
    for (const [key, counts] of Object.entries(cells.categories)) addInto(grid.categories, key, counts, 1);
    if (gridIsZero(grid)) delete next.grids[gridId];
    else next.grids[gridId] = grid;
  }
  // The shard's names are the newer ones.
  next.workerNames = { ...next.workerNames, ...from.workerNames };
  return next;
}

function gridIsZero(grid: GridFigures): boolean {
  return (
    isZero(grid.total) &&
    [grid.microGrids, grid.workers, grid.categories].every((cells) => Object.values(cells).every(isZero))
  );
}

/**
 * The increment of one shard document that adds `increments` in place, as dot paths (no read, one write):
 * only counters that move, the worker's name, the time. Applied to a shard that exists it gives what
 * applyIncrements would, except that a cell falling to zero stays, zeroed, and that a cell the increment
 * creates holds only the counters it moved (bucket arrays as objects keyed by index): readers go through
 * `normalShard`.
 */
export function shardIncrement(
  increments: FigureIncrement[],
  at: string,
): { add: Record<string, number>; set: Record<string, string> } {
  const add: Record<string, number> = {};
  const set: Record<string, string> = { updatedAt: at };
  const put = (prefix: string, counts: FigureCounts, sign: 1 | -1) => {
    for (const { field } of counterDefinitions) {
      const value = counts[field];
      const moves: Array<[string, number]> = Array.isArray(value)
        ? value.map((n, i) => [`${prefix}.${field}.${i}`, n])
        : [[`${prefix}.${field}`, value]];
      for (const [path, n] of moves) if (n !== 0) add[path] = (add[path] ?? 0) + sign * n;
    }
  };
  for (const { cell, counts, sign } of increments) {
    const grid = `grids.${cell.gridId}`;
    put(`${grid}.total`, counts, sign);
    put(`${grid}.microGrids.${cell.microGridId}`, counts, sign);
    put(`${grid}.workers.${cell.workerId}`, counts, sign);
    put(`${grid}.categories.${cell.category}`, counts, sign);
    if (cell.workerName && sign === 1) set[`workerNames.${cell.workerId}`] = cell.workerName;
  }
  for (const path of Object.keys(add)) if (add[path] === 0) delete add[path];
  return { add, set };
}

/** A bucket list as stored: an array, or an object keyed by index where an increment created it. */
function bucketsOf(stored: unknown, length: number): number[] {
  const out = new Array<number>(length).fill(0);
  if (stored && typeof stored === 'object')
    for (const [i, n] of Object.entries(stored as Record<string, unknown>))
      if (Number(i) < length && typeof n === 'number') out[Number(i)] = n;
  return out;
}

function normalCounts(stored: unknown): FigureCounts {
  const raw = (stored ?? {}) as Record<string, unknown>;
  const counts = emptyCounts();
  for (const { field } of counterDefinitions) {
    const empty = counts[field];
    if (Array.isArray(empty)) (counts[field] as number[]) = bucketsOf(raw[field], empty.length);
    else if (typeof raw[field] === 'number') (counts[field] as number) = raw[field];
  }
  return counts;
}

function normalCells(stored: unknown): Record<string, FigureCounts> {
  const out: Record<string, FigureCounts> = {};
  for (const [key, cell] of Object.entries((stored ?? {}) as Record<string, unknown>)) {
    const counts = normalCounts(cell);
    if (!isZero(counts)) out[key] = counts;
  }
  return out;
}

/**
 * A shard as read, in the shape applyIncrements writes: every counter present, bucket lists as arrays, no
 * cell or grid that holds only zeros (increments leave those behind, and create partial cells). A grid whose
 * total is zero is kept while a cell of it is not: after a fold, a reassignment between two micro-grids of
 * one grid leaves the shard's grid total at zero and its two micro-grid cells at −c and +c.
 */
export function normalShard(stored: FigureShard): FigureShard {
  const grids: Record<string, GridFigures> = {};
  for (const [gridId, grid] of Object.entries(stored.grids ?? {})) {
    const normal = {
      total: normalCounts(grid.total),
      microGrids: normalCells(grid.microGrids),
      workers: normalCells(grid.workers),
      categories: normalCells(grid.categories),
    };
    if (!gridIsZero(normal)) grids[gridId] = normal;
  }
  return { ...stored, grids, workerNames: stored.workerNames ?? {} };
}
