import { isAppError } from '../errors';
import type { Store } from '../ports/store';
import type { Notification, OutboxEntry } from './model';

/** Derived from the entry and the user, so that fanning out twice (a crash, two dispatchers) makes one each. */
export function notificationId(outboxId: string, userId: string): string {
  return `ntf_${outboxId}_${userId}`;
}

/** Whether a notification still waits for its send (pending, or claimed and not yet recorded). */
export function awaitsSend(n: Pick<Notification, 'delivery'>): boolean {
  return n.delivery.state === 'pending' || n.delivery.state === 'sending';
}

/** Whether an id names a notification (derived above), not an outbox entry. */
export function isNotificationId(id: string): boolean {
  return id.startsWith('ntf_');
}

/** The in-app notification of one recipient, pending and due at once. */
export function notificationFor(entry: OutboxEntry, userId: string): Notification {
  return {
    _id: notificationId(entry._id, userId),
    userId,
    kind: entry.kind,
    title: entry.title,
    body: entry.body,
    page: entry.page,
    ticketId: entry.ticketId ?? null,
    noticeId: entry.noticeId ?? null,
    communityId: entry.communityId ?? null,
    outboxId: entry._id,
    facts: entry.facts ?? {},
    createdAt: entry.createdAt,
    readAt: null,
    delivery: {
      state: 'pending',
      attempts: 0,
      // Due at once: the dispatcher's query is "pending and due", so a first send needs a time too.
      nextAttemptAt: entry.createdAt,
      lastError: null,
      templateId: null,
      reason: null,
      errorCode: null,
      claimedAt: null,
      finishedAt: null,
    },
    version: 1,
  };
}

async function insertEach(store: Store, docs: Notification[]): Promise<void> {
  for (const doc of docs) {
    try {
      await store.insert('notifications', doc);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
    }
  }
}

/**
 * Turns one outbox entry into one in-app notification per user, then marks it fanned out. Safe to repeat:
 * a notification that exists already is kept as it is (it may be read or sent by now).
 */
export async function fanOut(store: Store, entry: OutboxEntry): Promise<string[]> {
  const docs = entry.userIds.map((userId) => notificationFor(entry, userId));
  if (entry.state === 'pending') {
    try {
      await store.insertMany('notifications', docs);
    } catch (error) {
      // Some exist already: an earlier fan-out stopped half-way, or another dispatcher is at it.
      if (!isAppError(error) || error.code !== 'STORE.DUPLICATE') throw error;
      await insertEach(store, docs);
    }
    await store.update('outbox', entry._id, { state: 'fannedOut' });
  }
  return docs.map((doc) => doc._id);
}

/** Fans out the oldest entries still pending: the scheduler's sweep for what an action left behind. */
export async function fanOutPending(
  store: Store,
  limit: number,
): Promise<{ entries: number; notifications: number }> {
  const entries = await store.find('outbox', {
    where: { state: 'pending' },
    orderBy: [['createdAt', 'asc']],
    limit,
  });
  let notifications = 0;
  for (const entry of entries) notifications += (await fanOut(store, entry)).length;
  return { entries: entries.length, notifications };
}
