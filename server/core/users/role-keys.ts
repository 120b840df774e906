import type { Role, RoleGrant } from '../../../typings/user';

/** The key a grant is found by: "staff:c_wujiayuan". */
export function roleKey(role: Role, communityId: string): string {
  return `${role}:${communityId}`;
}

/** The derived `roleKeys` field for a set of grants: write it whenever `roles` is written. */
export function roleKeysOf(roles: RoleGrant[]): string[] {
  return [...new Set(roles.map((g) => roleKey(g.role, g.communityId)))];
}
