/**
 * Where a report is (DESIGN §4): the bound household, a building (unit, floor), or a point on the map —
 * turned into words (building and unit level, never the room), a location for "nearby", and a routing request.
 */
import type { LatLng } from '../../../typings/common';
import type { TicketCategory, TicketPlace } from '../../../typings/ticket';
import { AppError } from '../errors';
import type { Store } from '../ports/store';
import type { RouteRequest } from '../routing/decision';
import type { User } from '../users/model';

export interface ResolvedPlace {
  placeText: string;
  location: LatLng | null;
  /** The community the place itself names (household, building); null for a bare point. */
  communityId: string | null;
  buildingId: string | null;
  estateId: string | null;
  /** The micro-grid the building is registered to; null for a bare point (routing finds it). */
  microGridId: string | null;
}

/** The place in words and coordinates; HOUSEHOLD.NOT_FOUND for someone else's household. */
export async function resolvePlace(store: Store, user: User, place: TicketPlace): Promise<ResolvedPlace> {
  switch (place.kind) {
    case 'household': {
      const household =
        user.householdId === place.householdId ? await store.get('households', place.householdId) : null;
      if (!household) throw new AppError('HOUSEHOLD.NOT_FOUND');
      const resolved = await buildingPlace(store, household.buildingId, household.unit, undefined);
      return resolved;
    }
    case 'building':
      return buildingPlace(store, place.buildingId, place.unit, place.floor);
    case 'point':
      return {
        placeText: place.addressText?.trim() || '地图选点',
        location: place.point,
        communityId: null,
        buildingId: null,
        estateId: null,
        microGridId: null,
      };
  }
}

async function buildingPlace(
  store: Store,
  buildingId: string,
  unit: string | undefined,
  floor: number | undefined,
): Promise<ResolvedPlace> {
  const building = await store.get('buildings', buildingId);
  if (!building) throw new AppError('TICKET.PLACE_INVALID');
  const estate = await store.get('estates', building.estateId);
  const parts = [estate?.name, building.name, unit?.trim(), floor !== undefined ? `${floor}层` : undefined];
  return {
    placeText: parts.filter(Boolean).join(' '),
    location: building.location,
    communityId: building.communityId,
    buildingId: building._id,
    estateId: building.estateId,
    microGridId: building.microGridId,
  };
}

/** The community a user belongs to as a resident (their household's), else the first they hold a role in. */
export async function homeCommunityOf(store: Store, user: User): Promise<string | null> {
  if (user.householdId) {
    const household = await store.get('households', user.householdId);
    if (household) return household.communityId;
  }
  const grant = user.roles.find((g) => g.role === 'resident') ?? user.roles[0];
  return grant?.communityId ?? null;
}

/** What routing needs: the building when known (address match), else the point (geofence). */
export function routeRequestFor(
  category: TicketCategory,
  place: TicketPlace,
  resolved: ResolvedPlace,
  communityId: string | null,
): RouteRequest {
  const request: RouteRequest = { category };
  if (communityId) request.communityId = communityId;
  if (resolved.buildingId) request.buildingId = resolved.buildingId;
  if (place.kind === 'point') request.point = place.point;
  else if (resolved.location) request.point = resolved.location;
  return request;
}
