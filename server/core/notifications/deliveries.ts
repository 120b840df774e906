/** Deliveries staff must be able to see: nothing is silently dropped, so what did not go out is listed. */
import type { DeliveryView } from '../../../typings/message';
import type { Store } from '../ports/store';
import type { User } from '../users/model';
import { requireCommunityStaff } from '../users/permissions';
import type { DeliveryState } from './model';

/** Failed and in-app-only deliveries of the staff member's community, newest first, with the reason. */
export async function listDeliveries(
  store: Store,
  actor: User,
  input: { communityId: string; states?: DeliveryState[]; limit?: number },
): Promise<DeliveryView[]> {
  requireCommunityStaff(actor, input.communityId);
  const states = input.states?.length ? input.states : ['failed', 'inAppOnly'];
  const rows = await store.find('notifications', {
    where: { communityId: input.communityId, 'delivery.state': { in: states } },
    orderBy: [['createdAt', 'desc']],
    limit: input.limit ?? 50,
  });
  const names = new Map<string, string>();
  for (const userId of new Set(rows.map((n) => n.userId)))
    names.set(userId, (await store.get('users', userId))?.name ?? '（已删除的用户）');
  return rows.map((n) => ({
    messageId: n._id,
    kind: n.kind,
    title: n.title,
    ticketId: n.ticketId,
    noticeId: n.noticeId,
    recipient: { userId: n.userId, name: names.get(n.userId) ?? '' },
    state: n.delivery.state,
    reason: n.delivery.reason,
    errorCode: n.delivery.errorCode,
    lastError: n.delivery.lastError,
    attempts: n.delivery.attempts,
    createdAt: n.createdAt,
    finishedAt: n.delivery.finishedAt,
  }));
}
