/** Loads the demo world into a store, and names the demo users worth acting as. */
import type { Store } from '../core/ports/store';
import { bumpGridMapVersion } from '../core/routing/index-cache';
import type { RoleGrant } from '../../typings/user';
import type { User } from '../core/users/model';
import { buildDemo } from './generate';
import { DEMO_TIME } from './people';
import type { DemoData } from './types';

export interface DemoSummary {
  communities: number;
  grids: number;
  microGrids: number;
  households: number;
  users: number;
}

/** Inserts the whole demo world; the caller decides whether the store is empty enough for it. */
export async function seedDemo(store: Store): Promise<DemoSummary> {
  const data = buildDemo();
  await store.insertMany('communities', data.communities);
  await store.insertMany('grids', data.grids);
  await store.insertMany('microGrids', data.microGrids);
  await store.insertMany('estates', data.estates);
  await store.insertMany('buildings', data.buildings);
  await store.insertMany('households', data.households);
  await store.insertMany('users', data.users);
  await store.insertMany('members', data.members);
  await store.insertMany('streets', data.streets);
  // New boundaries: a routing index kept warm from before (say, before a reset) must rebuild.
  await bumpGridMapVersion(store, DEMO_TIME);
  return {
    communities: data.communities.length,
    grids: data.grids.length,
    microGrids: data.microGrids.length,
    households: data.households.length,
    users: data.users.length,
  };
}

/** The demo users a developer most often acts as, and the seed case each one plays. */
const FEATURED: Array<{ openid: string; plays?: string }> = [
  { openid: 'dev-staff-wujiayuan', plays: '通知到户, 网格地图' },
  { openid: 'dev-secretary-wujiayuan', plays: '书记信箱' },
  { openid: 'dev-leader-wujiayuan-02' },
  { openid: 'dev-worker-wujiayuan-02-2' },
  { openid: 'dev-resident-li', plays: '低保认证' },
  { openid: 'dev-resident-liu', plays: '飞线充电' },
  { openid: 'dev-worker-jiaojiawan-01-1', plays: '飞线充电' },
  { openid: 'dev-resident-wang', plays: '下水井堵塞' },
  { openid: 'dev-secretary-wulipucun', plays: '下水井堵塞 via 书记信箱' },
  { openid: 'dev-resident-chen', plays: '停水' },
  { openid: 'dev-worker-zhangjiayuan-01-1', plays: '停水' },
  { openid: 'dev-worker-dashaping-03-1', plays: '海亮实验学校' },
];

/** The featured demo users with their roles in words, for the local cloud to print at start. */
export function demoUsers(): Array<{ openid: string; name: string; roles: string; community: string }> {
  const data = buildDemo();
  return FEATURED.map(({ openid, plays }) => {
    const user = data.users.find((u) => u.openid === openid);
    if (!user) throw new Error(`demo: featured user ${openid} is not in the demo`);
    const communityId = user.roles[0]?.communityId;
    const community = data.communities.find((c) => c._id === communityId)?.name ?? '';
    const roles = user.roles.map((grant) => roleInWords(data, grant, user)).join(' + ');
    return { openid, name: user.name, roles: plays ? `${roles} (${plays})` : roles, community };
  });
}

function roleInWords(data: DemoData, grant: RoleGrant, user: User): string {
  switch (grant.role) {
    case 'staff':
      return '社区工作人员';
    case 'secretary':
      return '书记';
    case 'leader':
      return `网格长 ${data.grids.find((g) => g._id === grant.gridId)?.name ?? ''}`;
    case 'worker': {
      const primary = data.members.some(
        (m) => m.userId === user._id && m.microGridId === grant.microGridId && m.primary,
      );
      const name = data.microGrids.find((m) => m._id === grant.microGridId)?.name ?? '';
      return `网格员 ${name}${primary ? ' 主责' : ''}`;
    }
    case 'resident':
      return `居民 ${addressOf(data, user.householdId)}`;
  }
}

/** 六四一三小区 2号楼 1单元 701 */
export function addressOf(data: DemoData, householdId: string | null): string {
  const household = data.households.find((h) => h._id === householdId);
  const building = data.buildings.find((b) => b._id === household?.buildingId);
  const estate = data.estates.find((e) => e._id === building?.estateId);
  if (!household || !building || !estate) return '';
  return `${estate.name} ${building.name} ${household.unit} ${household.room}`;
}
