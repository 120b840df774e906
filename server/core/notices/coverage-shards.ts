/**
 * Coverage counters, sharded twice. A notice's micro-grids fall into up to MAX_GROUPS groups (by a hash of
 * the micro-grid's id), and each group's counters are spread over BUCKETS shard documents by a hash of the
 * household: shard = group × buckets + bucket. A micro-grid's counters are the sum of its entries in its
 * group's documents. So neighbours of one micro-grid tapping 已知晓 together (the burst after a worker
 * shares the notice into the building's group) write BUCKETS different documents, not one; the dashboard
 * still reads every counter of a notice in one query of at most MAX_SHARDS documents, whatever the number of
 * micro-grids. The hourly trend is kept per shard for the same reason (one hot trend document would make
 * every receipt of the notice collide).
 *
 * Notices published before buckets existed have `coverageBuckets` unset: one bucket, the old layout.
 */
import type { CoverageCounts } from '../../../typings/notice';
import { shanghai } from '../time/shanghai';
import type { CoverageEntry, CoverageShard } from './model';

/** Micro-grid groups at most. */
export const MAX_GROUPS = 16;
/** Household buckets per group at most: the most receipts of one micro-grid that never meet on one document. */
export const BUCKETS = 16;
/**
 * Fewer buckets for larger audiences: every bucket repeats its micro-grids' entries, and the dashboard reads
 * them all (1,000 micro-grids × 16 buckets would be 2.5 MB a read; × 4, 0.6 MB).
 */
const BUCKETS_BY_SIZE: Array<[maxMicroGrids: number, buckets: number]> = [
  [100, 16],
  [250, 8],
  [Infinity, 4],
];

/**
 * Household buckets for an audience over `microGrids` micro-grids. Always a divisor of BUCKETS, so that a
 * household's bucket among BUCKETS folds into its bucket among these (hash % 16 % 4 = hash % 4).
 */
export function bucketCountFor(microGrids: number): number {
  return BUCKETS_BY_SIZE.find(([max]) => microGrids <= max)![1];
}
/** Shard documents of one notice at most: the dashboard's one query. */
export const MAX_SHARDS = MAX_GROUPS * BUCKETS;

/** Micro-grid groups for an audience spread over `microGrids` micro-grids. */
export function groupCountFor(microGrids: number): number {
  return Math.max(1, Math.min(MAX_GROUPS, microGrids));
}

/** What a notice says of its layout: total shard documents, and household buckets per group (unset: 1). */
export interface ShardLayout {
  coverageShards: number;
  coverageBuckets?: number;
}

function bucketsOf(layout: ShardLayout): number {
  return Math.max(1, layout.coverageBuckets ?? 1);
}

/** The shard that counts this household of this micro-grid. */
export function shardIndexOf(layout: ShardLayout, microGridId: string, householdId: string): number {
  const buckets = bucketsOf(layout);
  const groups = Math.max(1, Math.floor(layout.coverageShards / buckets));
  return shardOf(microGridId, groups) * buckets + shardOf(householdId, buckets);
}

/** Every shard that may hold counters of this micro-grid: its group's buckets. */
export function shardIndexesOf(layout: ShardLayout, microGridId: string): number[] {
  const buckets = bucketsOf(layout);
  const groups = Math.max(1, Math.floor(layout.coverageShards / buckets));
  const first = shardOf(microGridId, groups) * buckets;
  return Array.from({ length: buckets }, (_, b) => first + b);
}

/** Each micro-grid's counters summed over the shards given (names from whichever entry comes first). */
export function mergedEntries(shards: Array<Pick<CoverageShard, 'microGrids'>>): Map<string, CoverageEntry> {
  const merged = new Map<string, CoverageEntry>();
  for (const shard of shards)
    for (const [microGridId, entry] of Object.entries(shard.microGrids)) {
      const into = merged.get(microGridId);
      if (!into) merged.set(microGridId, { ...entry });
      else for (const field of COUNTER_FIELDS) into[field] += entry[field];
    }
  return merged;
}

/** FNV-1a of an id (micro-grid or household): stable across instances and runs. */
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

/**
 * The same delta as one increment of the shard (`_.inc` at the micro-grid's counters and the trend's hour):
 * no read of the shard first. The micro-grid's entry is there from the publication (publish.ts writes one
 * for every micro-grid of the audience into each of its group's buckets).
 */
export function deltaIncrement(delta: CoverageDelta): { add: Record<string, number> } {
  const add: Record<string, number> = {};
  for (const field of COUNTER_FIELDS) {
    const by = delta.counts[field] ?? 0;
    if (by !== 0) add[`microGrids.${delta.microGridId}.${field}`] = by;
  }
  if (delta.reachedAt) add[`hourly.${hourKey(delta.reachedAt)}`] = 1;
  return { add };
}
