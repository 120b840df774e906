/**
 * The demo world matches the seed page (15 grids, 9 + 6, 38 micro-grids in 吴家园社区) and is coherent:
 * every building's address and geofence name the same micro-grid, every micro-grid has a primary worker,
 * polygons tile as they claim, and the seed's cases have their places and people.
 */
import type { Boundary, Grid, Position } from '../../server/core/grids/model';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import type { CollectionName } from '../../server/core/store/collections';
import { buildDemo } from '../../server/demo/generate';
import { demoUsers, seedDemo } from '../../server/demo/seed';
import type { DemoData } from '../../server/demo/types';
import { area, boxesOverlap, boxOf, contains, polygonsOf, ringsOf, signedArea } from './polygon';

const data: DemoData = buildDemo();
const METRES_PER_DEGREE = 111195;

function byId<T extends { _id: string }>(docs: T[], id: string | null | undefined): T {
  const doc = docs.find((d) => d._id === id);
  if (!doc) throw new Error(`no document ${id}`);
  return doc;
}
function community(name: string) {
  const found = data.communities.find((c) => c.name === name);
  if (!found) throw new Error(`no community ${name}`);
  return found;
}
function boundaryOf(doc: { _id: string; boundary: Boundary | null }): Boundary {
  if (!doc.boundary) throw new Error(`${doc._id} has no boundary`);
  return doc.boundary;
}
function pointOf(location: { lat: number; lng: number } | null): Position {
  if (!location) throw new Error('no location');
  return [location.lng, location.lat];
}
const gridsOf = (communityId: string) => data.grids.filter((g) => g.communityId === communityId);
const microGridsOf = (grid: Grid) => data.microGrids.filter((m) => m.gridId === grid._id);
const communityMicroGrids = (communityId: string) =>
  data.microGrids.filter(
    (m) => m.communityId === communityId && byId(data.grids, m.gridId).kind === 'community',
  );
const exclusiveGrids = (communityId: string) => gridsOf(communityId).filter((g) => g.kind === 'exclusive');

describe('吴家园社区 as the seed page counts it', () => {
  const wujiayuan = community('吴家园社区');
  const grids = gridsOf(wujiayuan._id);

  it('has 15 grids: 9 community grids and 6 exclusive grids, each exclusive one naming its unit', () => {
    expect(grids).toHaveLength(15);
    expect(grids.filter((g) => g.kind === 'community').map((g) => g.name)).toEqual([
      '第一网格',
      '第二网格',
      '第三网格',
      '第四网格',
      '第五网格',
      '第六网格',
      '第七网格',
      '第八网格',
      '第九网格',
    ]);
    const exclusive = grids.filter((g) => g.kind === 'exclusive');
    expect(exclusive).toHaveLength(6);
    expect(exclusive.map((g) => g.unitName)).toEqual(
      expect.arrayContaining(['吴家园小学', '建兰路农贸市场']),
    );
    for (const g of exclusive) expect(g.unitName).toBeTruthy();
    for (const g of grids.filter((x) => x.kind === 'community')) expect(g.unitName).toBeNull();
  });

  it('has 38 micro-grids, named after their grid', () => {
    const micro = data.microGrids.filter((m) => m.communityId === wujiayuan._id);
    expect(micro).toHaveLength(38);
    expect(byId(data.microGrids, 'mg_wujiayuan_02_2').name).toBe('第二网格-2号微网格');
    for (const m of micro) {
      const grid = byId(data.grids, m.gridId);
      expect(m.name).toBe(`${grid.kind === 'exclusive' ? grid.unitName : grid.name}-${m.sort}号微网格`);
    }
  });

  it('puts roughly ten residents in their households, and a secretary the community points to', () => {
    const residents = data.users.filter((u) =>
      u.roles.some((r) => r.role === 'resident' && r.communityId === wujiayuan._id),
    );
    expect(residents.length).toBeGreaterThanOrEqual(8);
    expect(residents.length).toBeLessThanOrEqual(12);
    const secretary = byId(data.users, wujiayuan.secretaryUserId);
    expect(secretary.roles).toContainEqual({ role: 'secretary', communityId: wujiayuan._id });
    expect(wujiayuan.config.nearMissMetres).toBe(50);
    expect(wujiayuan).toMatchObject({ city: '兰州市', district: '七里河区', street: '建兰路街道' });
    expect(Math.abs(wujiayuan.center.lat - 36.06)).toBeLessThan(0.01);
    expect(Math.abs(wujiayuan.center.lng - 103.78)).toBeLessThan(0.01);
  });
});

describe('the grid force', () => {
  it('gives every grid exactly one leader, on the grid and holding the leader grant', () => {
    for (const grid of data.grids) {
      const leaders = data.members.filter((m) => m.gridId === grid._id && m.duty === 'leader');
      expect(leaders).toHaveLength(1);
      const leader = leaders[0]!;
      expect(leader.microGridId).toBeNull();
      expect(byId(data.users, leader.userId).roles).toContainEqual({
        role: 'leader',
        communityId: grid.communityId,
        gridId: grid._id,
      });
    }
  });

  it('gives every micro-grid a worker, exactly one primary and on duty, holding the worker grant', () => {
    let twoWorkers = 0;
    for (const micro of data.microGrids) {
      const workers = data.members.filter((m) => m.microGridId === micro._id && m.duty === 'worker');
      expect(workers.length).toBeGreaterThanOrEqual(1);
      const primaries = workers.filter((w) => w.primary);
      expect(primaries).toHaveLength(1);
      expect(primaries[0]!.onDuty).toBe(true);
      if (workers.length > 1) twoWorkers++;
      for (const w of workers) {
        expect(w.gridId).toBe(micro.gridId);
        expect(byId(data.users, w.userId).roles).toContainEqual({
          role: 'worker',
          communityId: micro.communityId,
          gridId: micro.gridId,
          microGridId: micro._id,
        });
      }
    }
    expect(twoWorkers).toBeGreaterThan(0);
  });

  it('lists 1+4+X extras (police, property, volunteer) whose places exist', () => {
    const duties = new Set(data.members.map((m) => m.duty));
    for (const duty of ['police', 'property', 'volunteer'] as const) expect(duties).toContain(duty);
    for (const m of data.members) {
      const grid = byId(data.grids, m.gridId);
      expect(m.communityId).toBe(grid.communityId);
      if (m.microGridId) expect(byId(data.microGrids, m.microGridId).gridId).toBe(grid._id);
    }
  });

  it('gives each community staff and a secretary', () => {
    for (const c of data.communities) {
      const holds = (role: string) =>
        data.users.some((u) => u.roles.some((r) => r.role === role && r.communityId === c._id));
      expect([c.name, holds('staff'), holds('secretary')]).toEqual([c.name, true, true]);
      expect(byId(data.users, c.secretaryUserId).roles).toContainEqual({
        role: 'secretary',
        communityId: c._id,
      });
    }
  });
});

describe('buildings and households', () => {
  it('registers every building to one existing micro-grid of its own grid, estate and community', () => {
    for (const b of data.buildings) {
      const micro = byId(data.microGrids, b.microGridId);
      expect([b._id, micro.gridId, micro.communityId]).toEqual([b._id, b.gridId, b.communityId]);
      expect(byId(data.estates, b.estateId).communityId).toBe(b.communityId);
      expect(byId(data.grids, b.gridId).kind).toBe('community');
      expect(b.floors).toBeGreaterThanOrEqual(1);
    }
  });

  it('puts every building inside its micro-grid, inside no other micro-grid, and outside every exclusive grid', () => {
    for (const b of data.buildings) {
      const point = pointOf(b.location);
      const holders = communityMicroGrids(b.communityId).filter((m) => contains(boundaryOf(m), point));
      expect([b._id, holders.map((m) => m._id)]).toEqual([b._id, [b.microGridId]]);
      const exclusive = exclusiveGrids(b.communityId).filter((g) => contains(boundaryOf(g), point));
      expect([b._id, exclusive]).toEqual([b._id, []]);
    }
  });

  it('gives each community micro-grid a few buildings, each a handful of households', () => {
    for (const micro of communityMicroGrids(community('吴家园社区')._id)) {
      const count = data.buildings.filter((b) => b.microGridId === micro._id).length;
      expect([micro._id, count >= 2 && count <= 4]).toEqual([micro._id, true]);
    }
    for (const b of data.buildings) {
      const count = data.households.filter((h) => h.buildingId === b._id).length;
      expect([b._id, count >= 6 && count <= 13]).toEqual([b._id, true]);
    }
  });

  it('places every household where its building is, on a floor the building has', () => {
    for (const h of data.households) {
      const b = byId(data.buildings, h.buildingId);
      expect([h._id, h.communityId, h.gridId, h.microGridId]).toEqual([
        h._id,
        b.communityId,
        b.gridId,
        b.microGridId,
      ]);
      const floor = Math.floor(Number(h.room) / 100);
      expect(floor >= 1 && floor <= (b.floors ?? 0)).toBe(true);
      expect(h.unit).toMatch(/^\d+单元$/);
    }
    const tags = new Set(data.households.flatMap((h) => h.tags));
    expect([...tags].sort()).toEqual(['disabled', 'elderly', 'hardship', 'leftBehindChild']);
  });

  it('binds every resident to an existing household of the community of their resident grant', () => {
    const residents = data.users.filter((u) => u.roles.some((r) => r.role === 'resident'));
    expect(residents.length).toBeGreaterThanOrEqual(15);
    for (const u of residents) {
      const household = byId(data.households, u.householdId);
      expect(u.roles).toContainEqual({ role: 'resident', communityId: household.communityId });
    }
  });
});

describe('polygons', () => {
  const placed = [...data.grids, ...data.microGrids];

  it('closes every ring, with at least three corners, the outer one counter-clockwise', () => {
    for (const doc of placed) {
      const boundary = boundaryOf(doc);
      for (const ring of ringsOf(boundary)) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
      const outers =
        boundary.type === 'Polygon' ? [boundary.coordinates[0]!] : boundary.coordinates.map((p) => p[0]!);
      for (const outer of outers) expect(signedArea(outer)).toBeGreaterThan(0);
    }
  });

  it('uses a MultiPolygon for the two stretches of 建兰路商业街', () => {
    const street = data.grids.find((g) => g.unitName === '建兰路商业街');
    expect(street?.boundary?.type).toBe('MultiPolygon');
  });

  it('tiles each grid by its micro-grids: corners inside the grid, areas adding up', () => {
    for (const grid of data.grids) {
      const micro = microGridsOf(grid);
      for (const m of micro) {
        for (const corner of ringsOf(boundaryOf(m)).flat())
          expect(contains(boundaryOf(grid), corner) || onRing(grid, corner)).toBe(true);
      }
      const sum = micro.reduce((acc, m) => acc + area(boundaryOf(m)), 0);
      expect(Math.abs(sum - area(boundaryOf(grid))) / area(boundaryOf(grid))).toBeLessThan(1e-9);
    }
  });

  it('covers each community with its community micro-grids exactly once, exclusive grids lying over them', () => {
    for (const c of data.communities) {
      const micro = communityMicroGrids(c._id).map(boundaryOf);
      const box = boxOf(micro);
      // Sample points off any lattice line: each falls in exactly one community micro-grid.
      for (let i = 0; i < 37; i++) {
        for (let j = 0; j < 41; j++) {
          const point: Position = [
            box.west + ((i + 0.5137) / 37) * (box.east - box.west),
            box.south + ((j + 0.4871) / 41) * (box.north - box.south),
          ];
          expect([c.name, point, micro.filter((m) => contains(m, point)).length]).toEqual([c.name, point, 1]);
        }
      }
      // Exclusive grids lie over community grids, wholly: every corner is in (or on) a community grid.
      const communityGrids = gridsOf(c._id).filter((g) => g.kind === 'community');
      for (const g of exclusiveGrids(c._id)) {
        for (const corner of ringsOf(boundaryOf(g)).flat()) {
          const covered = communityGrids.some((cg) => contains(boundaryOf(cg), corner) || onRing(cg, corner));
          expect([g._id, corner, covered]).toEqual([g._id, corner, true]);
        }
      }
    }
  });

  it('keeps micro-grids a plausible size: each polygon 80–400 m across', () => {
    for (const m of data.microGrids) {
      for (const rings of polygonsOf(boundaryOf(m))) {
        const box = boxOf([{ type: 'Polygon', coordinates: rings }]);
        const lat = (box.south + box.north) / 2;
        const width = (box.east - box.west) * METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
        const height = (box.north - box.south) * METRES_PER_DEGREE;
        const across = Math.max(width, height);
        expect([m._id, across >= 80 && across <= 400]).toEqual([m._id, true]);
      }
    }
  });

  it('places the communities apart from each other, all in Lanzhou', () => {
    const boxes = data.communities.map((c) => ({ name: c.name, box: boxOf(gridsOf(c._id).map(boundaryOf)) }));
    for (const { name, box } of boxes) {
      expect([
        name,
        box.south >= 36.03 && box.north <= 36.1 && box.west >= 103.7 && box.east <= 103.9,
      ]).toEqual([name, true]);
      for (const other of boxes)
        if (other.name !== name)
          expect([name, other.name, boxesOverlap(box, other.box)]).toEqual([name, other.name, false]);
    }
  });
});

function onRing(grid: Grid, [x, y]: Position): boolean {
  return ringsOf(boundaryOf(grid)).some((ring) =>
    ring.some((a, i) => {
      const b = ring[i + 1];
      if (!b) return false;
      const within =
        x >= Math.min(a[0], b[0]) &&
        x <= Math.max(a[0], b[0]) &&
        y >= Math.min(a[1], b[1]) &&
        y <= Math.max(a[1], b[1]);
      return within && (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) === 0;
    }),
  );
}

describe('the seed cases', () => {
  const estateIn = (communityName: string, estateName: string) => {
    const c = community(communityName);
    const estate = data.estates.find((e) => e.communityId === c._id && e.name === estateName);
    if (!estate) throw new Error(`no ${estateName} in ${communityName}`);
    return estate;
  };
  const buildingsOf = (estateId: string) => data.buildings.filter((b) => b.estateId === estateId);
  const residentNamed = (name: string) => {
    const user = data.users.find((u) => u.name === name && u.householdId);
    if (!user) throw new Error(`no resident ${name}`);
    const household = byId(data.households, user.householdId);
    return { user, household, building: byId(data.buildings, household.buildingId) };
  };

  it('飞线充电: 刘女士 lives on the 7th floor of 焦家湾社区 六四一三小区 2号楼, a property manager on her grid', () => {
    const c = community('焦家湾社区');
    expect(c).toMatchObject({ city: '兰州市', district: '城关区', street: '焦家湾街道' });
    const building = buildingsOf(estateIn('焦家湾社区', '六四一三小区')._id).find((b) => b.name === '2号楼');
    expect(building?._id).toBe('b_jiaojiawan_6413_2');
    expect(building?.floors).toBeGreaterThanOrEqual(7);
    const liu = residentNamed('刘女士');
    expect(liu.user.openid).toBe('dev-resident-liu');
    expect(liu.building._id).toBe('b_jiaojiawan_6413_2');
    expect(liu.household.room).toMatch(/^7\d\d$/);
    expect(data.members.some((m) => m.gridId === liu.building.gridId && m.duty === 'property')).toBe(true);
    expect(byId(data.users, c.secretaryUserId).name).toBe('马海龙');
  });

  it('下水井堵塞: three residents of 五里铺村社区 文明村小区, several buildings, 书记 孙晨', () => {
    const c = community('五里铺村社区');
    expect(c.street).toBe('拱星墩街道');
    const estate = estateIn('五里铺村社区', '文明村小区');
    expect(buildingsOf(estate._id).length).toBeGreaterThanOrEqual(4);
    for (const name of ['王叔', '何先生', '赵阿姨'])
      expect(residentNamed(name).building.estateId).toBe(estate._id);
    expect(byId(data.users, c.secretaryUserId).name).toBe('孙晨');
  });

  it('停水: 张家园社区 中路口27号小区, buildings of 6+ floors, a resident above the 2nd floor, worker 魏菁华', () => {
    const estate = estateIn('张家园社区', '中路口27号小区');
    const buildings = buildingsOf(estate._id);
    expect(buildings.length).toBeGreaterThanOrEqual(1);
    for (const b of buildings) expect(b.floors).toBeGreaterThanOrEqual(6);
    const chen = residentNamed('陈大爷');
    expect(chen.building.estateId).toBe(estate._id);
    expect(Number(chen.household.room)).toBeGreaterThanOrEqual(300);
    const wei = data.users.find((u) => u.name === '魏菁华');
    const weiMember = data.members.find((m) => m.userId === wei?._id);
    expect(weiMember).toMatchObject({
      duty: 'worker',
      primary: true,
      microGridId: chen.building.microGridId,
    });
  });

  it('海亮实验学校: an exclusive grid of 大砂坪社区 lying over a community micro-grid', () => {
    const c = community('大砂坪社区');
    expect(c.street).toBe('草场街街道');
    const school = exclusiveGrids(c._id).find((g) => g.unitName === '海亮实验学校');
    if (!school) throw new Error('no 海亮实验学校');
    const box = boxOf([boundaryOf(school)]);
    const middle: Position = [(box.west + box.east) / 2, (box.south + box.north) / 2];
    expect(contains(boundaryOf(school), middle)).toBe(true);
    expect(communityMicroGrids(c._id).filter((m) => contains(boundaryOf(m), middle))).toHaveLength(1);
  });
});

describe('ids and runs', () => {
  it('gives every document a unique id, and every user a unique openid', () => {
    const ids = Object.values(data).flatMap((docs: Array<{ _id: string }>) => docs.map((d) => d._id));
    expect(new Set(ids).size).toBe(ids.length);
    const openids = data.users.map((u) => u.openid);
    expect(new Set(openids).size).toBe(openids.length);
    for (const u of data.users)
      expect(u).toMatchObject({ createdAt: '2026-01-01T09:00:00+08:00', version: 1 });
  });

  it('builds the same world on every run', () => {
    expect(buildDemo()).toEqual(data);
  });

  it('names featured users that exist', () => {
    const featured = demoUsers();
    expect(featured.length).toBeGreaterThanOrEqual(8);
    for (const f of featured) {
      const user = data.users.find((u) => u.openid === f.openid);
      expect([f.openid, user?.name]).toEqual([f.openid, f.name]);
      expect(f.community).toMatch(/社区$/);
    }
  });

  it('seeds a SQLite store with as many documents as the summary says', async () => {
    const store = new SqliteStore(':memory:');
    try {
      const summary = await seedDemo(store);
      expect(summary).toEqual({
        communities: data.communities.length,
        grids: data.grids.length,
        microGrids: data.microGrids.length,
        households: data.households.length,
        users: data.users.length,
      });
      expect(summary.communities).toBe(5);
      const counts: Partial<Record<CollectionName, number>> = {};
      for (const name of [
        'communities',
        'grids',
        'microGrids',
        'estates',
        'buildings',
        'households',
        'members',
        'users',
      ] as const) {
        counts[name] = await store.count(name);
      }
      expect(counts).toEqual({
        communities: summary.communities,
        grids: summary.grids,
        microGrids: summary.microGrids,
        estates: data.estates.length,
        buildings: data.buildings.length,
        households: summary.households,
        members: data.members.length,
        users: summary.users,
      });
      expect(await store.count('grids', { communityId: 'c_wujiayuan' })).toBe(15);
      expect(await store.count('microGrids', { communityId: 'c_wujiayuan' })).toBe(38);
      const [liu] = await store.find('users', { where: { openid: 'dev-resident-liu' } });
      expect(liu?.householdId).toBe('h_jiaojiawan_6413_2_1_701');
    } finally {
      store.close();
    }
  });
});
