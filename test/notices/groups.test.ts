/** Binding WeChat groups to grids from notice cards opened in the group. */
import { issueGroupTicket } from '../../server/adapters/local/signed-group-tickets';
import { DEFAULT_LOCAL_GROUP_SECRET as LOCAL_GROUP_SECRET } from '../../server/adapters/local/signed-group-tickets';
import { COMMUNITY, LI, grids, noticeWorld, type NoticeWorld } from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

/** 赵磊, primary worker of 第二网格's second micro-grid; 张丽 works in 第一网格. */
const SHARER = 'dev-worker-wujiayuan-02-2';
const OTHER_SHARER = 'dev-worker-wujiayuan-01-1';
/** The token a worker's page puts into the card's share path. */
const share = async (w: NoticeWorld, openid: string, noticeId: string) =>
  (await w.h.as(openid).ok('notice', 'shareToken', { noticeId })).shareToken;
const inFiveMinutes = (w: NoticeWorld) => new Date(w.h.clock.now().getTime() + 5 * 60_000);

describe('group binding', () => {
  test('opening a card from a group binds the group to the sharer grid, and staff see it with the shared notice', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const cloudID = issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-west-a1b2', inFiveMinutes(w));

    const result = await w.h.as(LI).ok('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      shareToken: await share(w, SHARER, notice.noticeId),
      cloudID,
    });
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
    await w.h.as(LI).ok('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      shareToken: await share(w, SHARER, notice.noticeId),
      cloudID: ticket(),
    });

    const second = await w.h.as(LI).ok('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      shareToken: await share(w, OTHER_SHARER, notice.noticeId),
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
    await w.h.as(LI).ok('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      shareToken: await share(w, SHARER, notice.noticeId),
      cloudID: ticket(),
    });
    const before = await w.staff.ok('notice', 'groups', { communityId: COMMUNITY });
    const bindingId = before.grids.find((g) => g.gridId === 'g_wujiayuan_02')!.groups[0]!.bindingId;

    const unbound = await w.staff.ok('notice', 'fixGroup', { bindingId, gridId: null });
    expect(unbound.grids.flatMap((g) => g.groups)).toEqual([]);

    const again = await w.h.as(LI).ok('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      shareToken: await share(w, OTHER_SHARER, notice.noticeId),
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

    const shareToken = await share(w, SHARER, notice.noticeId);
    const results = await Promise.all(
      [forged, tampered, 'plain-text', '{"cloudID":"x","data":{"opengid":"opengid-z"}}'].map((cloudID) =>
        w.h.as(LI).call('notice', 'bindGroup', { noticeId: notice.noticeId, shareToken, cloudID }),
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

    const result = await w.h.as(LI).call('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      shareToken: await share(w, SHARER, notice.noticeId),
      cloudID,
    });

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'GROUP.TICKET_EXPIRED', message: '群信息已过期，请从群聊中重新打开通知' },
    });
    expect(await w.h.deps.store.count('groupBindings')).toBe(0);
  });

  test('the sharer is proven by the token: a forged or altered token, or none, binds nothing', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const genuine = await share(w, SHARER, notice.noticeId);
    const [, grid, signature] = genuine.split('.');
    const tokens = [
      // Another user named with the genuine signature; the genuine sharer with another grid; a made-up one.
      `u_worker_wujiayuan_01_1.${grid}.${signature}`,
      `u_worker_wujiayuan_02_2.g_wujiayuan_01.${signature}`,
      'u_worker_wujiayuan_02_2.g_wujiayuan_02.AAAAAAAAAAAAAAAAAAAAAA',
      'u_worker_wujiayuan_02_2',
      // The id alone, as the old share path carried it.
      'u_worker_wujiayuan_02_2..',
    ];
    for (const shareToken of tokens) {
      const result = await w.h.as(LI).call('notice', 'bindGroup', {
        noticeId: notice.noticeId,
        shareToken,
        cloudID: issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-crafted', inFiveMinutes(w)),
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'GROUP.SHARE_INVALID' } });
    }
    // A token for one notice proves nothing for another.
    const other = await w.publish(grids('g_wujiayuan_02'), { title: '另一条通知' });
    const moved = await w.h.as(LI).call('notice', 'bindGroup', {
      noticeId: other.noticeId,
      shareToken: genuine,
      cloudID: issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-crafted', inFiveMinutes(w)),
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'GROUP.SHARE_INVALID' } });
    expect(await w.h.deps.store.count('groupBindings')).toBe(0);
    expect(await w.h.deps.store.count('groupShares')).toBe(0);
  });

  test('only a worker or leader of the community gets a share token; a resident does not', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const resident = await w.h.as(LI).call('notice', 'shareToken', { noticeId: notice.noticeId });
    const otherCommunity = await w.h
      .as('dev-worker-dashaping-01-1')
      .call('notice', 'shareToken', { noticeId: notice.noticeId });
    const leader = await w.h
      .as('dev-leader-wujiayuan-02')
      .call('notice', 'shareToken', { noticeId: notice.noticeId });

    expect(resident).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(otherCommunity).toMatchObject({ ok: false, error: { code: 'NOTICE.NOT_FOUND' } });
    expect(leader.ok).toBe(true);
  });

  test('a sharer who left the roster binds nothing with the token they had', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const shareToken = await share(w, SHARER, notice.noticeId);
    const [member] = await w.h.deps.store.find('members', {
      where: { userId: 'u_worker_wujiayuan_02_2', duty: 'worker' },
    });
    await w.staff.ok('grid', 'removeMember', { communityId: COMMUNITY, memberId: member!._id });

    const result = await w.h.as(LI).call('notice', 'bindGroup', {
      noticeId: notice.noticeId,
      shareToken,
      cloudID: issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-left', inFiveMinutes(w)),
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'GROUP.SHARE_INVALID' } });
    expect(await w.h.deps.store.count('groupBindings')).toBe(0);
  });

  test('a draft is neither shared nor bound: it does not exist for anyone but staff', async () => {
    w = await noticeWorld();
    const published = await w.publish(grids('g_wujiayuan_02'));
    const draft = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: grids('g_wujiayuan_02'),
      title: '尚未发布的通知',
      body: published.body,
      category: 'health',
      coverFileId: null,
      attachments: [],
    });
    const token = await w.h.as(SHARER).call('notice', 'shareToken', { noticeId: draft.noticeId });
    // Even with a token that would hold (signed for the draft, as if issued), binding refuses the draft.
    const { signShare } = await import('../../server/core/notices/share-token');
    const forDraft = await signShare(w.h.deps, COMMUNITY, draft.noticeId, {
      sharerUserId: 'u_worker_wujiayuan_02_2',
      gridId: 'g_wujiayuan_02',
    });
    const bound = await w.h.as(LI).call('notice', 'bindGroup', {
      noticeId: draft.noticeId,
      shareToken: forDraft,
      cloudID: issueGroupTicket(LOCAL_GROUP_SECRET, 'opengid-draft', inFiveMinutes(w)),
    });

    expect(token).toMatchObject({ ok: false, error: { code: 'NOTICE.NOT_FOUND' } });
    expect(bound).toMatchObject({ ok: false, error: { code: 'NOTICE.NOT_FOUND' } });
    expect(await w.h.deps.store.count('groupBindings')).toBe(0);
    expect(await w.h.deps.store.count('groupShares')).toBe(0);
  });
});
