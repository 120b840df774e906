/**
 * The dispatcher (DESIGN §6): sends each in-app notification as a subscribe message where the user holds a
 * grant. At most once to WeChat: a notification is claimed (update with ifVersion: one dispatcher wins)
 * before the send; an answer that may mean "delivered" is never retried. Every notification ends sent,
 * inAppOnly or failed with a reason.
 *
 * Round trips are what a serverless dispatcher pays for: the users and grants of a whole pass are read in a
 * few queries by id (not a `get` each), and a notification without a grant is finished with one write.
 */
import type { Deps } from '../ports';
import { toIso } from '../time/shanghai';
import { sendEntries } from './fresh-dispatch';
import { isNotificationId } from './fan-out';
import type { Notification, OutboxEntry } from './model';
import {
  add,
  emptyTally,
  findByIds,
  finished,
  move,
  pool,
  sendClaimed,
  type Delivery,
  type DispatchDeps,
  type DispatchStep,
  type DispatchTally,
} from './send-step';
import { pickGrant, readPass, type PassReads } from './pass-reads';
import { templatesFor, type NotificationSettings } from './templates';

export { backoffDelay, emptyTally } from './send-step';
export type { DispatchDeps, DispatchStep, DispatchTally } from './send-step';

export interface DispatchOptions {
  /** Notifications per pass (a cloud function has at most 60 s). */
  limit?: number;
  concurrency?: number;
}

/** Decides, claims, sends and records one pending notification. */
async function dispatchNotification(
  deps: DispatchDeps,
  settings: NotificationSettings,
  n: Notification,
  reads: PassReads,
): Promise<DispatchStep> {
  const { store } = deps;
  if (n.delivery.state !== 'pending') return 'skipped';
  const now = toIso(deps.clock.now());

  const candidates = templatesFor(settings.templates, n.kind);
  if (candidates.length === 0)
    return (await move(store, n, finished(n.delivery, 'inAppOnly', 'noTemplate', now)))
      ? 'inAppOnly'
      : 'skipped';
  const found = pickGrant(reads, settings, n);
  if (!found) {
    // No grant: the in-app message is the delivery. The versioned write is this notification's claim.
    return (await move(store, n, finished(n.delivery, 'inAppOnly', 'noGrant', now)))
      ? 'inAppOnly'
      : 'skipped';
  }
  const user = reads.users.get(n.userId);
  if (!user) {
    const delivery = finished(n.delivery, 'failed', 'noUser', now, { lastError: '用户不存在' });
    return (await move(store, n, delivery)) ? 'failed' : 'skipped';
  }

  // Claim before send: only the dispatcher whose versioned write lands goes on to WeChat.
  const claim: Delivery = {
    ...n.delivery,
    state: 'sending',
    attempts: n.delivery.attempts + 1,
    claimedAt: now,
    nextAttemptAt: null,
  };
  if (!(await move(store, n, claim))) return 'skipped';
  const claimed: Notification = { ...n, delivery: claim, version: n.version + 1 };
  return sendClaimed(deps, settings, claimed, user, found, candidates);
}

/** Sends the notifications that are pending and due, oldest first: first sends left over, and retries. */
export async function dispatchDue(
  deps: DispatchDeps,
  settings: NotificationSettings,
  options: DispatchOptions = {},
): Promise<DispatchTally> {
  const due = await deps.store.find('notifications', {
    where: { 'delivery.state': 'pending', 'delivery.nextAttemptAt': { lte: toIso(deps.clock.now()) } },
    orderBy: [['delivery.nextAttemptAt', 'asc']],
    limit: options.limit ?? 500,
  });
  const tally = emptyTally();
  if (due.length === 0) return tally;
  const reads = await readPass(deps, settings, due);
  await pool(due, options.concurrency ?? 4, async (n) =>
    add(tally, await dispatchNotification(deps, settings, n, reads)),
  );
  return tally;
}

/**
 * Fans out and sends the entries an action just queued, by id: the "right after the action" path. The caller
 * waits for it, so it does a bounded amount: an entry for many people (a notice to a whole community) and
 * anything past the budget are left to the scheduler's sweep.
 */
export async function dispatchEntries(
  deps: DispatchDeps & Pick<Deps, 'ids'>,
  settings: NotificationSettings,
  ids: string[],
  budget = 20,
): Promise<DispatchTally> {
  if (ids.length === 0) return emptyTally();
  // A change with few recipients wrote their notifications itself (outbox.ts): those waiting for a send.
  const direct = [...new Set(ids.filter(isNotificationId))].slice(0, budget);
  const outboxIds = ids.filter((id) => !isNotificationId(id));
  const tally = direct.length ? await dispatchWritten(deps, settings, direct) : emptyTally();
  if (outboxIds.length === 0) return tally;
  const found = new Map((await findByIds(deps.store, 'outbox', outboxIds)).map((e) => [e._id, e]));
  const picked: OutboxEntry[] = [];
  let left = budget - direct.length;
  for (const id of new Set(outboxIds)) {
    const entry = found.get(id);
    if (!entry || entry.state !== 'pending' || entry.userIds.length > left) continue;
    picked.push(entry);
    left -= entry.userIds.length;
  }
  const fanned = await sendEntries(deps, settings, picked);
  for (const step of Object.keys(tally) as DispatchStep[]) tally[step] += fanned[step];
  return tally;
}

/** Sends the pending ones among notifications a change wrote: one query for them, then as dispatchDue does. */
async function dispatchWritten(
  deps: DispatchDeps,
  settings: NotificationSettings,
  ids: string[],
): Promise<DispatchTally> {
  const tally = emptyTally();
  const pending = (await findByIds(deps.store, 'notifications', ids)).filter(
    (n) => n.delivery.state === 'pending',
  );
  if (pending.length === 0) return tally;
  const reads = await readPass(deps, settings, pending);
  await pool(pending, 4, async (n) => add(tally, await dispatchNotification(deps, settings, n, reads)));
  return tally;
}

/**
 * Claims left in 'sending' past the stuck limit: the process died between claim and record. WeChat may have
 * taken the message, so it is recorded as unknown — never resent.
 */
export async function recoverStuck(
  deps: Pick<Deps, 'store' | 'clock'>,
  settings: NotificationSettings,
  limit = 500,
): Promise<number> {
  const clock = deps.clock.now();
  const now = toIso(clock);
  const before = toIso(new Date(clock.getTime() - settings.retry.stuckAfterMs));
  const stuck = await deps.store.find('notifications', {
    where: { 'delivery.state': 'sending', 'delivery.claimedAt': { lt: before } },
    orderBy: [['delivery.claimedAt', 'asc']],
    limit,
  });
  let recovered = 0;
  for (const n of stuck) {
    const delivery = finished(n.delivery, 'failed', 'outcomeUnknown', now, {
      lastError: '发送中断（进程在发送期间退出），结果未知，不再重发',
    });
    if (await move(deps.store, n, delivery)) recovered += 1;
  }
  return recovered;
}
