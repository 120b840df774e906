/** The `user` function through the local cloud over real HTTP: identity, roles, bodies good and bad. */
import { startHttpHarness, type HttpHarness } from '../support/http-harness';
import type { Me } from '../../typings/user';

const COMMUNITY = {
  _id: 'c_test',
  name: '测试社区',
  city: '兰州市',
  district: '七里河区',
  street: '建兰路街道',
  center: { lat: 36.06, lng: 103.78 },
  config: { nearMissMetres: 50 },
};

describe('user function over HTTP', () => {
  let h: HttpHarness;

  beforeEach(async () => {
    h = await startHttpHarness({ seed: false });
    await h.deps.store.insert('communities', COMMUNITY);
    await h.deps.store.insert('grids', {
      _id: 'g1',
      communityId: 'c_test',
      name: '第一网格',
      kind: 'community',
      unitName: null,
      boundary: null,
      sort: 1,
    });
    await h.deps.store.insert('microGrids', {
      _id: 'mg1',
      communityId: 'c_test',
      gridId: 'g1',
      name: '第一网格-1号微网格',
      boundary: null,
      sort: 1,
    });
  });
  afterEach(async () => h.close());

  async function loginAs(openid: string, name?: string): Promise<Me> {
    const { json } = await h.post('user', { action: 'login', name }, openid);
    if (!json.ok) throw new Error(json.error.code);
    return json.data as Me;
  }

  async function makeStaff(openid: string): Promise<Me> {
    const me = await loginAs(openid, '社区干部');
    await h.deps.store.update('users', me.userId, { roles: [{ role: 'staff', communityId: 'c_test' }] });
    return me;
  }

  test('logging in twice gives the same user, and me answers it without the openid', async () => {
    const first = await loginAs('wx-openid-1', '王叔');
    const second = await loginAs('wx-openid-1');
    expect(second.userId).toBe(first.userId);
    expect(await h.deps.store.count('users')).toBe(1);
    const { json } = await h.post('user', { action: 'me' }, 'wx-openid-1');
    expect(json).toEqual({
      ok: true,
      data: expect.objectContaining({ userId: first.userId, name: '王叔', roles: [] }),
    });
    expect(JSON.stringify(json)).not.toContain('wx-openid-1');
  });

  test("me names the street offices whose officers the user is among, and nobody else's", async () => {
    const officer = await loginAs('wx-street-officer', '周主任');
    await loginAs('wx-somebody');
    await h.deps.store.insert('streets', {
      _id: 's_test',
      name: '建兰路街道',
      city: '兰州市',
      district: '七里河区',
      areaCode: '620103',
      streetCode: '004',
      officerUserIds: [officer.userId],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const me = async (openid: string) => {
      const { json } = await h.post('user', { action: 'me' }, openid);
      if (!json.ok) throw new Error(json.error.code);
      return json.data as Me;
    };
    expect((await me('wx-street-officer')).streets).toEqual([
      { role: 'street', streetId: 's_test', name: '建兰路街道' },
    ]);
    expect((await me('wx-somebody')).streets).toEqual([]);
  });

  test('two first logins at once create one user', async () => {
    const [a, b] = await Promise.all([loginAs('wx-race'), loginAs('wx-race')]);
    expect(a.userId).toBe(b.userId);
    expect(await h.deps.store.count('users', { openid: 'wx-race' })).toBe(1);
  });

  test('a call without an identity is refused as unauthenticated', async () => {
    const { json } = await h.post('user', { action: 'me' });
    expect(json).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } });
    expect(!json.ok && json.error.message).toMatch(/^请先登录/);
  });

  test('an identity in the body is ignored: only the platform (here the dev header) names the caller', async () => {
    await makeStaff('staff-1');
    const resident = await loginAs('resident-1');
    const { json } = await h.post(
      'user',
      { action: 'me', openid: 'staff-1', userInfo: { openId: 'staff-1' } },
      'resident-1',
    );
    expect(json).toMatchObject({ ok: true, data: { userId: resident.userId, roles: [] } });
  });

  test('a resident cannot grant roles: refused with AUTH.FORBIDDEN, and nothing changes', async () => {
    const resident = await loginAs('resident-1');
    const { json } = await h.post(
      'user',
      { action: 'grantRole', userId: resident.userId, grant: { role: 'staff', communityId: 'c_test' } },
      'resident-1',
    );
    expect(json).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作，如需办理请联系社区工作人员' },
    });
    expect((await h.deps.store.get('users', resident.userId))?.roles).toEqual([]);
  });

  test('staff grant a worker role scoped to a micro-grid, then revoke it', async () => {
    await makeStaff('staff-1');
    const worker = await loginAs('worker-1', '魏菁华');
    const granted = await h.post(
      'user',
      {
        action: 'grantRole',
        userId: worker.userId,
        grant: { role: 'worker', communityId: 'c_test', microGridId: 'mg1' },
      },
      'staff-1',
    );
    expect(granted.json).toMatchObject({
      ok: true,
      data: { roles: [{ role: 'worker', communityId: 'c_test', gridId: 'g1', microGridId: 'mg1' }] },
    });
    expect((await h.deps.store.get('users', worker.userId))?.roleKeys).toEqual(['worker:c_test']);
    const again = await h.post(
      'user',
      {
        action: 'grantRole',
        userId: worker.userId,
        grant: { role: 'worker', communityId: 'c_test', microGridId: 'mg1' },
      },
      'staff-1',
    );
    expect((again.json as { data: Me }).data.roles).toHaveLength(1);
    const revoked = await h.post(
      'user',
      {
        action: 'revokeRole',
        userId: worker.userId,
        grant: { role: 'worker', communityId: 'c_test', gridId: 'g1', microGridId: 'mg1' },
      },
      'staff-1',
    );
    expect(revoked.json).toMatchObject({ ok: true, data: { roles: [] } });
    // The derived field the store finds a community's people by follows every change of roles.
    expect((await h.deps.store.get('users', worker.userId))?.roleKeys).toEqual([]);
  });

  test('a worker role without a micro-grid, or in an unknown micro-grid, is refused with its own code', async () => {
    await makeStaff('staff-1');
    const worker = await loginAs('worker-1');
    const noScope = await h.post(
      'user',
      { action: 'grantRole', userId: worker.userId, grant: { role: 'worker', communityId: 'c_test' } },
      'staff-1',
    );
    expect(noScope.json).toMatchObject({ ok: false, error: { code: 'USER.ROLE_SCOPE_INVALID' } });
    const unknown = await h.post(
      'user',
      {
        action: 'grantRole',
        userId: worker.userId,
        grant: { role: 'worker', communityId: 'c_test', microGridId: 'mg9' },
      },
      'staff-1',
    );
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'MICRO_GRID.NOT_FOUND' } });
    expect((await h.deps.store.get('users', worker.userId))?.roles).toEqual([]);
  });

  test('staff cannot revoke their own staff role', async () => {
    const staff = await makeStaff('staff-1');
    const { json } = await h.post(
      'user',
      { action: 'revokeRole', userId: staff.userId, grant: { role: 'staff', communityId: 'c_test' } },
      'staff-1',
    );
    expect(json).toMatchObject({ ok: false, error: { code: 'USER.SELF_REVOKE' } });
  });

  test('a resident binds themself with the household’s code (not its id) and becomes its community resident', async () => {
    await h.deps.store.insert('estates', { _id: 'e1', communityId: 'c_test', name: '文明村小区' });
    await h.deps.store.insert('buildings', {
      _id: 'b1',
      communityId: 'c_test',
      estateId: 'e1',
      name: '3号楼',
      gridId: 'g1',
      microGridId: 'mg1',
      location: null,
      floors: 6,
    });
    await h.deps.store.insert('households', {
      _id: 'h1',
      communityId: 'c_test',
      gridId: 'g1',
      microGridId: 'mg1',
      buildingId: 'b1',
      unit: '2单元',
      room: '501',
      tags: [],
    });
    await loginAs('resident-1');
    const raw = await h.post('user', { action: 'bindHousehold', householdId: 'h1' }, 'resident-1');
    expect(raw.json).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD.RAW_ID_REFUSED' } });

    await makeStaff('staff-1');
    const policy = { mode: 'memberLimit', memberLimit: 4, approval: false };
    await h.post('user', { action: 'setOnboardingPolicy', communityId: 'c_test', policy }, 'staff-1');
    const issued = await h.post(
      'user',
      { action: 'issueHouseholdCodes', communityId: 'c_test', householdId: 'h1' },
      'staff-1',
    );
    const { scene } = (issued.json as { data: { codes: Array<{ scene: string }> } }).data.codes[0]!;
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(scene).not.toContain('h1');
    const { json } = await h.post('user', { action: 'bindHousehold', code: scene }, 'resident-1');
    expect(json).toMatchObject({
      ok: true,
      data: {
        status: 'bound',
        me: {
          roles: [{ role: 'resident', communityId: 'c_test' }],
          household: { householdId: 'h1', address: '文明村小区 3号楼 2单元 501' },
        },
      },
    });
  });

  test('malformed bodies get a typed validation error and write nothing', async () => {
    await makeStaff('staff-1');
    const before = await h.deps.store.count('users');
    const cases: unknown[] = [
      'not json at all',
      [1, 2, 3],
      { action: 'grantRole', userId: 42, grant: { role: 'staff', communityId: 'c_test' } },
      { action: 'grantRole', userId: 'u1', grant: { role: 'king', communityId: 'c_test' } },
      { action: 'bindHousehold' },
    ];
    for (const body of cases) {
      const { json } = await h.post('user', body, 'staff-1');
      expect(json).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
      expect((json as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const unknownAction = await h.post('user', { action: 'dropDatabase' }, 'staff-1');
    expect(unknownAction.json).toMatchObject({ ok: false, error: { code: 'VALIDATION.UNKNOWN_ACTION' } });
    expect(await h.deps.store.count('users')).toBe(before);
  });

  test('GET / answers the status: functions and counts', async () => {
    const res = await fetch(`${h.baseUrl}/`);
    const status = (await res.json()) as { functions: string[]; counts: Record<string, number> };
    expect(status.functions).toEqual(expect.arrayContaining(['user', 'scheduler']));
    expect(status.counts).toMatchObject({ communities: 1, grids: 1, microGrids: 1 });
  });
});
