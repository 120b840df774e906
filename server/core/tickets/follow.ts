/**
 * 关注: "同一个问题？关注它" — the caller joins the ticket's followers and hears every update its reporter
 * hears. Only with a reason (follow-eligibility.ts): the nearby offer would show it to them. Following twice,
 * or one's own ticket, changes nothing. Without a reason the ticket does not exist for them.
 */
import type { TicketActions, TicketDetail } from '../../../typings/ticket';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { loadActor } from '../users/actor';
import { canRead, relationsOf } from './access';
import { writeChange } from './change';
import { hasFollowReason } from './follow-eligibility';
import { resolvePlace } from './place';
import { snapshotOf } from './people';
import { authorize } from './transitions';
import { detailOf } from './views';

export async function followTicket(
  deps: Deps,
  caller: Caller,
  input: TicketActions['follow']['req'],
): Promise<TicketDetail> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const ticket = await store.get('tickets', input.ticketId);
  const relations = ticket ? relationsOf(user, ticket) : null;
  if (!ticket || !relations || (!canRead(relations) && !relations.has('neighbour')))
    throw new AppError('TICKET.NOT_FOUND');
  const now = deps.clock.now();
  if (relations.has('reporter') || relations.has('follower'))
    return detailOf(store, ticket, user, relations, now);
  authorize('follow', ticket, relations);
  const from = input.from ? await resolvePlace(store, user, input.from) : null;
  const origin = from ? { point: from.location, buildingId: from.buildingId } : null;
  if (!(await hasFollowReason(store, user, ticket, origin))) {
    // Someone who may read it (a handler) is told why; for anyone else it does not exist.
    throw new AppError(canRead(relations) ? 'AUTH.FORBIDDEN' : 'TICKET.NOT_FOUND');
  }

  const next = await store.transaction(async (tx) => {
    const current = await tx.get('tickets', input.ticketId);
    if (!current) throw new AppError('TICKET.NOT_FOUND');
    const rel = relationsOf(user, current);
    if (rel.has('reporter') || rel.has('follower')) return current;
    authorize('follow', current, rel);
    return writeChange(tx, deps, now, current, 'follow', snapshotOf(user, 'resident'), {
      patch: { followerUserIds: [...current.followerUserIds, user._id] },
    });
  });
  return detailOf(store, next, user, relationsOf(user, next), now);
}
