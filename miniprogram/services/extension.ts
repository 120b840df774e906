/** Extension 延期 calls of the `ticket` cloud function: the worker asks, the leader grants or refuses. */
import type { TimeLimit } from '../../typings/calendar';
import type { Id } from '../../typings/common';
import type { TicketDetail } from '../../typings/ticket';
import { callApi } from './api';

export function askExtension(
  ticketId: Id,
  version: number,
  reason: string,
  limit: TimeLimit,
): Promise<TicketDetail> {
  return callApi('ticket', 'askExtension', { ticketId, version, reason, limit });
}

/** Grants the asked limit. */
export function approveExtension(ticketId: Id, version: number): Promise<TicketDetail> {
  return callApi('ticket', 'approveExtension', { ticketId, version });
}

export function denyExtension(ticketId: Id, version: number, reason: string): Promise<TicketDetail> {
  return callApi('ticket', 'denyExtension', { ticketId, version, reason });
}
