/**
 * What a ticket's changes tell whom, as outbox entries (written in the change's transaction). Residents —
 * the reporter and followers — open the resident detail page; workers and leaders the worker subpackage's
 * page; the secretary and staff the staff subpackage's page.
 */
import type { Role } from '../../../typings/user';
import type { NewNotification, NotificationKind } from '../notifications/model';
import { categoryLabel } from './categories';
import type { Ticket } from './model';
import { momentWords, ticketStatusWords, type StatusWord } from '../notifications/status-words';

/** Mini-program pages a notification opens (no leading slash, as subscribeMessage.send wants). */
export const ticketPages = {
  resident: (ticketId: string) => `pages/ticket-detail/index?id=${ticketId}`,
  worker: (ticketId: string) => `packages/worker/pages/ticket/index?id=${ticketId}`,
  // Staff and the secretary act on a ticket from the handler page, as the duty queue and letters pages do.
  staff: (ticketId: string) => `packages/worker/pages/ticket/index?id=${ticketId}`,
  // A ticket waiting in the duty queue 值班台 is routed by hand from the queue page.
  dutyDesk: (ticketId: string) => `packages/staff/pages/duty-queue/index?ticketId=${ticketId}`,
};

export type Audience = keyof typeof ticketPages;

/** The reporter and every follower. */
export function residentsOf(ticket: Ticket): string[] {
  return [ticket.reporterUserId, ...ticket.followerUserIds];
}

/**
 * What a notification says. `status` defaults to the word for the ticket's new state (the word its page
 * shows); a moment that is no state of its own (督办, 延期, 合并) names its word from momentWords.
 */
export interface NoticeText {
  title: string;
  body: string;
  status?: StatusWord;
  note?: string;
  person?: string;
}

/** A notification about the ticket, with the facts a subscribe message is written from. */
export function ticketNotice(
  ticket: Ticket,
  audience: Audience,
  userIds: string[],
  kind: NotificationKind,
  text: NoticeText,
): NewNotification {
  return {
    userIds,
    kind,
    title: text.title,
    body: text.body,
    page: ticketPages[audience](ticket._id),
    ticketId: ticket._id,
    communityId: ticket.communityId,
    facts: {
      subject: `${categoryLabel(ticket.category)} · ${ticket.placeText}`,
      status: text.status ?? ticketStatusWords[ticket.status],
      note: text.note,
      place: ticket.placeText,
      person: text.person,
      ticketNo: ticket._id,
    },
  };
}

/** To the reporter and followers. */
export function toResidents(
  ticket: Ticket,
  kind: NotificationKind,
  text: NoticeText,
  except: string[] = [],
): NewNotification {
  const userIds = residentsOf(ticket).filter((id) => !except.includes(id));
  return ticketNotice(ticket, 'resident', userIds, kind, text);
}

/** To the reporter alone: what only the reporter can answer (请确认). */
export function toReporter(ticket: Ticket, kind: NotificationKind, text: NoticeText): NewNotification {
  return ticketNotice(ticket, 'resident', [ticket.reporterUserId], kind, text);
}

/** To the followers alone, or nothing when there are none. */
export function toFollowers(ticket: Ticket, kind: NotificationKind, text: NoticeText): NewNotification[] {
  return ticket.followerUserIds.length
    ? [ticketNotice(ticket, 'resident', ticket.followerUserIds, kind, text)]
    : [];
}

/** To the user who now has the ticket on their desk (and others told at once, e.g. the leader for gas). */
export function toHandlers(
  ticket: Ticket,
  userIds: Array<string | null | undefined>,
  kind: NotificationKind,
  text: NoticeText,
  audience: Audience = 'worker',
): NewNotification {
  const ids = userIds.filter((id): id is string => !!id);
  return ticketNotice(ticket, audience, ids, kind, text);
}

/** Which page a handler opens: staff and the secretary have their own subpackage. */
export function audienceOf(role: Role): Audience {
  return role === 'secretary' || role === 'staff' ? 'staff' : 'worker';
}

/** To the community's duty desk (staff and secretary): a ticket waits in the 值班台 for a person to route it. */
export function toDutyDesk(ticket: Ticket, userIds: string[], why: string): NewNotification {
  return ticketNotice(ticket, 'dutyDesk', userIds, 'ticketAssigned', {
    title: '值班台有新工单待分派',
    body: `${ticket.placeText}：${why}`,
    status: momentWords.awaitingDispatch,
    note: why,
  });
}
