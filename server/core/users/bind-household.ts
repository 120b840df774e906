import type { Me } from '../../../typings/user';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from './actor';
import { meView } from './me-view';
import type { User } from './model';
import { requireCommunityStaff } from './permissions';
import { withRoles } from './role-keys';

/**
 * Binds a user to a household (户), which makes them a resident of its community. Staff bind anyone in
 * their community; a user binds themself.
 */
export async function bindHousehold(
  deps: Pick<Deps, 'store' | 'clock'>,
  caller: Caller,
  input: { userId?: string; householdId: string },
): Promise<Me> {
  const { store } = deps;
  const actor = await loadActor(store, caller);
  const household = await store.get('households', input.householdId);
  if (!household) throw new AppError('HOUSEHOLD.NOT_FOUND');
  const targetId = input.userId ?? actor._id;
  if (targetId !== actor._id) requireCommunityStaff(actor, household.communityId);
  const target = targetId === actor._id ? actor : await store.get('users', targetId);
  if (!target) throw new AppError('USER.NOT_FOUND');

  const isResident = target.roles.some(
    (g) => g.role === 'resident' && g.communityId === household.communityId,
  );
  const roles = isResident
    ? target.roles
    : [...target.roles, { role: 'resident' as const, communityId: household.communityId }];
  const patch = {
    householdId: household._id,
    ...withRoles(roles),
    updatedAt: toIso(deps.clock.now()),
    version: target.version + 1,
  };
  if (!(await store.update('users', target._id, patch, { ifVersion: target.version })))
    throw new AppError('STORE.CONFLICT');
  return meView(store, { ...target, ...patch } as User);
}
