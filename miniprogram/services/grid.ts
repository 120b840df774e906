/** The grid map's calls (网格地图, 网格力量): one function per action of the `grid` cloud function. */
import type { GridMapView, RosterView, RouteAnswer } from '../../typings/grid';
import type { LatLng } from '../../typings/common';
import type { TicketCategory } from '../../typings/ticket';
import { callApi } from './api';

export function getGridMap(communityId: string): Promise<GridMapView> {
  return callApi('grid', 'map', { communityId });
}

/** "Where would a report here go?" — routes without filing anything. */
export function routePoint(
  communityId: string,
  point: LatLng,
  category: TicketCategory,
): Promise<RouteAnswer> {
  return callApi('grid', 'route', { communityId, point, category });
}

export function getRoster(communityId: string): Promise<RosterView> {
  return callApi('grid', 'members', { communityId });
}

export function setOnDuty(communityId: string, memberId: string, onDuty: boolean): Promise<RosterView> {
  return callApi('grid', 'setOnDuty', { communityId, memberId, onDuty });
}

export function makePrimary(
  communityId: string,
  m: { gridId: string; microGridId: string; userId: string },
): Promise<RosterView> {
  return callApi('grid', 'setMember', { communityId, ...m, duty: 'worker', primary: true });
}
