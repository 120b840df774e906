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
import type { NewNotification } from '../notifications/model';
import { queueNotifications, readDecided } from '../notifications/outbox';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { memoReads } from '../store/read-memo';
import type { RouteDecision } from '../routing/decision';
import { route } from '../routing/route';
import { routingDepsOf } from '../routing/routing-deps';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { relationsOf } from './access';
import { eventId } from './change';
import { requirePhotos, screenText, submittedTexts } from './checks';
import { loadWorkCalendar } from '../calendar/load';
import { nextEscalationAt, resolveDeadline, signForDeadline } from './deadlines';
import type { PersonSnapshot, Ticket, TicketEvent } from './model';
import { audienceOf, toDutyDesk, toHandlers, toResidents } from './notify';
import { dutyDeskOf } from './leaders';
import { cellOf } from './nearby-cells';
import { snapshotOf } from './people';
import { homeCommunityOf, resolvePlace, routeRequestFor } from './place';
import { deadlineRowFor, loadTicketPolicy } from './policy';
import { countSubmission } from './rate-limit';
import { ticketIdFor } from './ticket-id';
import { detailOf, timelineOf } from './views';
import { reporterContactAt } from '../contacts/ticket-contacts';

type SubmitInput = TicketActions['submit']['req'];

export async function submitTicket(deps: Deps, caller: Caller, input: SubmitInput): Promise<TicketDetail> {
  // One action, one memory of what it read: the household and the building are asked for once. Under it the
  // instance's warm memory of the map, its roster and policies, valid while the grid-map version stands.
  const store = memoReads(deps.routingIndexes.mapReads.view(deps.store));
  const user = await loadActor(store, caller);
  const ticketId = ticketIdFor(user._id, input.clientRequestId);
  // No read of the ticket id first: a retry meets its ticket in the transaction's insert (STORE.DUPLICATE).

  const place = await resolvePlace(store, user, input.place);
  const homeCommunityId = place.communityId ?? (await homeCommunityOf(store, user));
  const now = deps.clock.now();
  // Independent of each other: asked for together, so the reply waits for the slowest, not for their sum.
  const [policy, { held, unchecked }, , decision] = await Promise.all([
    loadTicketPolicy(store, homeCommunityId),
    screenText(deps, caller, submittedTexts(input)),
    requirePhotos(deps, input.photos),
    route(
      routingDepsOf({ ...deps, store }),
      routeRequestFor(input.category, input.place, place, homeCommunityId),
    ),
  ]);
  const communityId = decision.communityId ?? homeCommunityId;
  if (!communityId) throw new AppError('TICKET.PLACE_INVALID');
  const assignee = await assigneeSnapshot(store, decision);
  // Nobody to give it to: the duty desk hears of it at once, so the queue is never left unread.
  const dutyDesk = assignee ? [] : await dutyDeskOf(store, communityId);

  const at = toIso(now);
  const deadlines = deadlineRowFor(policy, input.category, decision.urgent);
  const calendar = await loadWorkCalendar(store, communityId);
  const draft: Ticket = {
    _id: ticketId,
    clientRequestId: input.clientRequestId,
    reporterUserId: user._id,
    reporterName: user.name,
    // From the household and building resolvePlace read: no request of its own.
    reporterContact: await reporterContactAt(store, { place: input.place, placeText: place.placeText }, user),
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
    estateId: place.estateId,
    cell: cellOf(place.location),
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
    signForBy: signForDeadline(now, deadlines, calendar),
    resolveBy: resolveDeadline(now, deadlines, calendar),
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

  const notifications: NewNotification[] = assignee
    ? [
        toResidents(ticket, 'ticketAssigned', {
          // It waits for the handler's 签收: the words say so, not "受理" (issue 13).
          title: `工单已提交，等待${assignee.roleLabel}签收`,
          body: `已分派给${assignee.roleLabel} ${assignee.name}，签收后开始办理，进展会通知您`,
          person: assignee.name,
        }),
        toHandlers(
          ticket,
          [assignee.userId, ...decision.alsoNotifyUserIds],
          'ticketAssigned',
          {
            title: ticket.urgent ? '紧急工单待签收' : '新工单待签收',
            body: `${ticket.placeText}：${truncateText(ticket.description, 40)}`,
            note: decision.reason,
          },
          audienceOf(assignee.role),
        ),
      ]
    : [toDutyDesk(ticket, dutyDesk, decision.reason)];
  // The recipients' grants, so that the transaction writes their notifications decided (outbox.ts).
  const decided = await readDecided(deps, notifications);

  try {
    await store.transaction(async (tx) => {
      // The ticket first: a retry of an accepted report finds it here, even with the hour's limit reached.
      await tx.insert('tickets', ticket);
      await countSubmission(tx, user._id, policy.submitsPerHour, now);
      await tx.insert('ticketEvents', event);
      await applyFigureDeltas(tx, figureDeltas(null, ticket), at);
      await queueNotifications(tx, deps.ids, now, notifications, decided);
    });
  } catch (error) {
    // The same request at the same moment: the other call created it; answer with that ticket.
    if (isAppError(error) && error.code === 'STORE.DUPLICATE') {
      const winner = await store.get('tickets', ticketId);
      if (winner) return replyWith({ ...deps, store }, winner, user, null);
    }
    throw error;
  }
  // The new ticket's timeline is the one event just written: no query.
  return replyWith({ ...deps, store }, ticket, user, [event]);
}

/** `deps.store` is the action's (its read memory over the warm map): the reply's contacts read from it too. */
async function replyWith(
  deps: Deps,
  ticket: Ticket,
  user: User,
  written: TicketEvent[] | null,
): Promise<TicketDetail> {
  const events = await timelineOf(deps.store, deps.ticketMemory, ticket, written);
  return detailOf(deps.store, ticket, user, relationsOf(user, ticket), deps.clock.now(), events);
}

/** The routed assignee as the timeline shows them: name and the role they were routed in. */
async function assigneeSnapshot(store: Store, decision: RouteDecision): Promise<PersonSnapshot | null> {
  if (!decision.assigneeUserId) return null;
  const user = await store.get('users', decision.assigneeUserId);
  if (!user) return null;
  const role =
    decision.assignedBy === 'secretary'
      ? 'secretary'
      : decision.assignedBy === 'leader'
        ? 'leader'
        : 'worker';
  return snapshotOf(user, role);
}
