/** Open tickets per assignee, for routing's "the worker with the fewest open tickets" (DESIGN §3). */
import type { Store } from '../ports/store';
import type { OpenTicketCounts } from '../routing/assign';

/** Tickets on someone's desk: routed to them and not yet resolved. */
export const ON_DESK = ['assigned', 'accepted', 'processing'] as const;

/** Counts each user's open tickets from the tickets collection. */
export function openTicketCounts(store: Store): OpenTicketCounts {
  return async (userIds) => {
    const counts = await Promise.all(
      userIds.map((userId) =>
        store.count('tickets', { assigneeUserId: userId, status: { in: [...ON_DESK] } }),
      ),
    );
    return new Map(userIds.map((userId, i) => [userId, counts[i] ?? 0]));
  };
}
