/**
 * Near duplicates (DESIGN §4): before submitting, a resident is offered open tickets of the same category
 * within the community's radius (default 100 m) — "同一个问题？关注它" — and following one (follow.ts) adds
 * them to it instead of creating a new ticket. The seed's 15 blocked manholes are one ticket with many followers.
 */
import type { TicketActions, TicketSummary } from '../../../typings/ticket';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { haversineMetres } from '../routing/geometry';
import { route } from '../routing/route';
import { loadActor } from '../users/actor';
import { holds } from '../users/permissions';
import { homeCommunityOf, resolvePlace } from './place';
import { loadTicketPolicy } from './policy';
import { transitions } from './transitions';
import { summaryOf } from './views';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

const MAX_OFFERED = 10;

/** Open tickets of the category near the place, nearest first. */
export async function nearbyTickets(
  deps: Deps,
  caller: Caller,
  input: Req<'nearby'>,
): Promise<TicketSummary[]> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const place = await resolvePlace(store, user, input.place);
  const communityId =
    place.communityId ??
    (place.location
      ? (
          await route(
            { store, routingIndexes: deps.routingIndexes },
            { category: input.category, point: place.location },
          )
        ).communityId
      : null) ??
    (await homeCommunityOf(store, user));
  // Only residents of that community may follow there (see access.ts): others are offered nothing, and file.
  if (!communityId || !holds(user, 'resident', communityId)) return [];
  const policy = await loadTicketPolicy(store, communityId);
  const candidates = await store.find('tickets', {
    where: { communityId, category: input.category, status: { in: [...transitions.follow.from] } },
  });
  const here = place.location;
  const near = candidates
    // A resident's own report (or one they already follow) is no offer to follow: it is theirs already.
    .filter((ticket) => ticket.reporterUserId !== user._id && !ticket.followerUserIds.includes(user._id))
    .map((ticket) => ({
      ticket,
      metres:
        here && ticket.location
          ? haversineMetres(here, ticket.location)
          : place.buildingId && ticket.buildingId === place.buildingId
            ? 0
            : Infinity,
    }))
    .filter((c) => c.metres <= policy.nearbyMetres)
    .sort((a, b) => a.metres - b.metres || b.ticket.followerUserIds.length - a.ticket.followerUserIds.length);
  const now = deps.clock.now();
  return near.slice(0, MAX_OFFERED).map((c) => summaryOf(c.ticket, now));
}
