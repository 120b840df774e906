/** Who may do what, by role and scope. Roles are granted by staff, never claimed by the client. */
import type { Role, RoleGrant } from '../../../typings/user';
import { AppError } from '../errors';
import type { User } from './model';

export function holds(user: Pick<User, 'roles'>, role: Role, communityId: string): boolean {
  return user.roles.some((g) => g.role === role && g.communityId === communityId);
}

/** Staff and the secretary run the community. */
export function isCommunityStaff(user: Pick<User, 'roles'>, communityId: string): boolean {
  return holds(user, 'staff', communityId) || holds(user, 'secretary', communityId);
}

export function requireCommunityStaff(user: Pick<User, 'roles'>, communityId: string): void {
  if (!isCommunityStaff(user, communityId)) throw new AppError('AUTH.FORBIDDEN');
}

export function sameGrant(a: RoleGrant, b: RoleGrant): boolean {
  return (
    a.role === b.role &&
    a.communityId === b.communityId &&
    (a.gridId ?? null) === (b.gridId ?? null) &&
    (a.microGridId ?? null) === (b.microGridId ?? null)
  );
}

/** The communities in which the user holds any role. */
export function communitiesOf(user: Pick<User, 'roles'>): string[] {
  return [...new Set(user.roles.map((g) => g.communityId))];
}
