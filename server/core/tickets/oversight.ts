/**
 * The street office reads its communities' tickets (issue 11 item 4): who someone is to a ticket, with the
 * street office's oversight added where the ticket's community belongs to the caller's street. A letter
 * (书记信箱) stays the writer's and the secretary's alone.
 */
import { AppError } from '../errors';
import type { Store } from '../ports/store';
import { overseesCommunity } from '../street/scope';
import type { User } from '../users/model';
import { canRead, relationsOf, type Relation } from './access';
import { isSecretaryLetter } from './categories';
import type { Ticket } from './model';

/** The relations, or TICKET.NOT_FOUND; the street office is looked up only when no other relation reads. */
export async function requireReadableOrOverseen(
  store: Store,
  user: User,
  ticket: Ticket | null,
): Promise<Set<Relation>> {
  if (!ticket) throw new AppError('TICKET.NOT_FOUND');
  const relations = relationsOf(user, ticket);
  if (canRead(relations)) return relations;
  if (!isSecretaryLetter(ticket.category) && (await overseesCommunity(store, user._id, ticket.communityId)))
    return new Set<Relation>([...relations, 'overseer']);
  throw new AppError('TICKET.NOT_FOUND');
}
