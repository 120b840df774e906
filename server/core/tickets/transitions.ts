/**
 * The state machine of DESIGN §4 as one table: each named transition, the states it may start from, the
 * state it leads to, and who may take it (by relation to the ticket, see access.ts). Use cases change a
 * ticket's state only through `authorize` + this table; the page's buttons come from `allowedActions`.
 */
import type { TicketActionName, TicketEventType, TicketStatus } from '../../../typings/ticket';
import { AppError } from '../errors';
import type { Relation } from './access';
import { isSecretaryLetter } from './categories';
import type { Ticket } from './model';

export type TransitionName =
  | Extract<
      TicketActionName,
      | 'accept'
      | 'progress'
      | 'coHandle'
      | 'resolve'
      | 'return'
      | 'reassign'
      | 'routeManually'
      | 'cancel'
      | 'confirm'
      | 'reopen'
      | 'rate'
      | 'reject'
      | 'merge'
      | 'follow'
    >
  | 'escalate'
  | 'autoClose';

export interface Transition {
  from: readonly TicketStatus[];
  /** 'same': the state stays (a note, a follower, a flag), the version still moves. */
  to: TicketStatus | 'same';
  who: readonly Relation[];
  event: TicketEventType;
}

/** Not yet accepted: the resident may still cancel. */
const UNSIGNED = ['submitted', 'assigned'] as const;
/** In someone's hands. */
const IN_HAND = ['accepted', 'processing'] as const;
/** Not finished: staff may still reject or merge; the sweep still escalates. */
const UNFINISHED = ['submitted', 'assigned', 'accepted', 'processing', 'returned'] as const;

// prettier-ignore
export const transitions: Record<TransitionName, Transition> = {
  //               from                                    to            who                                            event
  accept:        { from: ['assigned'],                     to: 'accepted',   who: ['assignee', 'microGridWorker', 'gridLeader'], event: 'accepted' },
  progress:      { from: IN_HAND,                          to: 'processing', who: ['assignee', 'gridLeader'],               event: 'progress' },
  coHandle:      { from: IN_HAND,                          to: 'processing', who: ['assignee', 'gridLeader'],               event: 'coHandling' },
  resolve:       { from: IN_HAND,                          to: 'resolved',   who: ['assignee', 'gridLeader'],               event: 'resolved' },
  return:        { from: ['assigned', ...IN_HAND],         to: 'returned',   who: ['assignee'],                             event: 'returned' },
  reassign:      { from: ['assigned', ...IN_HAND, 'returned'], to: 'assigned', who: ['gridLeader', 'staff'],              event: 'reassigned' },
  routeManually: { from: ['submitted', 'returned'],        to: 'assigned',   who: ['staff', 'gridLeader'],                  event: 'routed' },
  cancel:        { from: UNSIGNED,                         to: 'cancelled',  who: ['reporter'],                             event: 'cancelled' },
  confirm:       { from: ['resolved'],                     to: 'closed',     who: ['reporter'],                             event: 'confirmed' },
  reopen:        { from: ['resolved'],                     to: 'processing', who: ['reporter'],                             event: 'reopened' },
  rate:          { from: ['closed'],                       to: 'same',       who: ['reporter'],                             event: 'rated' },
  reject:        { from: UNFINISHED,                       to: 'rejected',   who: ['staff'],                                event: 'rejected' },
  merge:         { from: UNFINISHED,                       to: 'rejected',   who: ['staff'],                                event: 'merged' },
  follow:        { from: UNFINISHED,                       to: 'same',       who: ['neighbour'],                            event: 'followed' },
  escalate:      { from: UNFINISHED,                       to: 'same',       who: ['system'],                               event: 'escalated' },
  autoClose:     { from: ['resolved'],                     to: 'closed',     who: ['system'],                               event: 'autoClosed' },
};

/** Statuses after which nothing more happens to a ticket (rating aside). */
export const FINISHED: readonly TicketStatus[] = ['closed', 'cancelled', 'rejected'];

const LETTER_STAYS: readonly TransitionName[] = ['reassign', 'routeManually', 'return', 'follow'];

/** Conditions beyond state and relation: rate once; follow only what one neither filed nor follows. */
function guardHolds(name: TransitionName, ticket: Ticket, relations: ReadonlySet<Relation>): boolean {
  // A letter stays with the secretary: it is never handed to a grid or sent back to the duty queue.
  if (LETTER_STAYS.includes(name) && isSecretaryLetter(ticket.category)) return false;
  if (name === 'rate') return ticket.rating === null;
  if (name === 'follow') return !relations.has('reporter') && !relations.has('follower');
  return true;
}

/** Whether the actor may take the transition now. */
export function permits(name: TransitionName, ticket: Ticket, relations: ReadonlySet<Relation>): boolean {
  const t = transitions[name];
  return (
    t.who.some((r) => relations.has(r)) &&
    t.from.includes(ticket.status) &&
    guardHolds(name, ticket, relations)
  );
}

/** Refuses a transition the actor may not take: by role first (AUTH.FORBIDDEN), then by state. */
export function authorize(name: TransitionName, ticket: Ticket, relations: ReadonlySet<Relation>): void {
  const t = transitions[name];
  if (!t.who.some((r) => relations.has(r))) throw new AppError('AUTH.FORBIDDEN');
  if (!t.from.includes(ticket.status)) throw new AppError('TICKET.INVALID_STATE');
  if (!guardHolds(name, ticket, relations)) {
    throw new AppError('TICKET.INVALID_STATE', {
      message: name === 'rate' ? '您已评价过该工单' : undefined,
    });
  }
}

/** The state a transition leads to from the ticket's current one. */
export function nextStatus(name: TransitionName, ticket: Ticket): TicketStatus {
  const to = transitions[name].to;
  return to === 'same' ? ticket.status : to;
}

/** The caller's buttons: every user-facing transition the table permits now. */
export function allowedActions(ticket: Ticket, relations: ReadonlySet<Relation>): TicketActionName[] {
  return (Object.keys(transitions) as TransitionName[]).filter(
    (name): name is Exclude<TransitionName, 'escalate' | 'autoClose'> =>
      name !== 'escalate' && name !== 'autoClose' && permits(name, ticket, relations),
  );
}
