/**
 * Whose tickets the workbench shows (DESIGN §6a): staff and the secretary see their community's, a grid
 * leader their grids', an officer of the community's street office (街道) the whole community. Anyone else is
 * refused. Letters (书记信箱) never appear: they are the secretary's alone.
 */
import { AppError } from '../errors';
import type { Store, Where } from '../ports/store';
import type { User } from '../users/model';
import { isCommunityStaff } from '../users/permissions';
import { overseesCommunity } from '../street/scope';

export type WorkbenchScopeOf =
  { kind: 'community'; communityId: string } | { kind: 'grid'; communityId: string; gridIds: string[] };

/** The caller's scope in the community, or AUTH.FORBIDDEN. */
export async function scopeOf(store: Store, user: User, communityId: string): Promise<WorkbenchScopeOf> {
  if (isCommunityStaff(user, communityId)) return { kind: 'community', communityId };
  const gridIds = [
    ...new Set(
      user.roles.flatMap((g) =>
        g.role === 'leader' && g.communityId === communityId && g.gridId ? [g.gridId] : [],
      ),
    ),
  ];
  if (gridIds.length > 0) return { kind: 'grid', communityId, gridIds };
  if (await overseesCommunity(store, user._id, communityId)) return { kind: 'community', communityId };
  throw new AppError('AUTH.FORBIDDEN');
}

/**
 * The place conditions of the branches: the whole scope, or the grid / micro-grid the filter names inside it.
 * A grid or micro-grid outside the scope is GRID.NOT_FOUND / MICRO_GRID.NOT_FOUND (its existence is not told).
 */
export async function placeWheres(
  store: Store,
  scope: WorkbenchScopeOf,
  filter: { gridId?: string; microGridId?: string },
): Promise<Where[]> {
  const inScope = (gridId: string, communityId: string) =>
    communityId === scope.communityId && (scope.kind === 'community' || scope.gridIds.includes(gridId));
  if (filter.microGridId) {
    const micro = await store.get('microGrids', filter.microGridId);
    if (
      !micro ||
      !inScope(micro.gridId, micro.communityId) ||
      (filter.gridId && micro.gridId !== filter.gridId)
    )
      throw new AppError('MICRO_GRID.NOT_FOUND');
    return [{ microGridId: micro._id }];
  }
  if (filter.gridId) {
    const grid = await store.get('grids', filter.gridId);
    if (!grid || !inScope(grid._id, grid.communityId)) throw new AppError('GRID.NOT_FOUND');
    return [{ gridId: grid._id }];
  }
  return scope.kind === 'community'
    ? [{ communityId: scope.communityId }]
    : scope.gridIds.map((gridId) => ({ gridId }));
}
