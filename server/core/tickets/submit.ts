/**
 * A resident reports a problem (随手拍): validate → idempotency → rate limit → content and photos → route →
 * one transaction writing the ticket, its first event and the notifications. A retry with the same client
 * request id returns the same ticket; a refused submission writes nothing.
 */
import { truncateText } from '../notifications/wechat-fields';
import type { TicketActions, TicketDetail } from '../../../typings/ticket';
import { AppError, isAppError } from '../errors';
import { applyFigureDeltas } from '../figures/apply';
import { figureDeltas } from '../figures/deltas';
import { queueNotification } from '../notifications/outbox';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { RouteDecision } from '../routing/decision';
import { route } from '../routing/route';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { relationsOf } from './access';
import { eventId } from './change';
import { requirePhotos, screenText, submittedTexts } from './checks';
import { hoursAfter, nextEscalationAt } from './deadlines';
import type { PersonSnapshot, Ticket, TicketEvent } from './model';
import { audienceOf, toDutyDesk, toHandlers, toResidents } from './notify';
import { dutyDeskOf } from './leaders';
import { openTicketCounts } from './open-counts';
import { snapshotOf } from './people';
import { homeCommunityOf, resolvePlace, routeRequestFor } from './place';
import { deadlineRowFor, loadTicketPolicy, type TicketPolicy } from './policy';
import { ticketIdFor } from './ticket-id';
import { detailOf } from './views';

type SubmitInput = TicketActions['submit']['req'];

const HOUR_MS = 3_600_000;

export async function submitTicket(deps: Deps, caller: Caller, input: SubmitInput): Promise<TicketDetail> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const ticketId = ticketIdFor(user._id, input.clientRequestId);
  const existing = await store.get('tickets', ticketId);
  if (existing) return replyWith(deps, existing, user);

  const place = await resolvePlace(store, user, input.place);
  const homeCommunityId = await homeCommunityOf(store, user);
  const policy = await loadTicketPolicy(store, place.communityId ?? homeCommunityId);
  const now = deps.clock.now();
  await requireUnderRateLimit(deps, user, policy, now);
  const { held, unchecked } = await screenText(deps, caller, submittedTexts(input));
  await requirePhotos(deps, input.photos);

  const decision = await route(
    { store, routingIndexes: deps.routingIndexes, openTicketCounts: openTicketCounts(store) },
    routeRequestFor(input.category, input.place, place, place.communityId ?? homeCommunityId),
  );
  const communityId = decision.communityId ?? place.communityId ?? homeCommunityId;
  if (!communityId) throw new AppError('TICKET.PLACE_INVALID');
  const assignee = await assigneeSnapshot(deps, decision);
  // Nobody to give it to: the duty desk hears of it at once, so the queue is never left unread.
  const dutyDesk = assignee ? [] : await dutyDeskOf(store, communityId);

  const at = toIso(now);
  const deadlines = deadlineRowFor(policy, input.category, decision.urgent);
  const draft: Ticket = {
    _id: ticketId,
    clientRequestId: input.clientRequestId,
    reporterUserId: user._id,
    reporterName: user.name,
    followerUserIds: [],
    category: input.category,
    urgent: decision.urgent,
    status: assignee ? 'assigned' : 'submitted',
    open: true,
    description: input.description.trim(),
    contentHeld: held,
    ...(unchecked ? { contentUnchecked: true } : {}),
    photos: input.photos,
    place: input.place,
    placeText: place.placeText,
    location: place.location,
    buildingId: place.buildingId,
    communityId,
    gridId: decision.gridId,
    microGridId: decision.microGridId,
    assignee,
    assigneeUserId: assignee?.userId ?? null,
    routingRule: decision.rule,
    routingReason: decision.reason,
    returnedByUserIds: [],
    coHandlers: [],
    rating: null,
    mergedIntoTicketId: null,
    signForBy: hoursAfter(now, deadlines.signForHours),
    resolveBy: hoursAfter(now, deadlines.resolveHours),
    escalateAt: null,
    escalationLevel: 0,
    escalatedAt: null,
    autoCloseAt: null,
    deadlines,
    autoCloseDays: policy.autoCloseDays,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const ticket: Ticket = { ...draft, escalateAt: nextEscalationAt(draft) };
  const event: TicketEvent = {
    _id: eventId(ticketId, 1),
    ticketId,
    seq: 1,
    type: 'submitted',
    at,
    actor: snapshotOf(user, 'resident'),
    note: assignee ? `已分派给${assignee.roleLabel} ${assignee.name}` : '已转社区值班台，等待分派',
    noteHeld: held,
    photos: input.photos,
  };

  try {
    await store.transaction(async (tx) => {
      await tx.insert('tickets', ticket);
      await tx.insert('ticketEvents', event);
      await applyFigureDeltas(tx, figureDeltas(null, ticket), at);
      if (!assignee) {
        await queueNotification(tx, deps.ids, now, toDutyDesk(ticket, dutyDesk, decision.reason));
        return;
      }
      await queueNotification(
        tx,
        deps.ids,
        now,
        toResidents(ticket, 'ticketAssigned', {
          title: '工单已受理',
          body: `您反映的问题已分派给${assignee.roleLabel} ${assignee.name}处理`,
          status: '已受理',
          person: assignee.name,
        }),
      );
      await queueNotification(
        tx,
        deps.ids,
        now,
        toHandlers(
          ticket,
          [assignee.userId, ...decision.alsoNotifyUserIds],
          'ticketAssigned',
          {
            title: ticket.urgent ? '紧急工单待签收' : '新工单待签收',
            body: `${ticket.placeText}：${truncateText(ticket.description, 40)}`,
            status: '待签收',
            note: decision.reason,
          },
          audienceOf(assignee.role),
        ),
      );
    });
  } catch (error) {
    // The same request at the same moment: the other call created it; answer with that ticket.
    if (isAppError(error) && error.code === 'STORE.DUPLICATE') {
      const winner = await store.get('tickets', ticketId);
      if (winner) return replyWith(deps, winner, user);
    }
    throw error;
  }
  return replyWith(deps, ticket, user);
}

async function replyWith(deps: Deps, ticket: Ticket, user: User): Promise<TicketDetail> {
  return detailOf(deps.store, ticket, user, relationsOf(user, ticket), deps.clock.now());
}

/** At most `submitsPerHour` tickets per user in any rolling hour. */
async function requireUnderRateLimit(deps: Deps, user: User, policy: TicketPolicy, now: Date): Promise<void> {
  const since = toIso(new Date(now.getTime() - HOUR_MS));
  const recent = await deps.store.count('tickets', { reporterUserId: user._id, createdAt: { gt: since } });
  if (recent >= policy.submitsPerHour) {
    throw new AppError('RATE.LIMITED', {
      message: `每小时最多提交 ${policy.submitsPerHour} 条工单，请稍后再试`,
      details: { limit: policy.submitsPerHour, windowMinutes: 60 },
    });
  }
}

/** The routed assignee as the timeline shows them: name and the role they were routed in. */
async function assigneeSnapshot(deps: Deps, decision: RouteDecision): Promise<PersonSnapshot | null> {
  if (!decision.assigneeUserId) return null;
  const user = await deps.store.get('users', decision.assigneeUserId);
  if (!user) return null;
  const role =
    decision.assignedBy === 'secretary'
      ? 'secretary'
      : decision.assignedBy === 'leader'
        ? 'leader'
        : 'worker';
  return snapshotOf(user, role);
}
