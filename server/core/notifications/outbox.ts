import type { Deps } from '../ports';
import type { Ids } from '../ports/ids';
import type { Tx } from '../ports/store';
import { toIso } from '../time/shanghai';
import { notificationFor } from './fan-out';
import type { NewNotification, Notification, OutboxEntry } from './model';
import { decidedDelivery, readPass, type PassReads } from './pass-reads';
import { finished } from './send-step';
import type { NotificationSettings } from './templates';

/**
 * Recipients up to which a change writes their notifications itself, in its transaction, instead of an
 * outbox entry to fan out later: a ticket's reporter and handler, not a notice's thousand subscribers.
 */
export const DIRECT_MAX = 4;

/**
 * What the change's caller read before its transaction (the recipients' grants, pass-reads.ts): with it, a
 * notification is written already decided — finished in-app when there is no grant, pending for the send
 * right after the action when there is one — and nothing is left to fan out.
 */
export interface Decided {
  reads: PassReads;
  settings: NotificationSettings;
}

/**
 * Writes the notification inside the caller's transaction: the change and it land together (transactional
 * outbox). Few recipients and their grants known: one notification document each, decided. Otherwise one
 * outbox entry that the dispatcher fans out.
 */
export async function queueNotification(
  tx: Tx,
  ids: Ids,
  now: Date,
  notification: NewNotification,
  decided?: Decided,
): Promise<OutboxEntry | null> {
  return (await queueNotifications(tx, ids, now, [notification], decided))[0] ?? null;
}

/**
 * Several notifications of one change, written as `queueNotification` writes each, with one insert per
 * collection (CloudBase's add([...]): one request for all the change's notifications). Returns the entries
 * of those with recipients, in order.
 */
export async function queueNotifications(
  tx: Tx,
  ids: Ids,
  now: Date,
  notifications: NewNotification[],
  decided?: Decided,
): Promise<OutboxEntry[]> {
  const entries: OutboxEntry[] = [];
  const outbox: OutboxEntry[] = [];
  const direct: Notification[] = [];
  for (const notification of notifications) {
    const userIds = [...new Set(notification.userIds)];
    if (userIds.length === 0) continue;
    const entry: OutboxEntry = {
      ...notification,
      userIds,
      _id: ids.next('outbox'),
      createdAt: toIso(now),
      state: 'pending',
    };
    if (!decided || userIds.length > DIRECT_MAX) {
      outbox.push(entry);
      entries.push(entry);
      continue;
    }
    // The entry is not stored: its id only groups the notifications (their ids derive from it).
    for (const userId of userIds) {
      const n = notificationFor(entry, userId);
      const state = decidedDelivery(decided.reads, decided.settings, n);
      if (state) n.delivery = finished(n.delivery, state.state, state.reason, entry.createdAt, state.extra);
      direct.push(n);
    }
    entries.push({ ...entry, state: 'fannedOut' });
  }
  if (outbox.length > 0) await tx.insertMany('outbox', outbox);
  if (direct.length > 0) await tx.insertMany('notifications', direct);
  return entries;
}

/** Reads what `queueNotification` needs to write these notifications decided: one query for their grants. */
export async function readDecided(
  deps: Pick<Deps, 'store' | 'notificationSettings'>,
  notifications: NewNotification[],
): Promise<Decided | undefined> {
  const small = notifications.filter((n) => new Set(n.userIds).size <= DIRECT_MAX);
  if (small.length === 0) return undefined;
  const recipients = small.flatMap((n) => n.userIds.map((userId) => ({ userId, kind: n.kind })));
  return {
    reads: await readPass(deps, deps.notificationSettings, recipients),
    settings: deps.notificationSettings,
  };
}
