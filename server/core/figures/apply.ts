/**
 * Applies a change's figure increments inside the ticket's transaction: read the one shard document by its
 * known id, add, write it back. Two round trips when the figures moved, none when they did not.
 */
import type { Tx } from '../ports/store';
import { applyIncrements, emptyShard, type FigureIncrement } from './shards';

export async function applyFigureDeltas(tx: Tx, increments: FigureIncrement[], at: string): Promise<void> {
  const byDoc = new Map<string, FigureIncrement[]>();
  for (const inc of increments) byDoc.set(inc.docId, [...(byDoc.get(inc.docId) ?? []), inc]);
  for (const [docId, incs] of byDoc) {
    const first = incs[0]!;
    const shard =
      (await tx.get('ticketFigures', docId)) ?? emptyShard(first.communityId, first.month, first.shard, at);
    await tx.set('ticketFigures', applyIncrements(shard, incs, at));
  }
}
