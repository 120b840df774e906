/**
 * The street office 街道: it ranks its communities, creates one, replaces its map from the documented example
 * (WGS84 in, GCJ-02 stored, dry run first), a report is routed there, and a micro-grid is retired once its
 * building has moved — the ticket keeps its history, routing no longer uses it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { streetScope } from '../../server/core/street/scope';
import { createHarness, type Actor, type Harness } from '../support/harness';
import { requestId } from '../scenarios/ticket-world';

const OFFICER = 'dev-street-jianlanlu';
const example = (name: string) => readFileSync(join(__dirname, '../../examples', name), 'utf8');
/** A WGS84 point of the example file as a phone reports it: GCJ-02. */
const reported = (lng: number, lat: number) => {
  const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lng: gLng, lat: gLat };
};

describe('street office', () => {
  let h: Harness;
  let officer: Actor;
  let communityId = '';

  beforeAll(async () => {
    h = await createHarness();
    officer = h.as(OFFICER);
  });
  afterAll(() => h.close());

  it('sees the communities of its street, ranked, and nobody else does', async () => {
    const view = await officer.ok('grid', 'street', {});
    expect(view).toMatchObject({ name: '建兰路街道', codePrefix: '620103004' });
    expect(view.communities.map((c) => [c.name, c.rank, c.communityCode])).toEqual([
      ['吴家园社区', 1, '001'],
    ]);
    expect(await streetScope(h.deps, { openid: OFFICER })).toEqual(['c_wujiayuan']);
    expect(await streetScope(h.deps, { openid: 'dev-staff-wujiayuan' })).toEqual([]);
    const staff = await h.as('dev-staff-wujiayuan').call('grid', 'street', {});
    expect(staff.ok ? 'ok' : staff.error.code).toBe('STREET.NOT_FOUND');
  });

  it('creates a community; a second one of the same name or code is refused', async () => {
    const view = await officer.ok('grid', 'createCommunity', {
      name: '兰新社区',
      communityCode: '002',
      center: reported(103.703, 36.1015),
    });
    expect(view.communities.map((c) => c.name).sort()).toEqual(['兰新社区', '吴家园社区']);
    communityId = view.communities.find((c) => c.name === '兰新社区')!.communityId;
    for (const again of [
      { name: '兰新社区', communityCode: '003' },
      { name: '另一个社区', communityCode: '002' },
    ]) {
      const r = await officer.call('grid', 'createCommunity', { ...again, center: reported(103.7, 36.1) });
      expect(r.ok ? 'ok' : r.error.code).toBe('COMMUNITY.EXISTS');
    }
    const bad = await officer.call('grid', 'createCommunity', {
      name: '坏编码社区',
      communityCode: '2',
      center: reported(103.7, 36.1),
    });
    expect(bad.ok ? 'ok' : bad.error.message).toContain('「社区编码」应为 3 位数字');
    const staff = await h.as('dev-staff-wujiayuan').call('grid', 'createCommunity', {
      name: '越权社区',
      communityCode: '009',
      center: reported(103.7, 36.1),
    });
    expect(staff.ok ? 'ok' : staff.error.code).toBe('STREET.NOT_FOUND');
  });

  it("grants the new community its first staff member; another community's staff may not", async () => {
    const newcomer = h.as('street-test-staff');
    const me = await newcomer.ok('user', 'login', { name: '新社区干部' });
    const grant = { role: 'staff' as const, communityId };
    const refused = await h.as('dev-staff-wujiayuan').call('user', 'grantRole', { userId: me.userId, grant });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('AUTH.FORBIDDEN');
    await officer.ok('user', 'grantRole', { userId: me.userId, grant });
    expect((await newcomer.ok('user', 'me', {})).roles).toEqual([grant]);
    // Granted, they run the community themselves: its map is theirs to see.
    expect(await newcomer.ok('grid', 'map', { communityId })).toMatchObject({ communityId });
  });

  it('imports the example map: the dry run lists what it creates and writes nothing', async () => {
    const plan = await officer.ok('grid', 'replaceMap', {
      communityId,
      dryRun: true,
      text: example('grid-map.geojson'),
    });
    expect(plan.applied).toBe(false);
    expect(plan.create.map((i) => [i.label, i.code])).toEqual([
      ['第一网格', '620103004002001'],
      ['兰新小学', '620103004002002'],
      ['第一网格-1号微网格', '620103004002003'],
      ['第一网格-2号微网格', '620103004002004'],
      ['兰新小学-1号微网格', '620103004002005'],
    ]);
    expect(await h.deps.store.count('grids', { communityId })).toBe(0);
    const applied = await officer.ok('grid', 'replaceMap', {
      communityId,
      dryRun: false,
      text: example('grid-map.geojson'),
    });
    expect(applied).toMatchObject({ applied: true, update: [], retire: [] });
    expect(applied.create).toHaveLength(5);
    const imported = await officer.ok('grid', 'importLedger', {
      communityId,
      kind: 'buildings',
      format: 'csv',
      text: example('buildings.csv'),
    });
    expect(imported).toMatchObject({ created: 3 }); // the estate 兰新家园 and its two buildings
  });

  it('stores GCJ-02, exports WGS84 by default and the GCJ-02 original on request, codes kept', async () => {
    const stored = (
      await h.deps.store.find('microGrids', { where: { communityId, code: '620103004002003' } })
    )[0]!;
    const [lng, lat] = (stored.boundary!.coordinates as number[][][])[0]![0]!;
    expect(lng).toBeCloseTo(103.70245, 4); // GCJ-02 lies ~220 m east of WGS84 here
    expect(lat).toBeCloseTo(36.09974, 4);
    const wgs = JSON.parse((await officer.ok('grid', 'export', { communityId, kind: 'boundaries' })).text!);
    const feature = wgs.features.find(
      (f: { properties: { code?: string } }) => f.properties.code === '620103004002003',
    );
    expect(feature.geometry.coordinates[0][0]).toEqual([103.7, 36.1]);
    const gcj = JSON.parse(
      (await officer.ok('grid', 'export', { communityId, kind: 'boundaries', coordinateSystem: 'gcj02' }))
        .text!,
    );
    expect(gcj.coordinateSystem).toBe('gcj02');
    expect(gcj.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(
      wgs.features.map((f: { properties: { code: string } }) => f.properties.code),
    );
    // Both files import back as they are: nothing changes.
    for (const text of [JSON.stringify(wgs), JSON.stringify(gcj)]) {
      expect(await officer.ok('grid', 'importBoundaries', { communityId, text })).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 5,
      });
    }
  });

  it('routes a report made there to the new community and micro-grid', async () => {
    const stranger = h.as('street-test-resident');
    await stranger.ok('user', 'login', { name: '路人' });
    const t = await stranger.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'garbage',
      description: '路边垃圾没人清',
      photos: [],
      place: { kind: 'point', point: reported(103.7022, 36.1015) },
    });
    expect(t.communityId).toBe(communityId);
    const mg2 = (await h.deps.store.find('microGrids', { where: { code: '620103004002004' } }))[0]!;
    expect(t.microGridId).toBe(mg2._id);
  });

  it('retires a micro-grid only once its building has moved; the ticket keeps it, routing does not', async () => {
    const mg2 = (await h.deps.store.find('microGrids', { where: { code: '620103004002004' } }))[0]!;
    const refused = await officer.call('grid', 'retire', { communityId, microGridId: mg2._id });
    expect(refused.ok ? 'ok' : refused.error.message).toBe(
      '2号微网格 仍有 1 个楼栋，请先调整到其他微网格后再撤销',
    );
    // A replacement without micro-grid 2 shows it as blocked, and applying it writes nothing.
    const without = JSON.parse(example('grid-map.geojson'));
    without.features = without.features.filter(
      (f: { properties: { code: string } }) => f.properties.code !== '620103004002004',
    );
    const plan = await officer.ok('grid', 'replaceMap', {
      communityId,
      dryRun: true,
      text: JSON.stringify(without),
    });
    expect(plan.retire).toEqual([
      expect.objectContaining({ label: '第一网格-2号微网格', blockedBy: '1 个楼栋' }),
    ]);
    expect(plan.unchanged).toBe(4);
    const blocked = await officer.call('grid', 'replaceMap', {
      communityId,
      dryRun: false,
      text: JSON.stringify(without),
    });
    expect(blocked.ok ? 'ok' : blocked.error.code).toBe('GRID.NOT_EMPTY');
    expect((await h.deps.store.get('microGrids', mg2._id))!.retiredAt ?? null).toBeNull();

    // Move the building to micro-grid 1, then retire micro-grid 2 by replacing the map.
    const moved = example('buildings.csv').replace('2号楼,第一网格,2号微网格', '2号楼,第一网格,1号微网格');
    await officer.ok('grid', 'importLedger', { communityId, kind: 'buildings', format: 'csv', text: moved });
    const done = await officer.ok('grid', 'replaceMap', {
      communityId,
      dryRun: false,
      text: JSON.stringify(without),
    });
    expect(done.retire.map((r) => [r.label, r.blockedBy])).toEqual([['第一网格-2号微网格', undefined]]);
    expect((await h.deps.store.get('microGrids', mg2._id))!.retiredAt).toBeTruthy();

    const map = await officer.ok('grid', 'map', { communityId });
    expect(map.microGrids.map((m) => m.label)).not.toContain('第一网格-2号微网格');
    const ticket = (await h.deps.store.find('tickets', { where: { communityId } }))[0]!;
    expect(ticket.microGridId).toBe(mg2._id);
    // A new report at the same point goes to the neighbouring micro-grid (near miss), not the retired one.
    const again = await h.as('street-test-resident').ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'garbage',
      description: '路边垃圾又堆起来了',
      photos: [],
      place: { kind: 'point', point: reported(103.7022, 36.1015) },
    });
    const mg1 = (await h.deps.store.find('microGrids', { where: { code: '620103004002003' } }))[0]!;
    expect(again.microGridId).toBe(mg1._id);
    expect(again.routingReason).not.toContain('2号微网格');
  });
});
