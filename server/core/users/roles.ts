import type { Me, RoleGrant } from '../../../typings/user';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from './actor';
import { meView } from './me-view';
import type { User } from './model';
import { isCommunityStaff, requireCommunityStaff, sameGrant } from './permissions';
import { overseesCommunity } from '../street/scope';
import { withRoles } from './role-keys';

/** Checks that the grant names a real scope: a leader's grid, a worker's micro-grid, in the community. */
async function normalizeGrant(deps: Pick<Deps, 'store'>, grant: RoleGrant): Promise<RoleGrant> {
  const { store } = deps;
  const community = await store.get('communities', grant.communityId);
  if (!community) throw new AppError('COMMUNITY.NOT_FOUND');
  switch (grant.role) {
    case 'leader': {
      if (!grant.gridId || grant.microGridId) throw new AppError('USER.ROLE_SCOPE_INVALID');
      const grid = await store.get('grids', grant.gridId);
      if (!grid || grid.communityId !== grant.communityId) throw new AppError('GRID.NOT_FOUND');
      return { role: 'leader', communityId: grant.communityId, gridId: grid._id };
    }
    case 'worker': {
      if (!grant.microGridId) throw new AppError('USER.ROLE_SCOPE_INVALID');
      const microGrid = await store.get('microGrids', grant.microGridId);
      if (!microGrid || microGrid.communityId !== grant.communityId)
        throw new AppError('MICRO_GRID.NOT_FOUND');
      if (grant.gridId && grant.gridId !== microGrid.gridId) throw new AppError('USER.ROLE_SCOPE_INVALID');
      return {
        role: 'worker',
        communityId: grant.communityId,
        gridId: microGrid.gridId,
        microGridId: microGrid._id,
      };
    }
    default:
      if (grant.gridId || grant.microGridId) throw new AppError('USER.ROLE_SCOPE_INVALID');
      return { role: grant.role, communityId: grant.communityId };
  }
}

async function changeRoles(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  input: { userId: string; grant: RoleGrant },
  change: (roles: RoleGrant[], grant: RoleGrant) => RoleGrant[],
): Promise<Me> {
  const { store } = deps;
  const actor = await loadActor(store, caller);
  // The office of the community's street may grant too: a community it has just created has no staff yet.
  if (!isCommunityStaff(actor, input.grant.communityId)) {
    if (!(await overseesCommunity(store, actor._id, input.grant.communityId)))
      requireCommunityStaff(actor, input.grant.communityId);
  }
  const grant = await normalizeGrant(deps, input.grant);
  const target = await store.get('users', input.userId);
  if (!target) throw new AppError('USER.NOT_FOUND');
  const roles = change(target.roles, grant);
  const updated = await store.update(
    'users',
    target._id,
    { ...withRoles(roles), updatedAt: toIso(deps.clock.now()), version: target.version + 1 },
    { ifVersion: target.version },
  );
  if (!updated) throw new AppError('STORE.CONFLICT');
  return meView(store, { ...target, roles } as User);
}

/**
 * Staff grant a role in their own community, the street office in its communities (their first staff among
 * them). Granting a role the user holds changes nothing.
 */
export function grantRole(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  input: { userId: string; grant: RoleGrant },
): Promise<Me> {
  return changeRoles(deps, caller, input, (roles, grant) =>
    roles.some((g) => sameGrant(g, grant)) ? roles : [...roles, grant],
  );
}

/** Staff revoke a role in their own community; nobody revokes their own staff role (no lock-out). */
export async function revokeRole(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  input: { userId: string; grant: RoleGrant },
): Promise<Me> {
  const actor = await loadActor(deps.store, caller);
  if (actor._id === input.userId && (input.grant.role === 'staff' || input.grant.role === 'secretary')) {
    throw new AppError('USER.SELF_REVOKE');
  }
  return changeRoles(deps, caller, input, (roles, grant) => roles.filter((g) => !sameGrant(g, grant)));
}
