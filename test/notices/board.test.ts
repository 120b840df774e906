/** 我的通知: a staff member's drafts, scheduled and published notices, the published with households reached. */
import { COMMUNITY, content, grids, LI, noticeWorld, wholeCommunity, type NoticeWorld } from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

describe('the staff notice board', () => {
  test('sorts notices into drafts, scheduled (soonest first) and published with households reached', async () => {
    w = await noticeWorld();
    const draft = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content({ title: '草稿：燃气安全' }),
    });
    const later = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content({ title: '定时：周五停水' }),
    });
    const sooner = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content({ title: '定时：周三停电' }),
    });
    await w.staff.ok('notice', 'publish', {
      noticeId: later.noticeId,
      version: later.version,
      at: '2026-06-26T09:00:00+08:00',
    });
    await w.staff.ok('notice', 'publish', {
      noticeId: sooner.noticeId,
      version: sooner.version,
      at: '2026-06-24T09:00:00+08:00',
    });
    const published = await w.publish(grids('g_wujiayuan_02'));
    await w.h.as(LI).ok('notice', 'confirm', { noticeId: published.noticeId });
    // A second household reached by a visit, a third visited with nobody home (not reached).
    const worker = w.h.as('dev-worker-wujiayuan-02-2');
    const list = await worker.ok('notice', 'visitList', {
      noticeId: published.noticeId,
      microGridId: 'mg_wujiayuan_02_2',
    });
    const [visited, absent] = list.unreached;
    for (const [household, outcome] of [
      [visited!, 'inPerson'],
      [absent!, 'nobodyHome'],
    ] as const)
      await worker.ok('notice', 'recordVisit', {
        noticeId: published.noticeId,
        householdId: household.householdId,
        outcome,
        note: '',
      });

    const board = await w.staff.ok('notice', 'staffBoard', { communityId: COMMUNITY });

    expect(board.drafts.map((n) => n.title)).toEqual(['草稿：燃气安全']);
    expect(board.drafts[0]).toMatchObject({ noticeId: draft.noticeId, state: 'draft', reached: null });
    expect(board.scheduled.map((n) => n.title)).toEqual(['定时：周三停电', '定时：周五停水']);
    const coverage = await w.staff.ok('notice', 'coverage', { noticeId: published.noticeId });
    expect(coverage.community.reached).toBe(2);
    expect(board.published).toEqual([
      expect.objectContaining({
        noticeId: published.noticeId,
        state: 'published',
        households: 85,
        reached: 2,
      }),
    ]);
  });

  test('staff of another community are refused and nothing is listed', async () => {
    w = await noticeWorld();
    await w.publish();
    const result = await w.h
      .as('dev-staff-jiaojiawan')
      .call('notice', 'staffBoard', { communityId: COMMUNITY });
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
