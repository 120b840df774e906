/**
 * Deadlines and escalation 督办 (DESIGN §4). Sign-for runs while nobody has signed, resolve while in hand.
 * A missed deadline escalates once to the grid leader; if the leader's turn (the same deadline and a further
 * sign-for window) passes too, once to the secretary. Instants are IsoTime in Asia/Shanghai.
 */
import type { DeadlineKind } from '../../../typings/ticket';
import type { TimeLimit, WorkCalendar } from '../calendar/model';
import { limitEnd } from '../calendar/working-time';
import { toIso } from '../time/shanghai';
import type { Ticket } from './model';
import type { DeadlineRow } from './policy-model';

const HOUR_MS = 3_600_000;

/** The instant `hours` after `from`, as IsoTime. */
export function hoursAfter(from: Date | string, hours: number): string {
  return toIso(new Date(new Date(from).getTime() + hours * HOUR_MS));
}

/** The sign-for limit of a row: its working-time limit, else its calendar hours. */
export function signForLimitOf(row: DeadlineRow): TimeLimit {
  return row.signForLimit ?? { amount: row.signForHours, unit: 'calendarHours' };
}

/** The resolve limit of a row: its working-time limit, else its calendar hours. */
export function resolveLimitOf(row: DeadlineRow): TimeLimit {
  return row.resolveLimit ?? { amount: row.resolveHours, unit: 'calendarHours' };
}

/** The sign-for deadline of a window that opens at `from`, counted in the community's calendar. */
export function signForDeadline(from: Date, row: DeadlineRow, calendar: WorkCalendar): string {
  return toIso(limitEnd(from, signForLimitOf(row), calendar));
}

/** The resolve deadline of a window that opens at `from`, counted in the community's calendar. */
export function resolveDeadline(from: Date, row: DeadlineRow, calendar: WorkCalendar): string {
  return toIso(limitEnd(from, resolveLimitOf(row), calendar));
}

/** The deadline that runs now, if any. */
export function runningDeadline(
  ticket: Pick<Ticket, 'status' | 'signForBy' | 'resolveBy'>,
): { at: string; kind: DeadlineKind } | null {
  switch (ticket.status) {
    case 'submitted':
    case 'assigned':
    case 'returned':
      return ticket.signForBy ? { at: ticket.signForBy, kind: 'signFor' } : null;
    case 'accepted':
    case 'processing':
      return ticket.resolveBy ? { at: ticket.resolveBy, kind: 'resolve' } : null;
    default:
      return null;
  }
}

/** Whether the running deadline has passed at `now`. */
export function isOverdue(ticket: Pick<Ticket, 'status' | 'signForBy' | 'resolveBy'>, now: Date): boolean {
  const deadline = runningDeadline(ticket);
  return !!deadline && new Date(deadline.at).getTime() < now.getTime();
}

/** When the sweep should escalate this ticket next: each level once, never past the secretary. */
export function nextEscalationAt(
  ticket: Pick<
    Ticket,
    'status' | 'signForBy' | 'resolveBy' | 'escalationLevel' | 'escalatedAt' | 'deadlines'
  >,
): string | null {
  const deadline = runningDeadline(ticket);
  if (!deadline || ticket.escalationLevel >= 2) return null;
  if (ticket.escalationLevel === 0 || !ticket.escalatedAt) return deadline.at;
  // The leader's turn: the running deadline, and at least one sign-for window after the first escalation.
  const leaderTurnEnds = hoursAfter(ticket.escalatedAt, ticket.deadlines.signForHours);
  return new Date(leaderTurnEnds) > new Date(deadline.at) ? leaderTurnEnds : deadline.at;
}

/** The sweep fields (escalateAt, autoCloseAt) that follow from the ticket's state. */
export function sweepFields(
  ticket: Pick<
    Ticket,
    'status' | 'signForBy' | 'resolveBy' | 'escalationLevel' | 'escalatedAt' | 'deadlines' | 'autoCloseDays'
  >,
  now: Date,
  previous: Pick<Ticket, 'status' | 'autoCloseAt'>,
): Pick<Ticket, 'escalateAt' | 'autoCloseAt'> {
  const autoCloseAt =
    ticket.status !== 'resolved'
      ? null
      : previous.status === 'resolved' && previous.autoCloseAt
        ? previous.autoCloseAt
        : hoursAfter(now, ticket.autoCloseDays * 24);
  return { escalateAt: nextEscalationAt(ticket), autoCloseAt };
}
