/**
 * A reason to follow someone else's ticket (DESIGN §4, §8): the nearby offer would have shown it. The ticket
 * lies within the community's "same problem nearby" radius of the follower's own household (its building), or
 * of the place they are reporting from (a point or a building, as the nearby offer was asked); and they are a
 * resident of its community. Anyone else has no business
 * reading a neighbour's report.
 */
import type { LatLng } from '../../../typings/common';
import type { Store } from '../ports/store';
import { haversineMetres } from '../routing/geometry';
import type { User } from '../users/model';
import { holds } from '../users/permissions';
import type { Ticket } from './model';
import { loadTicketPolicy } from './policy';

/** Where the would-be follower stands: the place they report from, and their household's building. */
export interface Origin {
  point: LatLng | null;
  buildingId: string | null;
}

async function originsOf(store: Store, user: User, from: Origin | null): Promise<Origin[]> {
  const origins: Origin[] = from ? [from] : [];
  const household = user.householdId ? await store.get('households', user.householdId) : null;
  const building = household ? await store.get('buildings', household.buildingId) : null;
  if (building) origins.push({ point: building.location, buildingId: building._id });
  return origins;
}

function metresBetween(origin: Origin, ticket: Ticket): number {
  if (origin.point && ticket.location) return haversineMetres(origin.point, ticket.location);
  return origin.buildingId && origin.buildingId === ticket.buildingId ? 0 : Infinity;
}

/** Whether the user may follow the ticket from where they are (or live). */
export async function hasFollowReason(
  store: Store,
  user: User,
  ticket: Ticket,
  from: Origin | null,
): Promise<boolean> {
  if (!holds(user, 'resident', ticket.communityId)) return false;
  const { nearbyMetres } = await loadTicketPolicy(store, ticket.communityId);
  const origins = await originsOf(store, user, from);
  return origins.some((origin) => metresBetween(origin, ticket) <= nearbyMetres);
}
