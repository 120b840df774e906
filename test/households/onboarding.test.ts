/**
 * Joining a household with proof, through the real `user` handlers on the demo world: codes that are
 * signed, revocable and limited by the community's policy; the micro-grid worker's approval; staff who act
 * only within their community. Every refusal also checks that nothing was written.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Household } from '../../server/core/grids/model';
import type { User } from '../../server/core/users/model';
import type { OnboardingPolicy } from '../../typings/user';
import { createHarness, type Harness } from '../support/harness';
import { issueCode } from '../support/household-codes';

const STAFF = 'dev-staff-wujiayuan';
const OTHER_STAFF = 'dev-staff-dashaping';
const WORKER = 'dev-worker-wujiayuan-02-2';
const COMMUNITY = 'c_wujiayuan';

describe('household onboarding with codes', () => {
  let h: Harness;
  let worker: User;
  let home: Household;
  let serial = 0;

  beforeEach(async () => {
    h = await createHarness();
    worker = (await h.deps.store.find('users', { where: { openid: WORKER } }))[0]!;
    const microGridId = worker.roles.find((g) => g.role === 'worker')!.microGridId!;
    const households = await h.deps.store.find('households', { where: { microGridId } });
    const bound = new Set((await h.deps.store.find('users')).map((u) => u.householdId));
    home = households.find((x) => !bound.has(x._id))!;
  });
  afterEach(() => h.close());

  async function newcomer(name = '新住户'): Promise<string> {
    serial += 1;
    const openid = `wx-newcomer-${serial}`;
    await h.as(openid).ok('user', 'login', { name });
    return openid;
  }

  async function setPolicy(policy: OnboardingPolicy): Promise<void> {
    await h.as(STAFF).ok('user', 'setOnboardingPolicy', { communityId: COMMUNITY, policy });
  }

  async function snapshot() {
    return {
      users: JSON.stringify(await h.deps.store.find('users', { orderBy: [['_id', 'asc']] })),
      requests: await h.deps.store.count('bindRequests'),
      outbox: await h.deps.store.count('outbox'),
    };
  }

  async function refusal(openid: string, code: string): Promise<string> {
    const answer = await h.as(openid).call('user', 'bindHousehold', { code });
    if (answer.ok) throw new Error('expected a refusal');
    expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
    return answer.error.code;
  }

  test('a code’s scene fits WeChat’s 32 characters, tells nothing of the household, and its PNG opens the bind page', async () => {
    const { codes } = await h
      .as(STAFF)
      .ok('user', 'issueHouseholdCodes', { communityId: COMMUNITY, householdId: home._id });
    const code = codes[0]!;
    expect(code.scene.length).toBeLessThanOrEqual(32);
    expect(code.scene).toMatch(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/);
    for (const part of home._id.split('_').filter((p) => p.length > 1))
      expect(code.scene).not.toContain(part);
    const png = PNG.sync.read(Buffer.from(await h.deps.files.read(code.imageFileId)));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`pages/bind-household/index?scene=${encodeURIComponent(code.scene)}`);
  });

  test('with approval: the request waits in the worker’s inbox; approved, the resident is bound and told', async () => {
    const resident = await newcomer('孙阿姨');
    const scene = await issueCode(h, home._id);
    const preview = await h.as(resident).ok('user', 'previewHouseholdCode', { code: scene });
    expect(preview).toMatchObject({ communityName: '吴家园社区', approvalRequired: true });
    expect(preview.address).toMatch(/\*+$/);
    expect(preview.address).not.toContain(home.room);

    const outcome = await h.as(resident).ok('user', 'bindHousehold', { code: scene });
    expect(outcome.status).toBe('pending');
    expect(outcome.me.household).toBeNull();
    expect(outcome.me.roles).toEqual([]);
    expect(outcome.me.pendingBinding?.address).toBe(preview.address);

    const inbox = await h.as(WORKER).ok('user', 'bindRequests', {});
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ status: 'pending', applicant: { name: '孙阿姨' } });
    expect(inbox[0]!.address).toContain(home.room);
    const [asked] = await h.deps.store.find('outbox', { where: { kind: 'bindRequested' } });
    expect(asked?.userIds).toContain(worker._id);

    const decided = await h.as(WORKER).ok('user', 'approveBindRequest', { requestId: inbox[0]!.requestId });
    expect(decided.status).toBe('approved');
    const me = await h.as(resident).ok('user', 'me', {});
    expect(me.household?.householdId).toBe(home._id);
    expect(me.roles).toEqual([{ role: 'resident', communityId: COMMUNITY }]);
    expect(me.pendingBinding).toBeNull();
    const [told] = await h.deps.store.find('outbox', { where: { kind: 'bindApproved' } });
    expect(told?.userIds).toEqual([me.userId]);

    const again = await h.as(WORKER).call('user', 'approveBindRequest', { requestId: inbox[0]!.requestId });
    expect(again).toMatchObject({ ok: false, error: { code: 'BIND_REQUEST.DECIDED' } });
  });

  test('denied, the resident stays unbound and is told why', async () => {
    const resident = await newcomer();
    const outcome = await h.as(resident).ok('user', 'bindHousehold', { code: await issueCode(h, home._id) });
    const requestId = outcome.me.pendingBinding!.requestId;
    await h.as(WORKER).ok('user', 'denyBindRequest', { requestId, reason: '户主不认识此人' });
    const me = await h.as(resident).ok('user', 'me', {});
    expect(me.household).toBeNull();
    expect(me.pendingBinding).toBeNull();
    const [told] = await h.deps.store.find('outbox', { where: { kind: 'bindDenied' } });
    expect(told).toMatchObject({ userIds: [me.userId] });
    expect(told!.body).toContain('户主不认识此人');
  });

  test('a worker of another micro-grid neither sees nor decides the request', async () => {
    const resident = await newcomer();
    const outcome = await h.as(resident).ok('user', 'bindHousehold', { code: await issueCode(h, home._id) });
    const stranger = 'dev-worker-wujiayuan-01-1';
    expect(await h.as(stranger).ok('user', 'bindRequests', {})).toEqual([]);
    const answer = await h
      .as(stranger)
      .call('user', 'approveBindRequest', { requestId: outcome.me.pendingBinding!.requestId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BIND_REQUEST.NOT_FOUND' } });
    expect((await h.as(resident).ok('user', 'me', {})).household).toBeNull();
  });

  test('forged codes are refused alike, and nothing is written', async () => {
    const resident = await newcomer();
    const scene = await issueCode(h, home._id);
    const [id, signature] = scene.split('.') as [string, string];
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    const before = await snapshot();
    for (const forged of [
      `${id}.${flipped}`,
      `aaaaaaaaaa.${signature}`,
      'garbage',
      home._id,
      `${id}.${signature}x`,
    ])
      expect(await refusal(resident, forged)).toBe('HOUSEHOLD.CODE_FORGED');
    // A code signed with another community's secret for this household's id does not pass either.
    const otherScene = await issueCode(
      h,
      (await h.deps.store.find('households', { where: { communityId: 'c_dashaping' }, limit: 1 }))[0]!._id,
    );
    expect(await refusal(resident, `${id}.${otherScene.split('.')[1]}`)).toBe('HOUSEHOLD.CODE_FORGED');
    const after = await snapshot();
    expect(after.users).toBe(before.users);
    expect(after.requests).toBe(before.requests);
  });

  test('a revoked code is refused; issuing a new code revokes the old one', async () => {
    await setPolicy({ mode: 'memberLimit', memberLimit: 6, approval: false });
    const resident = await newcomer();
    const first = await issueCode(h, home._id);
    const second = await issueCode(h, home._id);
    expect(await refusal(resident, first)).toBe('HOUSEHOLD.CODE_REVOKED');
    const { codes } = await h
      .as(STAFF)
      .ok('user', 'householdCodes', { communityId: COMMUNITY, buildingId: home.buildingId });
    const live = codes.find((c) => c.householdId === home._id)!;
    expect(live.scene).toBe(second);
    await h.as(STAFF).ok('user', 'revokeHouseholdCode', { communityId: COMMUNITY, codeId: live.codeId });
    const before = await snapshot();
    expect(await refusal(resident, second)).toBe('HOUSEHOLD.CODE_REVOKED');
    expect((await snapshot()).users).toBe(before.users);
  });

  test('a single-use code binds one person, then is used up; a member limit holds the same way', async () => {
    await setPolicy({ mode: 'singleUse', memberLimit: 1, approval: false });
    const scene = await issueCode(h, home._id);
    const first = await newcomer('甲');
    expect((await h.as(first).ok('user', 'bindHousehold', { code: scene })).status).toBe('bound');
    const second = await newcomer('乙');
    const before = await snapshot();
    expect(await refusal(second, scene)).toBe('HOUSEHOLD.CODE_USED_UP');
    expect((await snapshot()).users).toBe(before.users);

    await setPolicy({ mode: 'memberLimit', memberLimit: 2, approval: false });
    const fresh = await issueCode(h, home._id);
    expect((await h.as(second).ok('user', 'bindHousehold', { code: fresh })).status).toBe('bound');
    expect(await refusal(await newcomer('丙'), fresh)).toBe('HOUSEHOLD.CODE_USED_UP');
  });

  test('binding by a raw household id is refused with its own code, and nothing is written', async () => {
    const resident = await newcomer();
    const before = await snapshot();
    const answer = await h.as(resident).call('user', 'bindHousehold', { householdId: home._id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD.RAW_ID_REFUSED' } });
    expect(await snapshot()).toEqual(before);
  });

  test('staff see a household’s members and remove one, who is told and is no longer its resident', async () => {
    await setPolicy({ mode: 'memberLimit', memberLimit: 6, approval: false });
    const resident = await newcomer('周先生');
    await h.as(resident).ok('user', 'bindHousehold', { code: await issueCode(h, home._id) });
    const members = await h
      .as(STAFF)
      .ok('user', 'householdMembers', { communityId: COMMUNITY, householdId: home._id });
    expect(members.map((m) => m.name)).toEqual(['周先生']);
    const left = await h.as(STAFF).ok('user', 'removeHouseholdMember', {
      communityId: COMMUNITY,
      householdId: home._id,
      userId: members[0]!.userId,
    });
    expect(left).toEqual([]);
    const me = await h.as(resident).ok('user', 'me', {});
    expect(me).toMatchObject({ household: null, roles: [] });
    expect(await h.deps.store.count('outbox', { kind: 'bindRemoved' })).toBe(1);
    const other = await h
      .as(OTHER_STAFF)
      .call('user', 'householdMembers', { communityId: COMMUNITY, householdId: home._id });
    expect(other).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  test('staff bind a user of their own community or of none; another community’s staff cannot re-home them', async () => {
    const resident = await newcomer('钱大姐');
    const userId = (await h.as(resident).ok('user', 'me', {})).userId;
    // A user of no community yet: staff of 吴家园 may bind them.
    await h.as(STAFF).ok('user', 'bindUser', { userId, householdId: home._id });
    expect((await h.as(resident).ok('user', 'me', {})).household?.householdId).toBe(home._id);

    // Now of 吴家园: 大砂坪's staff can neither move them into a 大砂坪 household nor touch 吴家园's.
    const [elsewhere] = await h.deps.store.find('households', {
      where: { communityId: 'c_dashaping' },
      limit: 1,
    });
    const before = await snapshot();
    const moved = await h.as(OTHER_STAFF).call('user', 'bindUser', { userId, householdId: elsewhere!._id });
    expect(moved).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD.USER_OTHER_COMMUNITY' } });
    const reached = await h.as(OTHER_STAFF).call('user', 'bindUser', { userId, householdId: home._id });
    expect(reached).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD.NOT_FOUND' } });
    // A worker of 吴家园 is of 吴家园 too, even with no household.
    const crossWorker = await h
      .as(OTHER_STAFF)
      .call('user', 'bindUser', { userId: worker._id, householdId: elsewhere!._id });
    expect(crossWorker).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD.USER_OTHER_COMMUNITY' } });
    expect(await snapshot()).toEqual(before);
  });

  test('the printable sheet of a building is a PDF with one code per household', async () => {
    const sheet = await h
      .as(STAFF)
      .ok('user', 'householdCodeSheet', { communityId: COMMUNITY, buildingId: home.buildingId });
    const households = await h.deps.store.count('households', { buildingId: home.buildingId });
    expect(sheet.households).toBe(households);
    expect(sheet.fileName).toMatch(/住户码\.pdf$/);
    const bytes = Buffer.from(await h.deps.files.read(sheet.fileId));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages).toHaveLength(Math.ceil(households / 12));
    // Every household now has a live code (issued for the sheet).
    const { codes } = await h
      .as(STAFF)
      .ok('user', 'householdCodes', { communityId: COMMUNITY, buildingId: home.buildingId });
    expect(codes).toHaveLength(households);
    const other = await h
      .as(OTHER_STAFF)
      .call('user', 'householdCodeSheet', { communityId: COMMUNITY, buildingId: home.buildingId });
    expect(other).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
