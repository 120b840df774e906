/**
 * The people of one community: members of the grid force (leader per grid, workers per micro-grid, the
 * "1+4+X" extras) and their users, the community's staff and secretary, and residents bound to households.
 * Openids are readable (dev-worker-wujiayuan-02-2) because the local cloud lets a developer act as anyone.
 */
import { withRoles } from '../core/users/role-keys';
import type { Member, MemberDuty } from '../core/grids/model';
import type { User } from '../core/users/model';
import type { RoleGrant } from '../../typings/user';
import { demoIds, demoOpenids } from './ids';
import type { CommunityDef, ExtraDef } from './types';

/** Every demo user was created at the same moment, so that runs compare equal. */
export const DEMO_TIME = '2026-01-01T09:00:00+08:00';

export interface CommunityPeople {
  members: Member[];
  users: User[];
  secretaryUserId: string;
}

/** Fake but well-formed mobile numbers (0931 is Lanzhou's area code), one per person who works a grid. */
function phoneOf(serial: number): string {
  return `1390931${String(serial).padStart(4, '0')}`;
}

/** Members and users of one community. `phoneSerial` numbers phones across communities. */
export function buildPeople(def: CommunityDef, phoneSerial: { next: number }): CommunityPeople {
  const communityId = demoIds.community(def.key);
  const users = new Map<string, User>();
  const members: Member[] = [];

  const addUser = (openid: string, name: string, grant: RoleGrant | null, withPhone: boolean): User => {
    if (users.has(openid)) throw new Error(`demo: openid ${openid} is used twice`);
    const user: User = {
      _id: demoIds.user(openid),
      openid,
      name,
      phone: withPhone ? phoneOf(phoneSerial.next++) : null,
      roles: grant ? [grant] : [],
      roleKeys: [],
      householdId: null,
      createdAt: DEMO_TIME,
      updatedAt: DEMO_TIME,
      version: 1,
    };
    users.set(openid, user);
    return user;
  };
  const addMember = (
    gridNo: number,
    micro: number | null,
    duty: MemberDuty,
    index: number | null,
    userId: string,
    primary: boolean,
  ): void => {
    members.push({
      _id: demoIds.member(def.key, gridNo, micro, duty, index),
      communityId,
      gridId: demoIds.grid(def.key, gridNo),
      microGridId: micro === null ? null : demoIds.microGrid(def.key, gridNo, micro),
      userId,
      duty,
      primary,
      onDuty: true,
    });
  };

  def.staff.forEach((name, i) =>
    addUser(demoOpenids.staff(def.key, i), name, { role: 'staff', communityId }, true),
  );
  const secretary = addUser(
    demoOpenids.secretary(def.key),
    def.secretary,
    { role: 'secretary', communityId },
    true,
  );

  for (const grid of [...def.grids, ...def.exclusiveGrids]) {
    const gridId = demoIds.grid(def.key, grid.no);
    const leader = addUser(
      demoOpenids.leader(def.key, grid.no),
      grid.leader,
      { role: 'leader', communityId, gridId },
      true,
    );
    addMember(grid.no, null, 'leader', null, leader._id, false);
    grid.microGrids.forEach(({ workers }, m) => {
      const micro = m + 1;
      const microGridId = demoIds.microGrid(def.key, grid.no, micro);
      if (workers.length === 0) throw new Error(`demo: ${microGridId} has no worker`);
      workers.forEach((name, w) => {
        const grant: RoleGrant = { role: 'worker', communityId, gridId, microGridId };
        const worker = addUser(demoOpenids.worker(def.key, grid.no, micro, w), name, grant, true);
        // The first worker is the micro-grid's primary, the one routing assigns first.
        addMember(grid.no, micro, 'worker', w + 1, worker._id, w === 0);
      });
    });
    addExtras(grid.no, grid.extras ?? []);
  }

  function addExtras(gridNo: number, extras: ExtraDef[]): void {
    const perDuty = new Map<string, number>();
    for (const extra of extras) {
      // Extras hold no role: they are on the grid's force list, not users of the work queues.
      const user = addUser(
        demoOpenids.extra(def.key, extra.duty, gridNo, extra.microGrid),
        extra.name,
        null,
        true,
      );
      const index = (perDuty.get(extra.duty) ?? 0) + 1;
      perDuty.set(extra.duty, index);
      addMember(gridNo, extra.microGrid ?? null, extra.duty, index, user._id, false);
    }
  }

  for (const resident of def.residents) {
    const { estate, building, unit, room } = resident.home;
    const householdId = demoIds.household(def.key, estate, building, unit, room);
    const existing = users.get(resident.openid);
    if (existing && existing.name !== resident.name) {
      throw new Error(`demo: resident ${resident.name} reuses the openid of ${existing.name}`);
    }
    const user = existing ?? addUser(resident.openid, resident.name, null, false);
    user.roles.push({ role: 'resident', communityId });
    user.householdId = householdId;
  }

  // Written last, once every grant is in: the derived field follows the roles.
  for (const user of users.values()) Object.assign(user, withRoles(user.roles));
  return { members, users: [...users.values()], secretaryUserId: secretary._id };
}
