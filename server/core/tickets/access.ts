/**
 * Who someone is to a ticket (DESIGN §8): reporter and followers; the assignee; a worker of its micro-grid;
 * the leader of its grid; the community's staff. Reading is allowed by any of these; acting by the relation
 * the transition table names. A resident who has none of them gets TICKET.NOT_FOUND: existence is not revealed.
 * A 书记信箱 letter knows two people only: its writer and the community's secretary.
 */
import { AppError } from '../errors';
import type { User } from '../users/model';
import { holds, isCommunityStaff } from '../users/permissions';
import { isSecretaryLetter } from './categories';
import type { Ticket } from './model';

export type Relation =
  | 'reporter'
  | 'follower'
  | 'assignee'
  /** A worker of the ticket's micro-grid who has not returned it: may sign for it. */
  | 'microGridWorker'
  | 'gridLeader'
  /** Staff or secretary of the ticket's community. */
  | 'staff'
  /** A resident of the ticket's community: may follow it ("同一个问题？关注它"). */
  | 'neighbour'
  /** Returned it, or was its worker: may read it, never act. */
  | 'formerHandler'
  /** An officer of the street office 街道 that owns the ticket's community: reads it (masked), never acts. */
  | 'overseer'
  | 'system';

const READERS: readonly Relation[] = [
  'reporter',
  'follower',
  'assignee',
  'microGridWorker',
  'gridLeader',
  'staff',
  'formerHandler',
  'overseer',
];

/** Those who work the ticket rather than wait for it: they see held content and the reporter's name. */
export const HANDLERS: readonly Relation[] = [
  'assignee',
  'microGridWorker',
  'gridLeader',
  'staff',
  'formerHandler',
];

/** The user's relations to the ticket. */
export function relationsOf(user: User, ticket: Ticket): Set<Relation> {
  if (isSecretaryLetter(ticket.category)) return letterRelations(user, ticket);
  const relations = new Set<Relation>();
  const returned = ticket.returnedByUserIds.includes(user._id);
  if (ticket.reporterUserId === user._id) relations.add('reporter');
  if (ticket.followerUserIds.includes(user._id)) relations.add('follower');
  if (ticket.assigneeUserId === user._id && !returned) relations.add('assignee');
  const worksHere = user.roles.some(
    (g) => g.role === 'worker' && !!ticket.microGridId && g.microGridId === ticket.microGridId,
  );
  if (worksHere && !returned) relations.add('microGridWorker');
  if (returned) relations.add('formerHandler');
  if (user.roles.some((g) => g.role === 'leader' && !!ticket.gridId && g.gridId === ticket.gridId))
    relations.add('gridLeader');
  if (isCommunityStaff(user, ticket.communityId)) relations.add('staff');
  if (holds(user, 'resident', ticket.communityId)) relations.add('neighbour');
  return relations;
}

/** A letter: its writer, and the secretary (as its assignee, and as the one who may reject or merge it). */
function letterRelations(user: User, ticket: Ticket): Set<Relation> {
  const relations = new Set<Relation>();
  if (ticket.reporterUserId === user._id) relations.add('reporter');
  if (holds(user, 'secretary', ticket.communityId)) {
    relations.add('staff');
    if (ticket.assigneeUserId === user._id) relations.add('assignee');
  }
  return relations;
}

export function canRead(relations: ReadonlySet<Relation>): boolean {
  return READERS.some((r) => relations.has(r));
}

/** The relations, or TICKET.NOT_FOUND when the user may not even know the ticket exists. */
export function requireReadable(user: User, ticket: Ticket | null): Set<Relation> {
  if (!ticket) throw new AppError('TICKET.NOT_FOUND');
  const relations = relationsOf(user, ticket);
  if (!canRead(relations)) throw new AppError('TICKET.NOT_FOUND');
  return relations;
}

export function isHandler(relations: ReadonlySet<Relation>): boolean {
  return HANDLERS.some((r) => relations.has(r));
}
