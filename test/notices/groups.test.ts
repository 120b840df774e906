/** Binding WeChat groups to grids from notice cards opened in the group. */
import { issueGroupTicket } from '../../server/adapters/local/signed-group-tickets';
import { DEFAULT_LOCAL_GROUP_SECRET as LOCAL_GROUP_SECRET } from '../../server/adapters/local/signed-group-tickets';
import { COMMUNITY, LI, grids, noticeWorld, type NoticeWorld } from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

const SHARER = 'u_worker_wujiayuan_02_2';
const inFiveMinutes = (w: NoticeWorld) => new Date(w.h.clock.now().getTime() + 5 * 60_000);

describe('group binding', () => {
  test('opening a card from a group binds the group to the sharer grid, and staff see it with the shared notice', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const cloudID = issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-west-a1b2', inFiveMinutes(w));

    const result = await w.h
      .as(LI)
      .ok('notice', 'bindGroup', { noticeId: notice.noticeId, sharer: SHARER, cloudID });
    const view = await w.staff.ok('notice', 'groups', { communityId: COMMUNITY });

    expect(result).toEqual({ outcome: 'bound', gridName: '第二网格' });
    const grid2 = view.grids.find((g) => g.gridId === 'g_wujiayuan_02')!;
    expect(grid2.groups).toEqual([
      expect.objectContaining({
        label: '群 A1B2',
        boundBy: '赵磊',
        fixed: false,
        shares: [expect.objectContaining({ noticeId: notice.noticeId, opens: 1 })],
      }),
    ]);
  });

  test('the first binding wins; staff can move a wrong one', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_01', 'g_wujiayuan_02'));
    const ticket = () => issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-mixed', inFiveMinutes(w));
    await w.h
      .as(LI)
      .ok('notice', 'bindGroup', { noticeId: notice.noticeId, sharer: SHARER, cloudID: ticket() });

    const second = await w.h.as(LI).ok('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      sharer: 'u_worker_wujiayuan_01_1',
      cloudID: ticket(),
    });
    const before = await w.staff.ok('notice', 'groups', { communityId: COMMUNITY });
    const bindingId = before.grids.find((g) => g.gridId === 'g_wujiayuan_02')!.groups[0]!.bindingId;
    const after = await w.staff.ok('notice', 'fixGroup', { bindingId, gridId: 'g_wujiayuan_01' });
    const byResident = await w.h.as(LI).call('notice', 'fixGroup', { bindingId, gridId: 'g_wujiayuan_02' });

    expect(second.outcome).toBe('kept');
    expect(after.grids.find((g) => g.gridId === 'g_wujiayuan_02')!.groups).toEqual([]);
    expect(after.grids.find((g) => g.gridId === 'g_wujiayuan_01')!.groups[0]).toMatchObject({
      fixed: true,
      shares: [expect.objectContaining({ opens: 2 })],
    });
    expect(byResident).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  test('a group staff unbound binds again to the grid of whoever next opens a card from it', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_01', 'g_wujiayuan_02'));
    const ticket = () => issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-freed', inFiveMinutes(w));
    await w.h
      .as(LI)
      .ok('notice', 'bindGroup', { noticeId: notice.noticeId, sharer: SHARER, cloudID: ticket() });
    const before = await w.staff.ok('notice', 'groups', { communityId: COMMUNITY });
    const bindingId = before.grids.find((g) => g.gridId === 'g_wujiayuan_02')!.groups[0]!.bindingId;

    const unbound = await w.staff.ok('notice', 'fixGroup', { bindingId, gridId: null });
    expect(unbound.grids.flatMap((g) => g.groups)).toEqual([]);

    const again = await w.h.as(LI).ok('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      sharer: 'u_worker_wujiayuan_01_1',
      cloudID: ticket(),
    });
    const after = await w.staff.ok('notice', 'groups', { communityId: COMMUNITY });

    expect(again).toEqual({ outcome: 'bound', gridName: '第一网格' });
    expect(after.grids.find((g) => g.gridId === 'g_wujiayuan_01')!.groups).toEqual([
      expect.objectContaining({ bindingId, fixed: false }),
    ]);
  });

  test('a forged cloudID is refused and nothing is bound', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const forged = issueGroupTicket('not-the-secret', 'opengid-x', inFiveMinutes(w));
    const genuine = issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-x', inFiveMinutes(w));
    const tampered = `${genuine.split('.')[0]}.${Buffer.from(JSON.stringify({ opengid: 'opengid-y', exp: 9e15 })).toString('base64url')}.${genuine.split('.')[2]}`;

    const results = await Promise.all(
      [forged, tampered, 'plain-text', '{"cloudID":"x","data":{"opengid":"opengid-z"}}'].map((cloudID) =>
        w.h.as(LI).call('notice', 'bindGroup', { noticeId: notice.noticeId, sharer: SHARER, cloudID }),
      ),
    );

    for (const result of results)
      expect(result).toMatchObject({ ok: false, error: { code: 'GROUP.TICKET_FORGED' } });
    expect(await w.h.deps.store.count('groupBindings')).toBe(0);
    expect(await w.h.deps.store.count('groupShares')).toBe(0);
  });

  test('an expired cloudID is refused', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const cloudID = issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-late', inFiveMinutes(w));
    w.h.clock.advance(5 * 60_000 + 1);

    const result = await w.h
      .as(LI)
      .call('notice', 'bindGroup', { noticeId: notice.noticeId, sharer: SHARER, cloudID });

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'GROUP.TICKET_EXPIRED', message: '群信息已过期，请从群聊中重新打开通知' },
    });
    expect(await w.h.deps.store.count('groupBindings')).toBe(0);
  });

  test('a share by someone without a grid is recorded but binds nothing', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const cloudID = issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-family', inFiveMinutes(w));

    const result = await w.h
      .as(LI)
      .ok('notice', 'bindGroup', { noticeId: notice.noticeId, sharer: 'u_resident_li', cloudID });

    expect(result).toEqual({ outcome: 'noGrid', gridName: null });
    expect(await w.h.deps.store.count('groupBindings')).toBe(0);
    expect(await w.h.deps.store.count('groupShares')).toBe(1);
  });
});
