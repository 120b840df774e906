/**
 * 已知晓: a resident confirms a notice. One receipt per resident (its id is derived from the notice and the
 * user), so a repeat changes nothing; the first receipt of a household reaches it. The receipt, the target's
 * reach and the micro-grid's counters are written in one transaction.
 */
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { loadNoticeInCommunity } from './access';
import { applyDelta, shardOf, type CoverageDelta } from './coverage-shards';
import { noticeIds, type NoticeReceipt } from './model';

export async function confirmNotice(
  deps: Deps,
  caller: Caller,
  noticeId: string,
): Promise<{ confirmedAt: string; alreadyConfirmed: boolean }> {
  const user = await loadActor(deps.store, caller);
  if (!user.householdId) throw new AppError('NOTICE.NO_HOUSEHOLD');
  const householdId = user.householdId;
  const notice = await loadNoticeInCommunity(deps.store, user, noticeId);
  if (notice.state === 'withdrawn') throw new AppError('NOTICE.WITHDRAWN');
  if (notice.state !== 'published') throw new AppError('NOTICE.NOT_FOUND');
  const at = toIso(deps.clock.now());

  return deps.store.transaction(async (tx) => {
    const prior = await tx.get('noticeReceipts', noticeIds.receipt(noticeId, user._id));
    if (prior) return { confirmedAt: prior.at, alreadyConfirmed: true };
    const target = await tx.get('noticeTargets', noticeIds.target(noticeId, householdId));
    if (!target) throw new AppError('NOTICE.NOT_TARGETED');
    const shardId = noticeIds.shard(noticeId, shardOf(target.microGridId, notice.coverageShards));
    const shard = await tx.get('noticeCoverage', shardId);
    if (!shard) throw new Error(`notice ${noticeId} has no coverage shard ${shardId}`);

    const receipt: NoticeReceipt = {
      _id: noticeIds.receipt(noticeId, user._id),
      noticeId,
      communityId: notice.communityId,
      userId: user._id,
      householdId,
      microGridId: target.microGridId,
      at,
      reached: !target.reachedAt,
    };
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
    await tx.insert('noticeReceipts', receipt);
    await tx.update('noticeCoverage', shardId, applyDelta(shard, delta));
    return { confirmedAt: at, alreadyConfirmed: false };
  });
}
