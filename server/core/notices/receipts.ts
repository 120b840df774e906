/**
 * 已知晓: a resident confirms a notice. One receipt per resident (its id is derived from the notice and the
 * user), so a repeat changes nothing; the first receipt of a household reaches it. The receipt, the target's
 * reach and the micro-grid's counters are written in one transaction: 2 reads before it, and in it the
 * target and two or three writes, the household's counter shard by increment, unread (see coverage-shards.ts
 * for bursts).
 */
import { AppError, isAppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { loadNoticeInCommunity } from './access';
import { deltaIncrement, shardIndexOf, type CoverageDelta } from './coverage-shards';
import { noticeIds, type NoticeReceipt } from './model';
import { requireLive } from './transitions';

export async function confirmNotice(
  deps: Deps,
  caller: Caller,
  noticeId: string,
): Promise<{ confirmedAt: string; alreadyConfirmed: boolean }> {
  const user = await loadActor(deps.store, caller);
  if (!user.householdId) throw new AppError('NOTICE.NO_HOUSEHOLD');
  const householdId = user.householdId;
  const notice = await loadNoticeInCommunity(deps.store, user, noticeId);
  requireLive('confirm', notice);
  const at = toIso(deps.clock.now());

  const receiptId = noticeIds.receipt(noticeId, user._id);
  try {
    return await deps.store.transaction(async (tx) => {
      const target = await tx.get('noticeTargets', noticeIds.target(noticeId, householdId));
      if (!target) throw new AppError('NOTICE.NOT_TARGETED');
      // The household's own bucket of its micro-grid's counters: neighbours tapping together write others.
      const shardId = noticeIds.shard(noticeId, shardIndexOf(notice, target.microGridId, householdId));

      const receipt: NoticeReceipt = {
        _id: receiptId,
        noticeId,
        communityId: notice.communityId,
        userId: user._id,
        householdId,
        microGridId: target.microGridId,
        at,
        reached: !target.reachedAt,
      };
      // No read of the receipt first: a repeat tap meets its receipt here (STORE.DUPLICATE, below).
      await tx.insert('noticeReceipts', receipt);
      const delta: CoverageDelta = { microGridId: target.microGridId, counts: { confirmedResidents: 1 } };
      if (!target.reachedAt) {
        delta.counts = {
          ...delta.counts,
          reached: 1,
          byReceipt: 1,
          nobodyHome: target.awaitingRevisit ? -1 : 0,
        };
        delta.reachedAt = at;
        await tx.update('noticeTargets', target._id, {
          reachedAt: at,
          reachedBy: 'receipt',
          awaitingRevisit: false,
        });
      }
      // The shared document last: its write lock is held for the shortest time.
      if (!(await tx.increment('noticeCoverage', shardId, deltaIncrement(delta))))
        throw new Error(`notice ${noticeId} has no coverage shard ${shardId}`);
      return { confirmedAt: at, alreadyConfirmed: false };
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    const prior = await deps.store.get('noticeReceipts', receiptId);
    if (!prior) throw error;
    return { confirmedAt: prior.at, alreadyConfirmed: true };
  }
}
