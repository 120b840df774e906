/**
 * The one way a ticket changes: a named transition, checked against the table, written in one transaction as
 * the ticket document (version + 1), its event (id derived from the new version) and the outbox entries.
 */
import type { TicketDetail, TicketEventType } from '../../../typings/ticket';
import { AppError } from '../errors';
import { applyFigureDeltas } from '../figures/apply';
import { figureDeltas, withFacts } from '../figures/deltas';
import { limitFieldOf } from '../figures/facts';
import type { NewNotification } from '../notifications/model';
import { queueNotification } from '../notifications/outbox';
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
import { detailOf } from './views';

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
  await tx.set('tickets', next);
  // insert, not set: a second writer of the same version fails here even where reads are not validated.
  await tx.insert('ticketEvents', event);
  await applyFigureDeltas(tx, figureDeltas(current, next), at);
  for (const notification of plan.notify?.(next) ?? [])
    await queueNotification(tx, deps.ids, now, notification);
  return next;
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
  const ticket = await store.get('tickets', input.ticketId);
  const relations = requireReadable(user, ticket);
  const found = ticket!;
  if (input.version !== undefined && found.version !== input.version)
    throw new AppError('TICKET.STALE_VERSION');
  authorize(name, found, relations);
  const now = deps.clock.now();
  const plan = await prepare({ user, ticket: found, relations, now });

  const next = await store.transaction(async (tx) => {
    const current = await tx.get('tickets', input.ticketId);
    if (!current) throw new AppError('TICKET.NOT_FOUND');
    if (input.version !== undefined && current.version !== input.version)
      throw new AppError('TICKET.STALE_VERSION');
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
