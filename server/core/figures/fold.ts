/**
 * The fold: moves a community-month's shard documents into its total document and deletes them, so that a
 * read parses one copy of the map's cells a month (the total) plus only what changed since the last fold,
 * instead of SHARDS copies once every cell exists in every shard. The truth is always total + the shards that
 * exist: a read is never stale, and a fold changes no figure.
 *
 * Concurrency: one transaction reads the shards and the total and writes every document it read (the total
 * set, each shard deleted). A ticket change that increments a shard after the fold read it makes the fold's
 * write of that shard conflict (CloudBase/MongoDB: a write to a document changed since the transaction began;
 * SQLite adapter: reads checked at commit), so the fold runs again and folds the increment too, or gives up
 * with STORE.CONFLICT having written nothing. Deleting, not zeroing by a negative increment, is the point:
 * zeroed cells would stay in the shard and the read would still parse them.
 */
import { AppError } from '../errors';
import type { Store } from '../ports/store';
import {
  addShard,
  emptyShard,
  figureShardId,
  figureTotalId,
  normalShard,
  SHARDS,
  TOTAL_SHARD,
  type FigureShard,
} from './shards';

/** Community-months folded by one run at most: the rest wait for the next fold. */
const MONTHS_PER_RUN = 20;

/** Folds one community-month; the number of shard documents it moved (0: nothing to fold). */
export async function foldMonth(
  store: Store,
  communityId: string,
  month: string,
  at: string,
): Promise<number> {
  return store.transaction(async (tx) => {
    const ids = Array.from({ length: SHARDS }, (_, s) => figureShardId(communityId, month, s));
    const [stored, ...found] = await Promise.all([
      tx.get('ticketFigures', figureTotalId(communityId, month)),
      ...ids.map((id) => tx.get('ticketFigures', id)),
    ]);
    const shards = found.filter((doc): doc is FigureShard => doc !== null);
    if (shards.length === 0) return 0;
    let total = normalShard(
      stored ?? {
        ...emptyShard(communityId, month, TOTAL_SHARD, at),
        _id: figureTotalId(communityId, month),
      },
    );
    for (const shard of shards) total = addShard(total, normalShard(shard), at);
    await tx.set('ticketFigures', total);
    for (const shard of shards) await tx.delete('ticketFigures', shard._id);
    return shards.length;
  });
}

/**
 * One scheduled run: one query of the shard documents that wait longest (oldest change first: the quiet ones,
 * least likely to meet a ticket change), then one fold per community-month among them. A month whose fold keeps
 * conflicting is left for the next run; nothing of it was written. Months from `openMonth` on are left in their
 * shards: a change's increment of the open month (and of the coming one, written ahead) finds its shard in one
 * request, and the read parses at most SHARDS copies of one month.
 */
export async function foldFigures(
  store: Store,
  at: string,
  openMonth?: string,
): Promise<{ monthsFolded: number; shardsFolded: number; foldConflicts: number }> {
  const waiting = await store.find('ticketFigures', {
    where: { shard: { lt: TOTAL_SHARD } },
    orderBy: [['updatedAt', 'asc']],
    limit: MONTHS_PER_RUN * SHARDS,
  });
  const months = new Map<string, { communityId: string; month: string }>();
  for (const doc of waiting) {
    if (months.size >= MONTHS_PER_RUN) break;
    if (openMonth !== undefined && doc.month >= openMonth) continue;
    months.set(`${doc.communityId}\u0000${doc.month}`, { communityId: doc.communityId, month: doc.month });
  }
  const out = { monthsFolded: 0, shardsFolded: 0, foldConflicts: 0 };
  for (const { communityId, month } of months.values()) {
    try {
      const moved = await foldMonth(store, communityId, month, at);
      if (moved > 0) out.monthsFolded += 1;
      out.shardsFolded += moved;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'STORE.CONFLICT')) throw error;
      out.foldConflicts += 1;
    }
  }
  return out;
}
