/**
 * A warm instance's memory of the tickets it last wrote or read, with their timelines: so that a worker who
 * opened a ticket and taps 签收 on the same instance is not asked for the ticket and its events again, and a
 * change answers with its timeline without a query.
 *
 * Why it is safe: a ticket changes only through a transition that bumps its version and writes exactly one
 * event, the one with seq = version (change.ts; submit writes version 1 and event 1). So a remembered ticket
 * at the version the caller names is the stored one unless someone changed it since — and then the event of
 * the next version exists, the transaction's insert of it fails, and the caller hears STALE_VERSION, as it
 * would from a fresh read. Its events are seq 1…version, immutable once written, with one exception: the
 * content re-check releases a held first event without a version (recheck.ts). A ticket whose content is
 * still unchecked is therefore never taken from memory.
 *
 * Per instance and bounded; another instance simply reads (2 requests more on a change).
 */
import type { Ticket, TicketEvent } from './model';

/** A JSON copy, not structuredClone: documents are plain JSON, and the pages' jsdom tests have no structuredClone. */
const copyOf = <T>(value: T): T =>
  value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

const MAX_TICKETS = 1000;

interface Remembered {
  ticket: Ticket;
  /** All its events, seq 1…version, or null when this instance has not seen them all. */
  events: TicketEvent[] | null;
}

/** Whether `events` are all of the ticket's: seq 1…version in order. */
function complete(ticket: Ticket, events: readonly TicketEvent[]): boolean {
  return events.length === ticket.version && events.every((e, i) => e.seq === i + 1);
}

export class TicketMemory {
  private readonly tickets = new Map<string, Remembered>();
  /** Tickets and timelines answered from memory: tests check it is used. */
  hits = 0;

  /** The ticket as last written or read here, if it is at `version` and its content was checked. */
  ticketAt(ticketId: string, version: number): Ticket | null {
    const found = this.tickets.get(ticketId);
    if (!found || found.ticket.version !== version || found.ticket.contentUnchecked) return null;
    this.hits += 1;
    return copyOf(found.ticket);
  }

  /** The ticket's whole timeline, if this instance has seen all of it at the ticket's version. */
  eventsOf(ticket: Ticket): TicketEvent[] | null {
    const found = this.tickets.get(ticket._id);
    if (!found?.events || ticket.contentUnchecked || !complete(ticket, found.events)) return null;
    this.hits += 1;
    return copyOf(found.events);
  }

  /** Remembers the ticket as written or read, with its timeline when it is known whole. */
  remember(ticket: Ticket, events: readonly TicketEvent[] | null): void {
    const known = events && complete(ticket, events) ? copyOf([...events]) : null;
    this.tickets.delete(ticket._id);
    if (this.tickets.size >= MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value!);
    this.tickets.set(ticket._id, { ticket: copyOf(ticket), events: known });
  }

  /** The timeline remembered for the ticket at `version`, extended by `event` (of version + 1). */
  extended(ticketId: string, version: number, event: TicketEvent): TicketEvent[] | null {
    const found = this.tickets.get(ticketId);
    if (!found?.events || found.ticket.version !== version || !complete(found.ticket, found.events))
      return null;
    return [...found.events, event];
  }
}
