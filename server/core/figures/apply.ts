/**
 * Applies a change's figure increments inside the ticket's transaction: one increment of the one shard
 * document by its known id (`_.inc` at the counters' paths, no read). Only the first change of a shard in
 * a month finds no document and writes it whole (a second write; a concurrent first writer conflicts and
 * the transaction runs again, finding it). None when nothing moved.
 */
import type { Tx } from '../ports/store';
import { applyIncrements, emptyShard, shardIncrement, type FigureIncrement } from './shards';

export async function applyFigureDeltas(tx: Tx, increments: FigureIncrement[], at: string): Promise<void> {
  const byDoc = new Map<string, FigureIncrement[]>();
  for (const inc of increments) byDoc.set(inc.docId, [...(byDoc.get(inc.docId) ?? []), inc]);
  for (const [docId, incs] of byDoc) {
    if (await tx.increment('ticketFigures', docId, shardIncrement(incs, at))) continue;
    const first = incs[0]!;
    await tx.set(
      'ticketFigures',
      applyIncrements(emptyShard(first.communityId, first.month, first.shard, at), incs, at),
    );
  }
}
