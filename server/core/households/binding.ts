/**
 * The one write that puts a user into a household, or takes them out, inside the caller's transaction: the
 * household, the resident role of its community (a role that comes from the household ends with it), and
 * the code's use count.
 */
import type { RoleGrant } from '../../../typings/user';
import { AppError } from '../errors';
import type { Household } from '../grids/model';
import type { Tx } from '../ports/store';
import { toIso } from '../time/shanghai';
import type { User } from '../users/model';
import { withRoles } from '../users/role-keys';

const isResidentOf = (communityId: string) => (g: RoleGrant) =>
  g.role === 'resident' && g.communityId === communityId;

export async function writeBinding(
  tx: Tx,
  now: Date,
  userId: string,
  household: Household,
  codeId: string | null,
): Promise<User> {
  const user = await tx.get('users', userId);
  if (!user) throw new AppError('USER.NOT_FOUND');
  const previous = user.householdId ? await tx.get('households', user.householdId) : null;
  let roles = user.roles;
  if (previous && previous.communityId !== household.communityId)
    roles = roles.filter((g) => !isResidentOf(previous.communityId)(g));
  if (!roles.some(isResidentOf(household.communityId)))
    roles = [...roles, { role: 'resident', communityId: household.communityId }];
  const patch = {
    householdId: household._id,
    ...withRoles(roles),
    updatedAt: toIso(now),
    version: user.version + 1,
  };
  await tx.update('users', user._id, patch);
  if (codeId) {
    const code = await tx.get('householdCodes', codeId);
    if (!code) throw new AppError('HOUSEHOLD.CODE_FORGED');
    await tx.update('householdCodes', code._id, { uses: code.uses + 1, version: code.version + 1 });
  }
  return { ...user, ...patch };
}

export async function writeUnbinding(tx: Tx, now: Date, user: User, household: Household): Promise<User> {
  const roles = user.roles.filter((g) => !isResidentOf(household.communityId)(g));
  const patch = { householdId: null, ...withRoles(roles), updatedAt: toIso(now), version: user.version + 1 };
  await tx.update('users', user._id, patch);
  return { ...user, ...patch };
}
