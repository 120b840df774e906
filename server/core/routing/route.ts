/**
 * Routes a report (DESIGN §3): address → geofence (exclusive grids first) → nearest micro-grid within the
 * community's tolerance → category rules → the community duty queue. Every answer carries its reason; nothing
 * is dropped. Pure decision: it reads the store, writes nothing.
 */
import { gridLabel, microGridLabel } from '../grids/labels';
import type { Store } from '../ports/store';
import { assignmentReasons, assignWithin } from './assign';
import { categoryRuleFor, decidesRecipients, type CategoryRule } from './category-rules';
import type { RouteDecision, RouteRequest, RoutingRule } from './decision';
import type { PlacedMicroGrid } from './routing-index';
import { routingDepsOf, type RouteDeps, type RoutingDeps } from './routing-deps';

export type { RouteDeps } from './routing-deps';

export const DUTY_QUEUE_REASON = '无法定位，转社区值班台';

interface Placed {
  rule: Extract<RoutingRule, 'address' | 'geofence' | 'exclusiveGeofence' | 'nearMiss'>;
  reason: string;
  place: PlacedMicroGrid;
}

/** Where a report goes, to whom, and why. */
export async function route(given: RouteDeps, request: RouteRequest): Promise<RouteDecision> {
  const deps = routingDepsOf(given);
  const { store } = deps;
  const rule = categoryRuleFor(request.category, deps.categoryRules);
  const urgent = rule?.urgent ?? false;
  const placed = (await byAddress(store, request)) ?? (await byPoint(deps, request));

  if (rule?.assignTo === 'secretary') return toSecretary(store, request, placed, rule);
  if (!placed) return dutyQueue(request.communityId ?? null, DUTY_QUEUE_REASON, urgent);

  const { place } = placed;
  const assignment = await assignWithin(store, place, deps.openTicketCounts);
  const base = {
    communityId: place.communityId,
    gridId: place.gridId,
    microGridId: place.microGridId,
    microGridLabel: place.label,
    urgent,
  };
  if (!assignment.assigneeUserId) {
    // The place was found: the rule says how; that nobody works there is its own answer.
    return {
      ...base,
      rule: placed.rule,
      nobodyToAssign: true,
      reason: `${placed.reason}；${assignmentReasons.nobody}`,
      assigneeUserId: null,
      alsoNotifyUserIds: [],
      assignedBy: 'nobody',
      assignmentReason: assignmentReasons.nobody,
    };
  }
  const also =
    rule?.alsoNotify.includes('gridLeader') &&
    assignment.leaderUserId &&
    assignment.leaderUserId !== assignment.assigneeUserId;
  const byCategory = decidesRecipients(rule);
  return {
    ...base,
    rule: placed.rule,
    nobodyToAssign: false,
    reason: byCategory ? `${placed.reason}；${rule.label}：网格员与网格长同时处理` : placed.reason,
    assigneeUserId: assignment.assigneeUserId,
    alsoNotifyUserIds: also && assignment.leaderUserId ? [assignment.leaderUserId] : [],
    assignedBy: assignment.assignedBy,
    assignmentReason: assignmentReasons[assignment.assignedBy],
  };
}

/** Rule 1: the building is registered to a micro-grid. */
async function byAddress(store: Store, request: RouteRequest): Promise<Placed | null> {
  if (!request.buildingId) return null;
  const building = await store.get('buildings', request.buildingId);
  if (!building || (request.communityId && building.communityId !== request.communityId)) return null;
  const microGrid = await store.get('microGrids', building.microGridId);
  const grid = microGrid ? await store.get('grids', microGrid.gridId) : null;
  if (!microGrid || !grid) return null;
  const place: PlacedMicroGrid = {
    communityId: building.communityId,
    gridId: grid._id,
    microGridId: microGrid._id,
    gridKind: grid.kind,
    label: microGridLabel(grid, microGrid.name),
    gridLabel: gridLabel(grid),
  };
  return { rule: 'address', reason: `楼栋 ${building.name} 登记在 ${place.label}`, place };
}

/** Rules 2 and 3: the polygon holding the point, else the nearest within tolerance. */
async function byPoint(deps: RoutingDeps, request: RouteRequest): Promise<Placed | null> {
  if (!request.point) return null;
  const index = await deps.routingIndexes.get(deps.store);
  const located = index.locate(request.point);
  if (!located) return null;
  const { place } = located;
  switch (located.rule) {
    case 'geofence':
      return { rule: 'geofence', reason: `坐标位于 ${place.label}`, place };
    case 'exclusiveGeofence':
      return {
        rule: 'exclusiveGeofence',
        reason: located.overCommunityGrid
          ? `坐标位于专属网格 ${place.gridLabel}，专属网格优先`
          : `坐标位于专属网格 ${place.gridLabel}`,
        place,
      };
    case 'nearMiss':
      return {
        rule: 'nearMiss',
        reason: `坐标不在任何网格内，距 ${place.label} ${Math.round(located.distanceMetres)} 米，按就近归属`,
        place,
      };
  }
}

/** Rule 4 for letters: the community's secretary, wherever the writer stands. */
async function toSecretary(
  store: Store,
  request: RouteRequest,
  placed: Placed | null,
  rule: CategoryRule,
): Promise<RouteDecision> {
  const communityId = request.communityId ?? placed?.place.communityId ?? null;
  const community = communityId ? await store.get('communities', communityId) : null;
  const secretary = community?.secretaryUserId ?? null;
  if (!community || !secretary) {
    return dutyQueue(communityId, `${rule.label}：社区未设置书记，转社区值班台`, rule.urgent);
  }
  return {
    rule: 'category',
    nobodyToAssign: false,
    reason: `${rule.label}：转 ${community.name} 书记`,
    communityId: community._id,
    // A letter belongs to no grid: its workers and leader must not find it in their inbox or escalations.
    gridId: null,
    microGridId: null,
    microGridLabel: null,
    assigneeUserId: secretary,
    alsoNotifyUserIds: [],
    urgent: rule.urgent,
    assignedBy: 'secretary',
    assignmentReason: assignmentReasons.secretary,
  };
}

function dutyQueue(communityId: string | null, reason: string, urgent: boolean): RouteDecision {
  return {
    rule: 'dutyQueue',
    nobodyToAssign: true,
    reason,
    communityId,
    gridId: null,
    microGridId: null,
    microGridLabel: null,
    assigneeUserId: null,
    alsoNotifyUserIds: [],
    urgent,
    assignedBy: 'nobody',
    assignmentReason: '转社区值班台',
  };
}
