/**
 * 已知晓: a resident confirms a notice. One receipt per resident (its id is derived from the notice and the
 * user), so a repeat changes nothing; the first receipt of a household reaches it. No transaction: three
 * plain writes, each atomic and each the gate of the next, so that neighbours tapping together never
 * conflict (issue 9: 2 reads and 3 writes for the first receipt of a household):
 *
 * 1. the household's reach, guarded by "not reached yet" (Store.updateIf): of its members tapping at once,
 *    one reaches it, and the answer carries the target (micro-grid, nobody-home) without a read;
 * 2. the receipt, whose id is the resident's gate: of one resident's repeated calls, one writes it;
 * 3. the counters, by increment into the household's own shard (coverage-shards.ts), after the receipt that
 *    gates them, so that they move once per receipt.
 *
 * A call that fails between 1 and 2 is completed by the resident's next tap: the target names who reached
 * it. One whose counter write fails takes its receipt back, and the next tap counts it. Only a process
 * that dies between 2 and 3 leaves its counters behind; reconcile.ts reports that as drift.
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

  const targetId = noticeIds.target(noticeId, householdId);
  const reachedNow = await deps.store.updateIf(
    'noticeTargets',
    targetId,
    { reachedAt: null },
    { reachedAt: at, reachedBy: 'receipt', reachedByUserId: user._id },
  );
  // Not reached by this call: reached before (a member, a visit, or this resident's call cut short), or
  // not in the audience at all.
  const target = reachedNow ?? (await deps.store.get('noticeTargets', targetId));
  if (!target) throw new AppError('NOTICE.NOT_TARGETED');
  const reaches = target.reachedBy === 'receipt' && target.reachedByUserId === user._id;

  const receiptId = noticeIds.receipt(noticeId, user._id);
  const receipt: NoticeReceipt = {
    _id: receiptId,
    noticeId,
    communityId: notice.communityId,
    userId: user._id,
    householdId,
    microGridId: target.microGridId,
    // The reaching receipt is dated by its reach, also when a later tap completes it.
    at: reaches ? target.reachedAt! : at,
    reached: reaches,
  };
  try {
    // No read of the receipt first: a repeat tap meets its receipt here (STORE.DUPLICATE, below).
    await deps.store.insert('noticeReceipts', receipt);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    const prior = await deps.store.get('noticeReceipts', receiptId);
    if (!prior) throw error;
    return { confirmedAt: prior.at, alreadyConfirmed: true };
  }

  const delta: CoverageDelta = { microGridId: target.microGridId, counts: { confirmedResidents: 1 } };
  if (reaches) {
    delta.counts = {
      ...delta.counts,
      reached: 1,
      byReceipt: 1,
      nobodyHome: target.awaitingRevisit ? -1 : 0,
    };
    delta.reachedAt = receipt.at;
  }
  // The household's own bucket of its micro-grid's counters: neighbours tapping together write others.
  const shardId = noticeIds.shard(noticeId, shardIndexOf(notice, target.microGridId, householdId));
  try {
    if (!(await deps.store.increment('noticeCoverage', shardId, deltaIncrement(delta))))
      throw new Error(`notice ${noticeId} has no coverage shard ${shardId}`);
  } catch (error) {
    // Taken back, so that the resident's next tap writes it again and counts it (a reach stays theirs):
    // otherwise that tap would meet the receipt and the counters would never move.
    await deps.store.remove('noticeReceipts', receiptId).catch(() => undefined);
    throw error;
  }
  return { confirmedAt: receipt.at, alreadyConfirmed: false };
}
