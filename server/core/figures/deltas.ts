/**
 * The figure increments of one ticket change: the ticket's contribution as it now stands, minus what it
 * contributed before, each under the cells it sits in then. Pure; nothing is written when nothing changed
 * (a progress note, a follower, an escalation), so such changes cost no counter round trip.
 */
import type { Ticket, TicketEvent } from '../tickets/model';
import { isZero } from './definitions';
import { contributionOf, NO_FACTS, stepFacts, type TicketFigureFacts } from './facts';
import { figureShardId, NONE, shardOfTicket, type FigureCell, type FigureIncrement } from './shards';

type Counted = Pick<
  Ticket,
  | '_id'
  | 'communityId'
  | 'gridId'
  | 'microGridId'
  | 'assigneeUserId'
  | 'assignee'
  | 'category'
  | 'status'
  | 'createdAt'
  | 'rating'
> & { figures?: TicketFigureFacts };

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The cohort month of a ticket: its submission's month in Asia/Shanghai. A fixed UTC+8 (China has kept no
 * daylight time since 1991) instead of dayjs's time zone, which costs ~1 ms a call: the reconciliation and
 * the bench fold a million of these.
 */
export function monthOf(at: string): string {
  return new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/** The ticket after an event, with its figure facts brought up to date. */
export function withFacts<T extends Ticket>(ticket: T, event: TicketEvent): T {
  return { ...ticket, figures: stepFacts(ticket.figures ?? NO_FACTS, event) };
}

export function cellOf(ticket: Counted): FigureCell {
  return {
    gridId: ticket.gridId ?? NONE,
    microGridId: ticket.microGridId ?? NONE,
    workerId: ticket.assigneeUserId ?? NONE,
    workerName: ticket.assignee?.name ?? null,
    category: ticket.category,
  };
}

function sameCell(a: FigureCell, b: FigureCell): boolean {
  return (
    a.gridId === b.gridId &&
    a.microGridId === b.microGridId &&
    a.workerId === b.workerId &&
    a.category === b.category
  );
}

function incrementOf(ticket: Counted, sign: 1 | -1): FigureIncrement {
  const month = monthOf(ticket.createdAt);
  const shard = shardOfTicket(ticket._id);
  return {
    docId: figureShardId(ticket.communityId, month, shard),
    communityId: ticket.communityId,
    month,
    shard,
    cell: cellOf(ticket),
    counts: contributionOf(ticket, ticket.figures ?? NO_FACTS),
    sign,
  };
}

/** What a change from `before` (null: a new ticket) to `after` does to the counters. */
export function figureDeltas(before: Counted | null, after: Counted): FigureIncrement[] {
  const add = incrementOf(after, 1);
  if (!before) return isZero(add.counts) ? [] : [add];
  const remove = incrementOf(before, -1);
  if (
    remove.docId === add.docId &&
    sameCell(remove.cell, add.cell) &&
    JSON.stringify(remove.counts) === JSON.stringify(add.counts)
  )
    return [];
  return [remove, add].filter((inc) => !isZero(inc.counts));
}
