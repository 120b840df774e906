/** The `user` cloud function: identity, roles and household binding. */
import type { ActionDef, Id, IsoTime } from './common';

/**
 * resident 居民; worker 网格员; leader 网格长; staff 社区工作人员; secretary 书记 (the community's
 * party secretary: receives 书记信箱 letters and top escalations).
 */
export type Role = 'resident' | 'worker' | 'leader' | 'staff' | 'secretary';

/** A role held in a scope: the community always; the grid for a leader; the micro-grid for a worker. */
export interface RoleGrant {
  role: Role;
  communityId: Id;
  gridId?: Id;
  microGridId?: Id;
}

export interface HouseholdSummary {
  householdId: Id;
  communityId: Id;
  gridId: Id;
  microGridId: Id;
  /** e.g. 文明村小区 3号楼 2单元 501 — shown to its own members only. */
  address: string;
}

/** Who am I: what the mini-program needs to adapt its home to the user's roles. */
export interface Me {
  userId: Id;
  name: string;
  roles: RoleGrant[];
  household: HouseholdSummary | null;
  createdAt: IsoTime;
}

export type UserActions = {
  /** Create or fetch the caller's user by the platform's openid. */
  login: ActionDef<{ name?: string }, Me>;
  me: ActionDef<Record<string, never>, Me>;
  /** Staff only, within their community. */
  grantRole: ActionDef<{ userId: Id; grant: RoleGrant }, Me>;
  revokeRole: ActionDef<{ userId: Id; grant: RoleGrant }, Me>;
  /** Staff bind any user; a resident binds themself (e.g. after scanning the household's code). */
  bindHousehold: ActionDef<{ userId?: Id; householdId: Id }, Me>;
};
