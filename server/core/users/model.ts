import type { RoleGrant } from '../../../typings/user';

/** A WeChat user of the product. One user may hold several roles (a worker is also a resident). */
export interface User {
  _id: string;
  openid: string;
  name: string;
  /** Personal information: shown only to whom needs it, masked elsewhere. */
  phone: string | null;
  roles: RoleGrant[];
  /**
   * Derived from `roles`, one "role:communityId" per grant, so that the store can find a community's staff
   * (it cannot match inside arrays of objects). Always written together with `roles` (see role-keys.ts).
   */
  roleKeys: string[];
  householdId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The name a user has until they give theirs (WeChat no longer hands out nicknames). */
export const UNNAMED_USER = '微信用户';
