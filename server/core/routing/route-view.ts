/** Staff ask "where does this go?": the routing decision with names, as the map page shows it. */
import type { PersonRef, RouteAnswer } from '../../../typings/grid';
import { AppError } from '../errors';
import type { Caller } from '../ports/identity';
import { requireStaffOf } from '../grids/imports';
import type { RouteRequest } from './decision';
import { route, type RouteDeps } from './route';

/**
 * Routes without filing anything, exactly as a submission would (routingDepsOf); staff of the named community
 * (or of its street office) only, and only for places inside it: the preview never names another community's micro-grid or people.
 */
export async function explainRoute(
  deps: RouteDeps,
  caller: Caller,
  input: RouteRequest & { communityId: string },
): Promise<RouteAnswer> {
  const { store } = deps;
  await requireStaffOf(deps, caller, input.communityId);
  const decision = await route(deps, input);
  if (decision.communityId && decision.communityId !== input.communityId)
    throw new AppError('TICKET.PLACE_INVALID', {
      message: '该位置不在本社区范围内，无法预览分派，请重新选点',
    });
  const people = [decision.assigneeUserId, ...decision.alsoNotifyUserIds].filter((id): id is string => !!id);
  const users = people.length ? await store.find('users', { where: { _id: { in: people } } }) : [];
  const person = (userId: string): PersonRef => ({
    userId,
    name: users.find((u) => u._id === userId)?.name ?? '（未知用户）',
  });
  const grid = decision.gridId ? await store.get('grids', decision.gridId) : null;
  return {
    rule: decision.rule,
    reason: decision.reason,
    communityId: decision.communityId,
    grid: grid ? { gridId: grid._id, name: grid.name } : null,
    microGrid: decision.microGridId
      ? { microGridId: decision.microGridId, label: decision.microGridLabel ?? '' }
      : null,
    assignee: decision.assigneeUserId ? person(decision.assigneeUserId) : null,
    nobodyToAssign: decision.nobodyToAssign,
    alsoNotify: decision.alsoNotifyUserIds.map(person),
    urgent: decision.urgent,
    assignmentReason: decision.assignmentReason ?? '',
  };
}
