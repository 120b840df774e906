/**
 * Responses built from a whitelist of fields: no openid, no phone, no room number, held text masked. Someone
 * else's ticket (a follower's, a nearby offer) reaches a resident with phone and room numbers in its free
 * text masked (mask-personal.ts); its reporter and its handlers read it whole.
 */
import type { LetterSummary, TicketDetail, TicketEventView, TicketSummary } from '../../../typings/ticket';
import type { Store } from '../ports/store';
import type { User } from '../users/model';
import { isHandler, type Relation } from './access';
import { categoryLabel } from './categories';
import { isOverdue, runningDeadline } from './deadlines';
import type { Ticket, TicketEvent } from './model';
import { limitText } from '../calendar/working-time';
import { maskPersonalText } from './mask-personal';
import { contactsOf } from '../contacts/ticket-contacts';
import { personView, snapshotOf } from './people';
import type { TicketMemory } from './ticket-memory';
import { allowedActions, FINISHED } from './transitions';

export const HELD_TEXT = '（内容审核中）';

/** 'full' for the reporter and the handlers; 'masked' for everyone else (the default: safe unless said). */
export type TextView = 'full' | 'masked';

/** The card of a list: category, place, state, the running deadline. */
export function summaryOf(ticket: Ticket, now: Date, view: TextView = 'masked'): TicketSummary {
  const deadline = runningDeadline(ticket);
  const placeText = view === 'full' ? ticket.placeText : maskPersonalText(ticket.placeText);
  return {
    ticketId: ticket._id,
    category: ticket.category,
    status: ticket.status,
    urgent: ticket.urgent,
    title: `${categoryLabel(ticket.category)} · ${placeText}`,
    placeText,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    deadlineAt: deadline?.at ?? null,
    deadlineKind: deadline?.kind ?? null,
    overdue: isOverdue(ticket, now),
    escalationLevel: ticket.escalationLevel,
    followers: ticket.followerUserIds.length,
  };
}

/** How much of a letter its card shows: about two lines of a phone. */
export const LETTER_EXCERPT = 40;

/** A 书记信箱 letter for the secretary's lists: the summary and the letter's first words. */
export function letterSummaryOf(ticket: Ticket, now: Date): LetterSummary {
  const words = ticket.description.replace(/\s+/g, ' ').trim();
  const excerpt = words.length > LETTER_EXCERPT ? `${words.slice(0, LETTER_EXCERPT)}…` : words;
  return { ...summaryOf(ticket, now, 'full'), excerpt };
}

/**
 * The ticket's events, oldest first: `known` (what the action just wrote, on what it knew), else the
 * instance's memory, else a query; the ticket and its timeline are remembered either way.
 */
export async function timelineOf(
  store: Store,
  memory: TicketMemory | undefined,
  ticket: Ticket,
  known: TicketEvent[] | null = null,
): Promise<TicketEvent[]> {
  const events =
    known ??
    memory?.eventsOf(ticket) ??
    (await store.find('ticketEvents', { where: { ticketId: ticket._id }, orderBy: [['seq', 'asc']] }));
  memory?.remember(ticket, events);
  return events;
}

/** The whole ticket with its timeline (queried unless given), as this viewer may see it. */
export async function detailOf(
  store: Store,
  ticket: Ticket,
  viewer: User,
  relations: ReadonlySet<Relation>,
  now: Date,
  timeline?: TicketEvent[],
): Promise<TicketDetail> {
  const events = timeline ?? (await timelineOf(store, undefined, ticket));
  const handler = isHandler(relations);
  const isReporter = relations.has('reporter');
  const seesHeld = handler || isReporter;
  const view: TextView = seesHeld ? 'full' : 'masked';
  const text = (value: string) => (view === 'full' ? value : maskPersonalText(value));
  return {
    ...summaryOf(ticket, now, view),
    description: ticket.contentHeld && !seesHeld ? HELD_TEXT : text(ticket.description),
    photos: ticket.contentHeld && !seesHeld ? [] : ticket.photos,
    contentHeld: ticket.contentHeld,
    location: ticket.location,
    reporter:
      handler || isReporter
        ? personView(
            snapshotOf({ _id: ticket.reporterUserId, name: ticket.reporterName }, 'resident'),
            viewer._id,
            true,
          )
        : null,
    autoCloseAt: ticket.autoCloseAt,
    mergedIntoTicketId: ticket.mergedIntoTicketId,
    communityId: ticket.communityId,
    gridId: ticket.gridId,
    microGridId: ticket.microGridId,
    assignee: ticket.assignee ? personView(ticket.assignee, viewer._id, handler) : null,
    routingReason: ticket.routingReason,
    coHandlers: ticket.coHandlers.map((c) => ({
      name: c.name,
      request: c.held && !handler ? HELD_TEXT : text(c.request),
      at: c.at,
    })),
    rating: ticket.rating
      ? {
          stars: ticket.rating.stars,
          comment: ticket.rating.held && !seesHeld ? HELD_TEXT : text(ticket.rating.comment),
        }
      : null,
    events: events.map((e) => eventView(e, viewer, handler, text)),
    version: ticket.version,
    allowedActions: allowedActions(ticket, relations),
    following: relations.has('follower') && !isReporter,
    ...extensionFields(ticket, viewer, handler),
    ...(await contactsOf(store, ticket, relations)),
  };
}

/** Expected completion for everyone who reads the ticket; the pending extension request for handlers only. */
function extensionFields(
  ticket: Ticket,
  viewer: User,
  handler: boolean,
): Pick<TicketDetail, 'expectedBy' | 'extensionRequest' | 'extensions'> {
  const request = ticket.extensionRequest;
  return {
    expectedBy: FINISHED.includes(ticket.status) || ticket.status === 'resolved' ? null : ticket.resolveBy,
    extensionRequest:
      request && handler
        ? {
            reason: request.reason,
            limit: request.limit,
            limitText: limitText(request.limit),
            by: personView(request.by, viewer._id, handler),
            at: request.at,
          }
        : null,
    extensions: ticket.extensions ?? 0,
  };
}

function eventView(
  event: TicketEvent,
  viewer: User,
  viewerIsHandler: boolean,
  text: (value: string) => string,
): TicketEventView {
  const held = event.noteHeld && !viewerIsHandler && event.actor?.userId !== viewer._id;
  const view: TicketEventView = {
    eventId: event._id,
    type: event.type,
    at: event.at,
    actor: event.actor ? personView(event.actor, viewer._id, viewerIsHandler) : null,
    note: held ? HELD_TEXT : event.note === null ? null : text(event.note),
    photos: held ? [] : event.photos,
  };
  if (event.party)
    view.party = { name: event.party.name, request: held ? HELD_TEXT : text(event.party.request) };
  return view;
}
