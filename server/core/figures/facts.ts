/**
 * What a ticket's history says for the figures, folded event by event: the same step runs in the transaction
 * of each change (facts kept on the ticket) and in the reconciliation (facts recomputed from the events), so
 * the two can differ only where a counter write was lost or doubled. A limit is read from the event
 * (`limitAt`, the deadline that ran when it happened), never from the ticket, whose deadlines move later.
 */
import type { FigureCounts } from '../../../typings/figures';
import type { Ticket, TicketEvent } from '../tickets/model';
import type { TicketFigureFacts } from './facts-model';
import { bucketOf, emptyCounts, RESOLVE_BUCKETS, SIGN_BUCKETS } from './definitions';

export type { TicketFigureFacts };

/** Event types of an extension granted (the deadlines branch names it `extended`). */
const EXTENSION_EVENTS: ReadonlySet<string> = new Set(['extended']);

export const NO_FACTS: TicketFigureFacts = {
  firstSignedAt: null,
  signedOnTime: false,
  lastResolvedAt: null,
  resolvedOnTime: false,
  reopens: 0,
  extensions: 0,
};

function byLimit(at: string, limitAt: string | null | undefined): boolean {
  return !limitAt || new Date(at).getTime() <= new Date(limitAt).getTime();
}

/** The facts after one more event. */
export function stepFacts(facts: TicketFigureFacts, event: TicketEvent): TicketFigureFacts {
  switch (event.type) {
    case 'accepted':
      return facts.firstSignedAt
        ? facts
        : { ...facts, firstSignedAt: event.at, signedOnTime: byLimit(event.at, event.limitAt) };
    case 'resolved':
      return { ...facts, lastResolvedAt: event.at, resolvedOnTime: byLimit(event.at, event.limitAt) };
    case 'reopened':
      return { ...facts, reopens: facts.reopens + 1 };
    default:
      return EXTENSION_EVENTS.has(event.type) ? { ...facts, extensions: facts.extensions + 1 } : facts;
  }
}

/** The event's `limitAt`: the sign-for limit for a signing, the resolve limit for a resolution, else none. */
export function limitFieldOf(
  before: Pick<Ticket, 'signForBy' | 'resolveBy'>,
  type: string,
): { limitAt?: string | null } {
  if (type === 'accepted') return { limitAt: before.signForBy };
  if (type === 'resolved') return { limitAt: before.resolveBy };
  return {};
}

const VOID: readonly string[] = ['cancelled', 'rejected'];

function minutesBetween(from: string, to: string): number {
  return Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000));
}

/** What one ticket adds to every breakdown cell it belongs to. */
export function contributionOf(
  ticket: Pick<Ticket, 'status' | 'createdAt' | 'rating'>,
  facts: TicketFigureFacts,
): FigureCounts {
  const c = emptyCounts();
  if (VOID.includes(ticket.status)) return c;
  c.received = 1;
  if (facts.firstSignedAt) {
    const minutes = minutesBetween(ticket.createdAt, facts.firstSignedAt);
    c.signed = 1;
    c.signedOnTime = facts.signedOnTime ? 1 : 0;
    c.signMinutesSum = minutes;
    c.signBuckets[bucketOf(minutes, SIGN_BUCKETS)] = 1;
  }
  const standing = ticket.status === 'resolved' || ticket.status === 'closed';
  if (facts.lastResolvedAt) c.everResolved = 1;
  if (standing && facts.lastResolvedAt) {
    const minutes = minutesBetween(ticket.createdAt, facts.lastResolvedAt);
    c.resolved = 1;
    c.resolveMinutesSum = minutes;
    c.resolveBuckets[bucketOf(minutes, RESOLVE_BUCKETS)] = 1;
  }
  if (ticket.status === 'closed') {
    c.closed = 1;
    c.closedOnTime = facts.lastResolvedAt && facts.resolvedOnTime ? 1 : 0;
    c.closedUnrated = ticket.rating ? 0 : 1;
  }
  c.reopened = facts.reopens > 0 ? 1 : 0;
  c.extended = facts.extensions > 0 ? 1 : 0;
  if (ticket.rating) {
    c.rated = 1;
    c.ratingSum = ticket.rating.stars;
    c.satisfied = ticket.rating.stars >= 4 ? 1 : 0;
  }
  return c;
}
