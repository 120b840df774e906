import { buildDemo } from '../../server/demo/generate';
import { RoutingIndexCache } from '../../server/core/routing/index-cache';
import { route } from '../../server/core/routing/route';
import { createHarness, type Harness } from '../support/harness';

const C = 'c_wujiayuan';
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('the demo community', () => {
  const buildings = buildDemo().buildings.filter((b) => b.communityId === C);

  it('has buildings to check', () => {
    expect(buildings.length).toBeGreaterThan(50);
  });

  it('routes every building by its address to the micro-grid it is registered to', async () => {
    const deps = { store: h.deps.store, routingIndexes: new RoutingIndexCache() };
    for (const b of buildings) {
      const d = await route(deps, { category: 'garbage', communityId: C, buildingId: b._id });
      expect({
        building: b._id,
        rule: d.rule === 'dutyQueue' ? d.rule : 'address',
        microGridId: d.microGridId,
      }).toEqual({
        building: b._id,
        rule: 'address',
        microGridId: b.microGridId,
      });
    }
  });

  it('routes every building by its location alone to the micro-grid it is registered to, with one index build', async () => {
    const cache = new RoutingIndexCache();
    const located = buildings.filter((b) => b.location);
    expect(located.length).toBe(buildings.length);
    for (const b of located) {
      const d = await route(
        { store: h.deps.store, routingIndexes: cache },
        { category: 'garbage', point: b.location! },
      );
      expect({ building: b._id, microGridId: d.microGridId }).toEqual({
        building: b._id,
        microGridId: b.microGridId,
      });
    }
    expect(cache.builds).toBe(1);
  });
});

describe('the staff "where does this go?" action', () => {
  it('answers with names, the assignee and the reason', async () => {
    const b = buildDemo().buildings.find((x) => x.microGridId === 'mg_wujiayuan_02_2')!;
    const answer = await h
      .as('dev-staff-wujiayuan')
      .ok('grid', 'route', { communityId: C, category: 'garbage', buildingId: b._id });
    expect(answer).toMatchObject({
      rule: 'address',
      grid: { gridId: 'g_wujiayuan_02', name: '第二网格' },
      microGrid: { microGridId: 'mg_wujiayuan_02_2', label: '第二网格-2号微网格' },
      assignee: { userId: 'u_worker_wujiayuan_02_2', name: '赵磊' },
      reason: `楼栋 ${b.name} 登记在 第二网格-2号微网格`,
    });
  });

  it('sends a letter to the secretary', async () => {
    const answer = await h
      .as('dev-staff-wujiayuan')
      .ok('grid', 'route', { communityId: C, category: 'secretaryLetter' });
    expect(answer).toMatchObject({ rule: 'category', assignee: { userId: 'u_secretary_wujiayuan' } });
  });

  it('is refused to a resident', async () => {
    const result = await h
      .as('dev-resident-liu')
      .call('grid', 'route', { communityId: C, category: 'garbage', point: { lat: 36.06, lng: 103.78 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
