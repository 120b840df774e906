/**
 * Staff moderation: reject a ticket as spam 驳回, or merge it as a duplicate into another ticket 合并, whose
 * followers it then joins: the duplicate's reporter and followers hear every later update of the original.
 */
import { truncateText } from '../notifications/wechat-fields';
import type { TicketActions, TicketDetail } from '../../../typings/ticket';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { loadActor } from '../users/actor';
import { relationsOf, requireReadable } from './access';
import { act, actingPerson, writeChange } from './change';
import { screenText } from './checks';
import { toResidents } from './notify';
import { authorize, FINISHED } from './transitions';
import { detailOf } from './views';
import { momentWords } from '../notifications/status-words';
import { categoryLabel } from './categories';
import type { Ticket } from './model';
import { maskPersonalText } from './mask-personal';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

/** 驳回 with a reason the reporter reads. */
export function rejectTicket(deps: Deps, caller: Caller, input: Req<'reject'>): Promise<TicketDetail> {
  return act(deps, caller, input, 'reject', async () => {
    const { held } = await screenText(deps, caller, [input.reason]);
    const reason = input.reason.trim();
    return () => ({
      patch: { assigneeUserId: null },
      note: reason,
      noteHeld: held,
      notify: (next) => [
        toResidents(next, 'ticketRejected', {
          title: '工单未受理',
          body: truncateText(reason, 60),
          note: reason,
        }),
      ],
    });
  });
}

/**
 * 合并: the duplicate ends as rejected with a link to the original; its reporter and followers follow the
 * original. One transaction over both tickets (5 writes: two tickets, two events, one notification).
 */
export async function mergeTicket(deps: Deps, caller: Caller, input: Req<'merge'>): Promise<TicketDetail> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const duplicate = await store.get('tickets', input.ticketId);
  const relations = requireReadable(user, duplicate);
  if (duplicate!.version !== input.version) throw new AppError('TICKET.STALE_VERSION');
  authorize('merge', duplicate!, relations);
  const now = deps.clock.now();

  const merged = await store.transaction(async (tx) => {
    const dup = await tx.get('tickets', input.ticketId);
    if (!dup) throw new AppError('TICKET.NOT_FOUND');
    if (dup.version !== input.version) throw new AppError('TICKET.STALE_VERSION');
    const rel = relationsOf(user, dup);
    authorize('merge', dup, rel);
    const target = await tx.get('tickets', input.intoTicketId);
    if (
      !target ||
      target._id === dup._id ||
      target.communityId !== dup.communityId ||
      FINISHED.includes(target.status)
    )
      throw new AppError('TICKET.MERGE_INVALID');

    const movers = [dup.reporterUserId, ...dup.followerUserIds].filter(
      (id) => id !== target.reporterUserId && !target.followerUserIds.includes(id),
    );
    const actor = actingPerson('merge', user, dup, rel);
    const next = await writeChange(tx, deps, now, dup, 'merge', actor, {
      patch: { mergedIntoTicketId: target._id, assigneeUserId: null },
      // People read the other ticket by what and where, never by its id; the page links to it.
      note: `与「${plainTitle(target)}」为同一问题，已合并，请在该工单查看进展`,
      notify: (done) => [
        toResidents(done, 'ticketRejected', {
          title: '工单已合并',
          body: '您反映的问题已有工单在办理，您将收到该工单的进展',
          status: momentWords.merged,
        }),
      ],
    });
    await writeChange(tx, deps, now, target, 'follow', actor, {
      patch: { followerUserIds: [...target.followerUserIds, ...movers] },
      eventType: 'merged',
      note: `合并了同一问题的另一张工单「${plainTitle(dup)}」，${movers.length} 位居民改为关注本工单`,
    });
    return next;
  });
  return detailOf(store, merged, user, relationsOf(user, merged), now);
}

/** 下水井堵塞 · 文明村小区3号楼, with phone and room numbers masked: the other ticket's reporter may read it. */
function plainTitle(ticket: Ticket): string {
  return `${categoryLabel(ticket.category)} · ${maskPersonalText(ticket.placeText)}`;
}
