/**
 * Figure counters, sharded. One document per (community, month, shard) holds every breakdown of that slice
 * as nested maps: per grid its total, its micro-grids, its workers and its categories. A ticket always lands
 * in the shard its id hashes to and in the month it was submitted, so a change touches exactly one counter
 * document with an id known before the transaction (CloudBase transactions are by id only), and tickets of
 * one community rarely meet on one document. A read of a month is one query of SHARDS documents, whatever
 * the number of tickets.
 *
 * Size: a cell is ~17 numbers plus 23 buckets (~400 bytes as BSON); a grid of 10 micro-grids, 10 workers and
 * 15 categories is ~36 cells, ~15 KB; a community of 100 grids ~1.5 MB per shard-month, far below the 16 MB
 * document limit (a community would need ~1,000 grids to approach it).
 */
import type { FigureCounts } from '../../../typings/figures';
import { addCounts, emptyCounts, isZero } from './definitions';

export const SHARDS = 8;

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
    if (isZero(grid.total)) delete next.grids[cell.gridId];
    else next.grids[cell.gridId] = grid;
    if (cell.workerName && sign === 1) next.workerNames[cell.workerId] = cell.workerName;
  }
  return next;
}
