/**
 * The demo's street offices: a Street per definition entry owning its communities, its officer as a user,
 * and the GB/T 30428.1 unit-grid codes of every grid and micro-grid (area 6 + street 3 + community 3 +
 * sequence 3: grids first in sort order, then micro-grids by grid and sort).
 */
import { withRoles } from '../core/users/role-keys';
import type { StreetDef, DemoData } from './types';
import { demoIds } from './ids';
import { DEMO_TIME } from './people';

const pad = (n: number) => String(n).padStart(3, '0');

/** Adds streets, their officers and the codes to the demo data (in place: it is being built). */
export function addStreets(
  data: DemoData,
  streets: readonly StreetDef[],
  communityKey: (id: string) => string,
): void {
  for (const def of streets) {
    const openid = `dev-street-${def.key}`;
    const officer = {
      _id: demoIds.user(openid),
      openid,
      name: def.officer,
      phone: null,
      ...withRoles([]),
      householdId: null,
      createdAt: DEMO_TIME,
      updatedAt: DEMO_TIME,
      version: 1,
    };
    const streetId = `s_${def.key}`;
    data.users.push(officer);
    data.streets.push({
      _id: streetId,
      name: def.name,
      city: '兰州市',
      district: def.district,
      areaCode: def.areaCode,
      streetCode: def.streetCode,
      officerUserIds: [officer._id],
      createdAt: DEMO_TIME,
    });
    def.communities.forEach((key, i) => {
      const community = data.communities.find((c) => communityKey(c._id) === key);
      if (!community) throw new Error(`demo: street ${def.name} names no community ${key}`);
      const communityCode = pad(i + 1);
      Object.assign(community, { streetId, communityCode });
      const prefix = `${def.areaCode}${def.streetCode}${communityCode}`;
      const grids = data.grids.filter((g) => g.communityId === community._id).sort((a, b) => a.sort - b.sort);
      const order = new Map(grids.map((g, n) => [g._id, n]));
      const micro = data.microGrids
        .filter((m) => m.communityId === community._id)
        .sort((a, b) => order.get(a.gridId)! - order.get(b.gridId)! || a.sort - b.sort);
      [...grids, ...micro].forEach((doc, n) => (doc.code = `${prefix}${pad(n + 1)}`));
    });
  }
}
