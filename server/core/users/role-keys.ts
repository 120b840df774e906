import type { Role, RoleGrant } from '../../../typings/user';

/** The key a grant is found by: "staff:c_wujiayuan". */
export function roleKey(role: Role, communityId: string): string {
  return `${role}:${communityId}`;
}

/** The grants with their derived `roleKeys`: every write of a user's roles goes through here, so both agree. */
export function withRoles(roles: RoleGrant[]): { roles: RoleGrant[]; roleKeys: string[] } {
  return { roles, roleKeys: [...new Set(roles.map((g) => roleKey(g.role, g.communityId)))] };
}
