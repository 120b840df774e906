/**
 * The one way a ticket changes: a named transition, checked against the table, written in one transaction as
 * the ticket document (version + 1), its event (id derived from the new version) and the outbox entries.
 */
import type { TicketDetail, TicketEventType } from '../../../typings/ticket';
import { AppError, isAppError } from '../errors';
import { applyFigureDeltas } from '../figures/apply';
import { figureDeltas, withFacts } from '../figures/deltas';
import { limitFieldOf } from '../figures/facts';
import type { FigureIncrement } from '../figures/shards';
import type { NewNotification } from '../notifications/model';
import { queueNotifications, readDecided, type Decided } from '../notifications/outbox';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Tx } from '../ports/store';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { relationsOf, requireReadable, type Relation } from './access';
import { sweepFields } from './deadlines';
import type { PersonSnapshot, Ticket, TicketEvent } from './model';
import { roleFor, snapshotOf } from './people';
import { authorize, FINISHED, nextStatus, transitions, type TransitionName } from './transitions';
import { detailOf, timelineOf } from './views';

/** What a transition writes beyond the state: changed fields, the event's note and photos, notifications. */
export interface Plan {
  patch?: Partial<Ticket>;
  note?: string | null;
  noteHeld?: boolean;
  photos?: string[];
  party?: { name: string; request: string };
  /** The event's type when it is not the transition's own (a merge, seen from the ticket merged into). */
  eventType?: TicketEventType;
  notify?: (next: Ticket) => NewNotification[];
}

/** The event id of a ticket's version n. */
export function eventId(ticketId: string, seq: number): string {
  return `${ticketId}-${String(seq).padStart(3, '0')}`;
}

/** How the actor appears on the event: through the first relation the transition accepts from them. */
export function actingPerson(
  name: TransitionName,
  user: User,
  ticket: Ticket,
  relations: ReadonlySet<Relation>,
): PersonSnapshot {
  const via = transitions[name].who.find((r) => relations.has(r));
  return snapshotOf(user, roleFor(user, ticket.communityId, via));
}

/** A transition worked out before it is written: the ticket after it, its event, whom it tells, its figures. */
export interface PlannedChange {
  next: Ticket;
  event: TicketEvent;
  notifications: NewNotification[];
  figures: FigureIncrement[];
}

/** Works out a transition on `current` (pure: nothing is read or written). */
export function planChange(
  now: Date,
  current: Ticket,
  name: TransitionName,
  actor: PersonSnapshot | null,
  plan: Plan,
): PlannedChange {
  const at = toIso(now);
  const status = nextStatus(name, current);
  const draft: Ticket = {
    ...current,
    ...plan.patch,
    status,
    open: !FINISHED.includes(status),
    updatedAt: at,
    version: current.version + 1,
  };
  const swept: Ticket = { ...draft, ...sweepFields(draft, now, current) };
  const type = plan.eventType ?? transitions[name].event;
  const event: TicketEvent = {
    _id: eventId(current._id, swept.version),
    ticketId: current._id,
    seq: swept.version,
    type,
    ...limitFieldOf(current, type),
    at,
    actor,
    note: plan.note ?? null,
    noteHeld: plan.noteHeld ?? false,
    photos: plan.photos ?? [],
  };
  if (plan.party) event.party = plan.party;
  const next = withFacts(swept, event);
  return { next, event, notifications: plan.notify?.(next) ?? [], figures: figureDeltas(current, next) };
}

/** Writes a planned transition inside the caller's transaction; `decided`: its recipients' grants, read before. */
export async function writePlanned(
  tx: Tx,
  deps: Pick<Deps, 'ids'>,
  now: Date,
  planned: PlannedChange,
  decided?: Decided,
): Promise<Ticket> {
  await tx.set('tickets', planned.next);
  // insert, not set: a second writer of the same version fails here even where reads are not validated.
  await tx.insert('ticketEvents', planned.event);
  await applyFigureDeltas(tx, planned.figures, toIso(now));
  await queueNotifications(tx, deps.ids, now, planned.notifications, decided);
  return planned.next;
}

/** Writes one transition inside the caller's transaction; returns the ticket as it now stands. */
export async function writeChange(
  tx: Tx,
  deps: Pick<Deps, 'ids'>,
  now: Date,
  current: Ticket,
  name: TransitionName,
  actor: PersonSnapshot | null,
  plan: Plan,
): Promise<Ticket> {
  return writePlanned(tx, deps, now, planChange(now, current, name, actor, plan));
}

export interface ActContext {
  user: User;
  ticket: Ticket;
  relations: Set<Relation>;
  now: Date;
}

/**
 * A user's transition on a ticket, the story every action tells: load → check who and state → prepare
 * (async checks: files, content, people) → in one transaction re-check against the stored version and write.
 * `prepare` returns the plan as a function of the ticket read inside the transaction.
 */
export async function act(
  deps: Deps,
  caller: Caller,
  input: { ticketId: string; version?: number },
  name: TransitionName,
  prepare: (ctx: ActContext) => Promise<(current: Ticket, relations: Set<Relation>) => Plan>,
): Promise<TicketDetail> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  // At the caller's version, the ticket as this instance last wrote or read it is the stored one, or the
  // transaction's event insert refuses the change (ticket-memory.ts).
  const remembered =
    input.version !== undefined ? (deps.ticketMemory?.ticketAt(input.ticketId, input.version) ?? null) : null;
  const ticket = remembered ?? (await store.get('tickets', input.ticketId));
  const relations = requireReadable(user, ticket);
  const found = ticket!;
  if (input.version !== undefined && found.version !== input.version)
    throw new AppError('TICKET.STALE_VERSION');
  authorize(name, found, relations);
  const now = deps.clock.now();
  const plan = await prepare({ user, ticket: found, relations, now });

  // With the caller's version, the ticket read above is the one to change: were it changed since, the event
  // of the next version exists and the transaction's insert of it fails (STALE_VERSION below). So the change
  // is worked out before the transaction, with its recipients' grants read, and the transaction only writes.
  if (input.version !== undefined) {
    const actor = actingPerson(name, user, found, relations);
    const planned = planChange(now, found, name, actor, plan(found, relations));
    const decided = await readDecided(deps, planned.notifications);
    const written = await store
      .transaction((tx) => writePlanned(tx, deps, now, planned, decided))
      .catch((error: unknown) => {
        if (isAppError(error) && error.code === 'STORE.DUPLICATE') throw new AppError('TICKET.STALE_VERSION');
        throw error;
      });
    // The timeline the instance knew, and the event just written: no query when it knew it.
    const known = deps.ticketMemory?.extended(found._id, found.version, planned.event) ?? null;
    const events = await timelineOf(store, deps.ticketMemory, written, known);
    // The reply's contacts (the reporter's household, building, estate) from the instance's warm map.
    const viewStore = deps.routingIndexes.mapReads.view(store);
    return detailOf(viewStore, written, user, relationsOf(user, written), now, events);
  }
  // Without a version (rating), the transaction reads the ticket as it stands.
  const next = await store.transaction(async (tx) => {
    const current = await tx.get('tickets', input.ticketId);
    if (!current) throw new AppError('TICKET.NOT_FOUND');
    const rel = relationsOf(user, current);
    authorize(name, current, rel);
    return writeChange(
      tx,
      deps,
      now,
      current,
      name,
      actingPerson(name, user, current, rel),
      plan(current, rel),
    );
  });
  return detailOf(store, next, user, relationsOf(user, next), now);
}
