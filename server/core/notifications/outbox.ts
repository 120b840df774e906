import type { Ids } from '../ports/ids';
import type { Tx } from '../ports/store';
import { toIso } from '../time/shanghai';
import type { NewNotification, OutboxEntry } from './model';

/** Writes the notification into the outbox inside the caller's transaction: the change and it land together. */
export async function queueNotification(
  tx: Tx,
  ids: Ids,
  now: Date,
  notification: NewNotification,
): Promise<OutboxEntry | null> {
  const userIds = [...new Set(notification.userIds)];
  if (userIds.length === 0) return null;
  const entry: OutboxEntry = {
    ...notification,
    userIds,
    _id: ids.next('outbox'),
    createdAt: toIso(now),
    state: 'pending',
  };
  await tx.insert('outbox', entry);
  return entry;
}
