/**
 * Coverage counters, sharded. Each notice has a few shard documents; a micro-grid's counters live in exactly
 * one of them (by a hash of its id). A receipt or visit updates its micro-grid's shard in its own
 * transaction, so that writers of different micro-grids rarely meet on one document, while the dashboard
 * reads every counter of a notice in one query of at most MAX_SHARDS documents, whatever the number of
 * micro-grids. The hourly trend is kept per shard for the same reason (one hot trend document would make
 * every receipt of the notice collide).
 */
import type { CoverageCounts } from '../../../typings/notice';
import { shanghai } from '../time/shanghai';
import type { CoverageEntry, CoverageShard } from './model';

export const MAX_SHARDS = 16;

/** Shards for an audience spread over `microGrids` micro-grids. */
export function shardCountFor(microGrids: number): number {
  return Math.max(1, Math.min(MAX_SHARDS, microGrids));
}

/** FNV-1a of the micro-grid id: stable across instances and runs. */
export function shardOf(microGridId: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < microGridId.length; i++) {
    hash ^= microGridId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** The trend bucket of an instant: its Asia/Shanghai hour, e.g. 2026-06-20T09. */
export function hourKey(at: Date | string): string {
  return shanghai(at).format('YYYY-MM-DDTHH');
}

export function emptyCounts(): CoverageCounts {
  return {
    households: 0,
    reached: 0,
    byReceipt: 0,
    byVisit: 0,
    confirmedResidents: 0,
    nobodyHome: 0,
    visits: 0,
  };
}

export const COUNTER_FIELDS = [
  'households',
  'reached',
  'byReceipt',
  'byVisit',
  'confirmedResidents',
  'nobodyHome',
  'visits',
] as const satisfies ReadonlyArray<keyof CoverageCounts>;

/** Adds `from` into `into` (grid and community totals are sums of micro-grids). */
export function addCounts(into: CoverageCounts, from: CoverageCounts): void {
  for (const field of COUNTER_FIELDS) into[field] += from[field];
}

export function countsOf(entry: CoverageEntry): CoverageCounts {
  const counts = emptyCounts();
  for (const field of COUNTER_FIELDS) counts[field] = entry[field];
  return counts;
}

/** The changes one receipt or visit makes to its micro-grid's counters and the trend. */
export interface CoverageDelta {
  microGridId: string;
  counts: Partial<CoverageCounts>;
  /** Set when the household became reached: the trend's hour gains one. */
  reachedAt?: string;
}

/** The shard's next fields after applying a delta; throws if the micro-grid is not in it (a bug). */
export function applyDelta(
  shard: CoverageShard,
  delta: CoverageDelta,
): Pick<CoverageShard, 'microGrids' | 'hourly'> {
  const entry = shard.microGrids[delta.microGridId];
  if (!entry) throw new Error(`coverage shard ${shard._id} lacks micro-grid ${delta.microGridId}`);
  const next: CoverageEntry = { ...entry };
  for (const field of COUNTER_FIELDS) next[field] += delta.counts[field] ?? 0;
  const hourly = { ...shard.hourly };
  if (delta.reachedAt) {
    const key = hourKey(delta.reachedAt);
    hourly[key] = (hourly[key] ?? 0) + 1;
  }
  return { microGrids: { ...shard.microGrids, [delta.microGridId]: next }, hourly };
}
