/** The grid map's calls (网格地图, 网格力量): one function per action of the `grid` cloud function. */
import type {
  CoordinateSystemName,
  GridMapView,
  ImportSummary,
  LedgerKind,
  MapReplacePlan,
  MemberDutyName,
  NewInvite,
  RosterView,
  RouteAnswer,
  TableFormat,
} from '../../typings/grid';
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

/** Replaces the community's map with an uploaded GeoJSON file; `dryRun` answers the plan and writes nothing. */
export function replaceMap(
  communityId: string,
  fileId: string,
  dryRun: boolean,
  coordinateSystem: CoordinateSystemName,
): Promise<MapReplacePlan> {
  return callApi('grid', 'replaceMap', { communityId, fileId, dryRun, coordinateSystem });
}

/** Imports an uploaded ledger file; `dryRun` validates and counts what it would change, writing nothing. */
export function importLedger(
  communityId: string,
  kind: LedgerKind,
  format: TableFormat,
  fileId: string,
  dryRun: boolean,
): Promise<ImportSummary> {
  return callApi('grid', 'importLedger', { communityId, kind, format, fileId, dryRun });
}

/** Takes a member off the roster (a worker's role ends with their last place). */
export function removeMember(communityId: string, memberId: string): Promise<RosterView> {
  return callApi('grid', 'removeMember', { communityId, memberId });
}

/** Invites a person to a place on the roster by name and phone; the code is shown once, to hand over. */
export function inviteMember(
  communityId: string,
  person: {
    name: string;
    phone?: string;
    duty: MemberDutyName;
    gridId: string;
    microGridId?: string;
    primary?: boolean;
  },
): Promise<NewInvite> {
  return callApi('grid', 'invite', { communityId, ...person });
}

export function revokeInvite(communityId: string, inviteId: string): Promise<RosterView> {
  return callApi('grid', 'revokeInvite', { communityId, inviteId });
}
