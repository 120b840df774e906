/** Tickets' calls (工单): one function per action of the `ticket` cloud function, typed by the contract. */
import type { Id } from '../../typings/common';
import type {
  InboxTab,
  LetterSummary,
  MyTicketsScope,
  PersonView,
  TicketActions,
  TicketCategory,
  TicketDetail,
  TicketPlace,
  TicketSummary,
} from '../../typings/ticket';
import { ApiCallError, callApi } from './api';

export type SubmitRequest = TicketActions['submit']['req'];

export function submitTicket(req: SubmitRequest): Promise<TicketDetail> {
  return callApi('ticket', 'submit', req);
}

/** Open tickets of the same category near the place: "同一个问题？关注它". */
export function nearbyTickets(category: TicketCategory, place: TicketPlace): Promise<TicketSummary[]> {
  return callApi('ticket', 'nearby', { category, place });
}

/** `from`: the place the resident is reporting from (the nearby offer's), their reason to follow. */
export function followTicket(ticketId: Id, from?: TicketPlace): Promise<TicketDetail> {
  return callApi('ticket', 'follow', from ? { ticketId, from } : { ticketId });
}

export function myTickets(scope: MyTicketsScope): Promise<TicketSummary[]> {
  return callApi('ticket', 'mine', { scope });
}

export function getTicket(ticketId: Id): Promise<TicketDetail> {
  return callApi('ticket', 'get', { ticketId });
}

export function cancelTicket(ticketId: Id, version: number): Promise<TicketDetail> {
  return callApi('ticket', 'cancel', { ticketId, version });
}

export function confirmTicket(ticketId: Id, version: number): Promise<TicketDetail> {
  return callApi('ticket', 'confirm', { ticketId, version });
}

export function reopenTicket(ticketId: Id, version: number, reason: string): Promise<TicketDetail> {
  return callApi('ticket', 'reopen', { ticketId, version, reason });
}

export function rateTicket(ticketId: Id, stars: number, comment: string): Promise<TicketDetail> {
  return callApi('ticket', 'rate', { ticketId, stars, comment });
}

export function inbox(tab: InboxTab): Promise<TicketSummary[]> {
  return callApi('ticket', 'inbox', { tab });
}

/** 签收. */
export function acceptTicket(ticketId: Id, version: number): Promise<TicketDetail> {
  return callApi('ticket', 'accept', { ticketId, version });
}

export function recordProgress(
  ticketId: Id,
  version: number,
  note: string,
  photos: string[],
): Promise<TicketDetail> {
  return callApi('ticket', 'progress', { ticketId, version, note, photos });
}

/** A co-handling party 协办单位 (物业, 供水公司…) and what was asked of them. */
export function recordCoHandler(
  ticketId: Id,
  version: number,
  party: string,
  request: string,
): Promise<TicketDetail> {
  return callApi('ticket', 'coHandle', { ticketId, version, party, request });
}

/** 办结 with evidence. */
export function resolveTicket(
  ticketId: Id,
  version: number,
  note: string,
  photos: string[],
): Promise<TicketDetail> {
  return callApi('ticket', 'resolve', { ticketId, version, note, photos });
}

/** 退回: not this worker's grid. */
export function returnTicket(ticketId: Id, version: number, reason: string): Promise<TicketDetail> {
  return callApi('ticket', 'return', { ticketId, version, reason });
}

export function reassignTicket(
  ticketId: Id,
  version: number,
  assigneeUserId: Id,
  note?: string,
): Promise<TicketDetail> {
  return callApi('ticket', 'reassign', { ticketId, version, assigneeUserId, ...(note ? { note } : {}) });
}

export function assignees(ticketId: Id): Promise<PersonView[]> {
  return callApi('ticket', 'assignees', { ticketId });
}

/** 值班台: the community's unroutable and returned tickets. */
export function dutyQueue(communityId: Id): Promise<TicketSummary[]> {
  return callApi('ticket', 'dutyQueue', { communityId });
}

export function routeManually(
  ticketId: Id,
  version: number,
  microGridId: Id,
  assigneeUserId?: Id,
  note?: string,
): Promise<TicketDetail> {
  return callApi('ticket', 'routeManually', {
    ticketId,
    version,
    microGridId,
    ...(assigneeUserId ? { assigneeUserId } : {}),
    ...(note ? { note } : {}),
  });
}

/** Rejects as spam 不予受理. */
export function rejectTicket(ticketId: Id, version: number, reason: string): Promise<TicketDetail> {
  return callApi('ticket', 'reject', { ticketId, version, reason });
}

/** Merges a duplicate into the original; its followers move over. */
export function mergeTicket(ticketId: Id, version: number, intoTicketId: Id): Promise<TicketDetail> {
  return callApi('ticket', 'merge', { ticketId, version, intoTicketId });
}

/** 书记信箱. */
export function letters(communityId: Id): Promise<LetterSummary[]> {
  return callApi('ticket', 'letters', { communityId });
}

/** Someone acted on the ticket first: the page reloads and shows the new state. */
export function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof ApiCallError &&
    (error.code === 'TICKET.STALE_VERSION' || error.code === 'STORE.CONFLICT')
  );
}
