/**
 * The coming month's figure shards, written empty before the month begins, so that a change's increment
 * always finds its shard (one request) instead of the month's first ticket of a shard writing it whole (two;
 * issue 9 item 6). Runs in the last day of a month, Asia/Shanghai, twice an hour: a missed run costs only
 * the fall-back in apply.ts (the first writer writes the shard whole). Safe to run twice: what exists stays.
 */
import { isAppError } from '../errors';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { emptyShard, figureShardId, SHARDS, type FigureShard } from './shards';

const PAGE = 100;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The month to prepare at `now`, or null outside the window (the last day of a month, minutes 0 and 30). */
export function comingMonthToPrepare(now: Date): string | null {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  if (local.getUTCMinutes() % 30 !== 0) return null;
  const tomorrow = new Date(local.getTime() + 24 * 3_600_000);
  if (tomorrow.getUTCMonth() === local.getUTCMonth()) return null;
  return tomorrow.toISOString().slice(0, 7);
}

/** Writes the missing shards of the coming month for every community; answers how many it wrote. */
export async function prepareComingMonth(deps: { store: Store; clock: Clock }): Promise<{ created: number }> {
  const now = deps.clock.now();
  const month = comingMonthToPrepare(now);
  if (!month) return { created: 0 };
  const at = toIso(now);
  const { store } = deps;
  let created = 0;
  let after = '';
  for (;;) {
    const communities = await store.find('communities', {
      where: after ? { _id: { gt: after } } : {},
      orderBy: [['_id', 'asc']],
      limit: PAGE,
    });
    if (communities.length === 0) break;
    after = communities[communities.length - 1]!._id;
    const ids = communities.map((c) => c._id);
    const existing = new Set(
      (
        await store.find('ticketFigures', {
          where: { communityId: { in: ids }, month },
          limit: ids.length * SHARDS,
        })
      ).map((s) => s._id),
    );
    const missing: FigureShard[] = [];
    for (const communityId of ids)
      for (let shard = 0; shard < SHARDS; shard++)
        if (!existing.has(figureShardId(communityId, month, shard)))
          missing.push(emptyShard(communityId, month, shard, at));
    created += await insertMissing(store, missing);
    if (communities.length < PAGE) break;
  }
  return { created };
}

/** In one batch; when another writer got to some first (a second run, an early ticket), one by one. */
async function insertMissing(store: Store, shards: FigureShard[]): Promise<number> {
  if (shards.length === 0) return 0;
  try {
    await store.insertMany('ticketFigures', shards);
    return shards.length;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
  }
  let created = 0;
  for (const shard of shards) {
    try {
      await store.insert('ticketFigures', shard);
      created += 1;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    }
  }
  return created;
}
