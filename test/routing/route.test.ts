import type { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { bumpGridMapVersion, RoutingIndexCache } from '../../server/core/routing/index-cache';
import { route, type RouteDeps } from '../../server/core/routing/route';
import type { RouteRequest } from '../../server/core/routing/decision';
import { seededStore } from './fixture';

let store: SqliteStore;
let deps: RouteDeps;

beforeEach(async () => {
  store = await seededStore();
  deps = { store, routingIndexes: new RoutingIndexCache() };
});
afterEach(() => store.close());

const at = (lng: number, lat: number): RouteRequest => ({ category: 'garbage', point: { lng, lat } });

describe('geofence', () => {
  it('routes a point inside a micro-grid to it and its on-duty primary worker', async () => {
    const d = await route(deps, at(103.802, 36.002));
    expect(d).toMatchObject({
      rule: 'geofence',
      gridId: 'g1',
      microGridId: 'm1a',
      assigneeUserId: 'u-w1',
      urgent: false,
    });
    expect(d.reason).toBe('坐标位于 第一网格-1号微网格');
  });

  it('does not route a point in a hole to the polygon around it', async () => {
    const d = await route(deps, at(103.805, 36.008));
    expect(d.microGridId).toBe('m2b');
  });

  it('routes a point in the ring around a hole to the holed micro-grid', async () => {
    const d = await route(deps, at(103.801, 36.008));
    expect(d.microGridId).toBe('m2a');
  });

  it('routes points in either part of a MultiPolygon to its micro-grid', async () => {
    expect((await route(deps, at(103.821, 36.001))).microGridId).toBe('m4');
    expect((await route(deps, at(103.831, 36.001))).microGridId).toBe('m4');
    expect((await route(deps, at(103.826, 36.001))).rule).toBe('dutyQueue');
  });

  it('lets an exclusive grid win where it overlaps a community grid, and says so', async () => {
    const d = await route(deps, at(103.808, 36.002));
    expect(d).toMatchObject({
      rule: 'exclusiveGeofence',
      gridId: 'g3',
      microGridId: 'm3',
      assigneeUserId: 'u-w4',
    });
    expect(d.reason).toBe('坐标位于专属网格 海亮实验学校，专属网格优先');
  });

  it('gives a point exactly on a shared edge one answer: the lower sort', async () => {
    const d = await route(deps, at(103.805, 36.002));
    expect(d.microGridId).toBe('m1a');
  });

  it('gives a point exactly on a vertex shared by three micro-grids one answer', async () => {
    const d = await route(deps, at(103.805, 36.005));
    // m1a, m1b (grid sort 1) and m2a (grid sort 2) all touch it: the first grid's first micro-grid wins.
    expect(d.microGridId).toBe('m1a');
  });

  it('gives a point on the exclusive grid edge to the exclusive grid', async () => {
    const d = await route(deps, at(103.807, 36.002));
    expect(d.microGridId).toBe('m3');
  });
});

describe('near miss', () => {
  it('routes a point outside every grid but within the tolerance to the nearest micro-grid, in metres', async () => {
    // 0.0003° of latitude south of m1a ≈ 33 m.
    const d = await route(deps, at(103.802, 35.9997));
    expect(d).toMatchObject({ rule: 'nearMiss', microGridId: 'm1a' });
    expect(d.reason).toBe('坐标不在任何网格内，距 第一网格-1号微网格 33 米，按就近归属');
  });

  it('sends a point beyond the tolerance to the duty queue with its reason', async () => {
    const d = await route(deps, { ...at(103.802, 35.999), communityId: 'c1' });
    expect(d).toMatchObject({
      rule: 'dutyQueue',
      communityId: 'c1',
      microGridId: null,
      assigneeUserId: null,
      reason: '无法定位，转社区值班台',
    });
  });

  it('uses the community tolerance from its config', async () => {
    await store.update('communities', 'c1', { config: { nearMissMetres: 20 } });
    await bumpGridMapVersion(store, '2026-06-20T09:00:00+08:00');
    expect((await route(deps, at(103.802, 35.9997))).rule).toBe('dutyQueue');
  });
});

describe('address', () => {
  it('wins over a point that lies in another micro-grid', async () => {
    const d = await route(deps, {
      category: 'garbage',
      buildingId: 'b1',
      point: { lng: 103.801, lat: 36.008 },
    });
    expect(d).toMatchObject({
      rule: 'address',
      microGridId: 'm1a',
      reason: '楼栋 3号楼 登记在 第一网格-1号微网格',
    });
  });

  it('falls back to the point when the building is unknown', async () => {
    const d = await route(deps, {
      category: 'garbage',
      buildingId: 'nope',
      point: { lng: 103.801, lat: 36.008 },
    });
    expect(d).toMatchObject({ rule: 'geofence', microGridId: 'm2a' });
  });

  it('with neither address nor point goes to the duty queue', async () => {
    const d = await route(deps, { category: 'garbage', communityId: 'c1' });
    expect(d).toMatchObject({
      rule: 'dutyQueue',
      communityId: 'c1',
      assigneeUserId: null,
      reason: '无法定位，转社区值班台',
    });
  });
});

describe('category rules', () => {
  it('sends a gas report to the worker and the grid leader at once, urgent', async () => {
    const d = await route(deps, { category: 'gasLeak', buildingId: 'b1' });
    // The rule says how the place was found; the category's part is in the reason and the recipients.
    expect(d).toMatchObject({
      rule: 'address',
      nobodyToAssign: false,
      assigneeUserId: 'u-w1',
      alsoNotifyUserIds: ['u-leader1'],
      urgent: true,
    });
    expect(d.reason).toBe('楼栋 3号楼 登记在 第一网格-1号微网格；燃气隐患：网格员与网格长同时处理');
  });

  it('sends a letter to the community secretary wherever it was written', async () => {
    const d = await route(deps, {
      category: 'secretaryLetter',
      communityId: 'c1',
      point: { lng: 103.821, lat: 36.001 },
    });
    expect(d).toMatchObject({
      rule: 'category',
      communityId: 'c1',
      assigneeUserId: 'u-secretary',
      reason: '书记信箱：转 测试社区 书记',
    });
  });

  it('marks a flying-wire report urgent without changing who gets it', async () => {
    const d = await route(deps, { category: 'flyingWireCharging', buildingId: 'b1' });
    expect(d).toMatchObject({ rule: 'address', assigneeUserId: 'u-w1', alsoNotifyUserIds: [], urgent: true });
  });

  it('sends a letter to the duty queue when the community has no secretary', async () => {
    await store.update('communities', 'c1', { secretaryUserId: null });
    const d = await route(deps, { category: 'secretaryLetter', communityId: 'c1' });
    expect(d).toMatchObject({
      rule: 'dutyQueue',
      assigneeUserId: null,
      reason: '书记信箱：社区未设置书记，转社区值班台',
    });
  });
});

describe('assignment fallbacks', () => {
  it('with no primary on duty gives it to the grid worker with the fewest open tickets', async () => {
    const counts = new Map([
      ['u-w1', 3],
      ['u-w2', 1],
    ]);
    const d = await route({ ...deps, openTicketCounts: async () => counts }, at(103.806, 36.004));
    expect(d).toMatchObject({ microGridId: 'm1b', assigneeUserId: 'u-w2', assignedBy: 'fewestOpenTickets' });
  });

  it('says the primary is off duty only when the micro-grid has one; with none set it says so instead', async () => {
    const offDuty = await route(deps, at(103.806, 36.004));
    expect(offDuty.assignmentReason).toBe('主责网格员不在岗，转本网格在办工单最少的在岗网格员');
    // m1b's only worker (u-w3) stops being its primary: there is no primary to be off duty.
    await store.update('members', 'mb4', { primary: false });
    const none = await route(deps, at(103.806, 36.004));
    expect(none).toMatchObject({ microGridId: 'm1b', assignedBy: 'noPrimary' });
    expect(none.assignmentReason).toBe('本微网格未设主责网格员，转本网格在办工单最少的在岗网格员');
    expect(none.assignmentReason).not.toContain('不在岗');
  });

  it('with no workers gives it to the grid leader', async () => {
    const d = await route(deps, at(103.801, 36.008));
    expect(d).toMatchObject({ microGridId: 'm2a', assigneeUserId: 'u-leader2', assignedBy: 'leader' });
  });

  it('with no workers and no leader keeps the place and goes to the duty queue', async () => {
    const d = await route(deps, at(103.821, 36.001));
    expect(d).toMatchObject({
      rule: 'geofence',
      nobodyToAssign: true,
      microGridId: 'm4',
      assigneeUserId: null,
      assignedBy: 'nobody',
    });
    expect(d.reason).toBe('坐标位于 第四网格-1号微网格；本网格暂无网格员和网格长，转社区值班台');
  });
});

describe('the warm index', () => {
  it('is built once and reused across routes', async () => {
    const cache = new RoutingIndexCache();
    await route({ store, routingIndexes: cache }, at(103.802, 36.002));
    await route({ store, routingIndexes: cache }, at(103.808, 36.002));
    expect(cache.builds).toBe(1);
  });

  it('is rebuilt after the grid map version moves', async () => {
    const cache = new RoutingIndexCache();
    await route({ store, routingIndexes: cache }, at(103.821, 36.001));
    await store.update('microGrids', 'm4', { boundary: null });
    await bumpGridMapVersion(store, '2026-06-20T09:00:00+08:00');
    const d = await route({ store, routingIndexes: cache }, at(103.821, 36.001));
    expect(cache.builds).toBe(2);
    expect(d.microGridId).toBeNull();
  });
});
