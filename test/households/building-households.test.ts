/** Staff pick a household by building: its households by unit and room, with how many people each has bound. */
import { createHarness, type Harness } from '../support/harness';

const C = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';
/** 李叔叔's household, 吴家园西区 3号楼. */
const LI_HOUSEHOLD = 'h_wujiayuan_wjyxi_3_1_502';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('a building’s households for staff', () => {
  it('lists every household of the building in unit and room order, with its bound members counted', async () => {
    const li = (await h.deps.store.get('households', LI_HOUSEHOLD))!;
    const inBuilding = await h.deps.store.count('households', { buildingId: li.buildingId });
    const bound = await h.deps.store.count('users', { householdId: LI_HOUSEHOLD });

    const list = await h
      .as(STAFF)
      .ok('user', 'buildingHouseholds', { communityId: C, buildingId: li.buildingId });

    expect(list).toHaveLength(inBuilding);
    expect(list.find((x) => x.householdId === LI_HOUSEHOLD)).toMatchObject({
      address: expect.stringContaining('3号楼'),
      room: li.room,
      members: bound,
    });
    expect(bound).toBeGreaterThan(0);
    const order = list.map((x) => `${x.unit}/${x.room}`);
    expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b, 'zh', { numeric: true })));
  });

  it('a building of another community is not found, and its staff are refused here', async () => {
    const other = (
      await h.deps.store.find('buildings', { where: { communityId: 'c_jiaojiawan' }, limit: 1 })
    )[0]!;
    const result = await h
      .as(STAFF)
      .call('user', 'buildingHouseholds', { communityId: C, buildingId: other._id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'HOUSEHOLD.NOT_FOUND', message: '找不到这栋楼，请刷新后重新选择' },
    });
    const refused = await h
      .as('dev-staff-jiaojiawan')
      .call('user', 'buildingHouseholds', { communityId: C, buildingId: other._id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
