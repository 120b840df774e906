import type { Store } from '../ports/store';

/** Deliveries still open: recipients of outbox entries not yet fanned out, and notifications pending or sending. */
export async function pendingNotifications(store: Store): Promise<number> {
  const entries = await store.find('outbox', { where: { state: 'pending' }, limit: 1000 });
  const queued = entries.reduce((sum, entry) => sum + entry.userIds.length, 0);
  return queued + (await store.count('notifications', { 'delivery.state': { in: ['pending', 'sending'] } }));
}
