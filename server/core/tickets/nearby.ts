/**
 * Near duplicates (DESIGN §4): before submitting, a resident is offered open tickets of the same category
 * within the community's radius (default 100 m) — "同一个问题？关注它" — and following one (follow.ts) adds
 * them to it instead of creating a new ticket. The seed's 15 blocked manholes are one ticket with many followers.
 */
import type { TicketActions, TicketSummary } from '../../../typings/ticket';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { memoReads } from '../store/read-memo';
import { haversineMetres } from '../routing/geometry';
import { route } from '../routing/route';
import { loadActor } from '../users/actor';
import { holds } from '../users/permissions';
import { cellsAround } from './nearby-cells';
import { homeCommunityOf, resolvePlace } from './place';
import { loadTicketPolicy } from './policy';
import { transitions } from './transitions';
import { summaryOf } from './views';

type Req<K extends keyof TicketActions> = TicketActions[K]['req'];

const MAX_OFFERED = 10;

/** Tickets read at most by each of the two queries: "nearby" costs the same with 10 or 16,000 open tickets. */
const PER_QUERY = 25;

/**
 * Open tickets of the category near the place, nearest first: those within the community's radius, then
 * those of the same estate 小区 (or, for a point on the map, the same micro-grid) at any distance — the
 * seed's 15 manholes of 文明村 lie 130–150 m apart, and each is the same blocked sewer. Two indexed queries
 * of at most PER_QUERY documents each: the map cells around the place, and the estate or micro-grid.
 */
export async function nearbyTickets(
  deps: Deps,
  caller: Caller,
  input: Req<'nearby'>,
): Promise<TicketSummary[]> {
  const store = memoReads(deps.store);
  const user = await loadActor(store, caller);
  const place = await resolvePlace(store, user, input.place);
  let communityId = place.communityId;
  let microGridId = place.microGridId;
  if (!communityId && place.location) {
    const decision = await route(
      { store, routingIndexes: deps.routingIndexes },
      { category: input.category, point: place.location },
    );
    communityId = decision.communityId;
    microGridId = decision.microGridId;
  }
  communityId ??= await homeCommunityOf(store, user);
  // Only residents of that community may follow there (see access.ts): others are offered nothing, and file.
  if (!communityId || !holds(user, 'resident', communityId)) return [];
  const policy = await loadTicketPolicy(store, communityId);
  const here = place.location;
  const open = { in: [...transitions.follow.from] };
  const category = input.category;
  const [inCells, inPlace] = await Promise.all([
    here
      ? store.find('tickets', {
          where: { cell: { in: cellsAround(here, policy.nearbyMetres) }, category, status: open },
          limit: PER_QUERY,
        })
      : Promise.resolve([]),
    place.estateId
      ? store.find('tickets', {
          where: { estateId: place.estateId, category, status: open },
          limit: PER_QUERY,
        })
      : microGridId
        ? store.find('tickets', { where: { microGridId, category, status: open }, limit: PER_QUERY })
        : Promise.resolve([]),
  ]);
  const samePlace = new Set(inPlace.map((t) => t._id));
  const candidates = [...new Map([...inCells, ...inPlace].map((t) => [t._id, t])).values()];
  const near = candidates
    // A resident's own report (or one they already follow) is no offer to follow: it is theirs already.
    .filter(
      (ticket) =>
        ticket.communityId === communityId &&
        ticket.reporterUserId !== user._id &&
        !ticket.followerUserIds.includes(user._id),
    )
    .map((ticket) => ({
      ticket,
      metres:
        here && ticket.location
          ? haversineMetres(here, ticket.location)
          : place.buildingId && ticket.buildingId === place.buildingId
            ? 0
            : Infinity,
    }))
    .map((c) => ({ ...c, within: c.metres <= policy.nearbyMetres }))
    .filter((c) => c.within || samePlace.has(c.ticket._id))
    .sort(
      (a, b) =>
        Number(b.within) - Number(a.within) ||
        a.metres - b.metres ||
        b.ticket.followerUserIds.length - a.ticket.followerUserIds.length,
    );
  const now = deps.clock.now();
  return near.slice(0, MAX_OFFERED).map((c) => summaryOf(c.ticket, now));
}
