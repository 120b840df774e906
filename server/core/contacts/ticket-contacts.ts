/**
 * Contacts on a ticket (DESIGN §8, issue 13 item 4): the one sent to the reporter's door sees their room and
 * phone; the reporter sees whom to call about it. Followers see neither: they chose to hear about a problem,
 * not to learn who reported it or where they live.
 */
import type { ReporterContact } from '../../../typings/ticket';
import type { WorkerContact } from '../../../typings/user';
import { addressOf } from '../households/address';
import type { Store } from '../ports/store';
import type { Relation } from '../tickets/access';
import { isSecretaryLetter } from '../tickets/categories';
import type { Ticket } from '../tickets/model';
import type { User } from '../users/model';
import { roleLabel } from '../users/role-labels';
import { microGridWorkerContact } from './worker-contact';

/** The assignee (the one who goes) and staff (who answer the phone for the community); nobody else. */
export function seesReporterContact(relations: ReadonlySet<Relation>): boolean {
  return relations.has('assignee') || relations.has('staff');
}

/** The reporter's room and phone for the assignee and staff; null for everyone else. */
export async function reporterContactOf(
  store: Store,
  ticket: Ticket,
  relations: ReadonlySet<Relation>,
): Promise<ReporterContact | null> {
  if (!seesReporterContact(relations)) return null;
  if (ticket.reporterContact) return ticket.reporterContact;
  const reporter = await store.get('users', ticket.reporterUserId);
  return reporterContactAt(store, ticket, { name: ticket.reporterName, phone: reporter?.phone ?? null });
}

/**
 * The reporter's contact as of now, from their user and the ticket's place: written on the ticket at
 * submission (from what submit has read already), read afresh only for a ticket older than that snapshot.
 */
export async function reporterContactAt(
  store: Store,
  ticket: Pick<Ticket, 'place' | 'placeText'>,
  reporter: Pick<User, 'name' | 'phone'>,
): Promise<ReporterContact> {
  return { name: reporter.name, address: await roomAddress(store, ticket), phone: reporter.phone ?? null };
}

/** The place with its room: the household's whole address, or the building place and the room typed. */
async function roomAddress(
  store: Store,
  ticket: Pick<Ticket, 'place' | 'placeText'>,
): Promise<string | null> {
  const place = ticket.place;
  if (place.kind === 'household') {
    const household = await store.get('households', place.householdId);
    return household ? (await addressOf(store, household)).full : null;
  }
  if (place.kind === 'building' && place.room?.trim()) return `${ticket.placeText} ${place.room.trim()}`;
  return null;
}

/** Both contacts of a ticket for this viewer, read side by side. */
export async function contactsOf(
  store: Store,
  ticket: Ticket,
  relations: ReadonlySet<Relation>,
): Promise<{ reporterContact: ReporterContact | null; handlerContact: WorkerContact | null }> {
  const [reporterContact, handlerContact] = await Promise.all([
    reporterContactOf(store, ticket, relations),
    handlerContactOf(store, ticket, relations),
  ]);
  return { reporterContact, handlerContact };
}

/**
 * For the reporter: the assignee while a worker or leader holds it, else the micro-grid's worker. A letter
 * to the secretary gives no number: it is written, not phoned.
 */
export async function handlerContactOf(
  store: Store,
  ticket: Ticket,
  relations: ReadonlySet<Relation>,
): Promise<WorkerContact | null> {
  if (!relations.has('reporter') || isSecretaryLetter(ticket.category)) return null;
  const assignee = ticket.assignee;
  if (assignee && (assignee.role === 'worker' || assignee.role === 'leader')) {
    const user = await store.get('users', assignee.userId);
    if (user?.phone) return { name: user.name, roleLabel: roleLabel(assignee.role), phone: user.phone };
  }
  return ticket.microGridId ? microGridWorkerContact(store, ticket.microGridId) : null;
}
