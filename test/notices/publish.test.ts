/** Publishing: at a set time exactly once, in batches, with the push queued for subscribers only. */
import { claim, runPublication } from '../../server/core/notices/publish';
import {
  COMMUNITY,
  LI,
  WANG,
  content,
  grids,
  noticeWorld,
  wholeCommunity,
  type NoticeWorld,
} from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

describe('scheduled notices', () => {
  test('a scheduled notice publishes once even if the scheduler runs twice at the same minute', async () => {
    w = await noticeWorld();
    const draft = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: grids('g_wujiayuan_02'),
      ...content(),
    });
    const scheduled = await w.staff.ok('notice', 'publish', {
      noticeId: draft.noticeId,
      version: draft.version,
      at: '2026-06-20T10:00:00+08:00',
    });
    const early = await w.h.anonymous('scheduler', 'tick', {});
    const feedBefore = await w.h.as(LI).ok('notice', 'feed', {});

    w.h.clock.set('2026-06-20T10:00:30+08:00');
    const [a, b] = await Promise.all([
      w.h.anonymous('scheduler', 'tick', {}),
      w.h.anonymous('scheduler', 'tick', {}),
    ]);
    const third = await w.h.anonymous('scheduler', 'tick', {});
    const notice = await w.staff.ok('notice', 'staffDetail', { noticeId: draft.noticeId });

    expect(scheduled.state).toBe('scheduled');
    expect(early).toMatchObject({ ok: true, data: { results: { notices: { published: 0 } } } });
    expect(feedBefore.items).toEqual([]);
    const published = [a, b].map((r) => (r.ok ? r.data.results.notices?.published : -1));
    expect(published.sort()).toEqual([0, 1]);
    expect(third).toMatchObject({ ok: true, data: { results: { notices: { published: 0 } } } });
    expect(notice).toMatchObject({
      state: 'published',
      publishedAt: '2026-06-20T10:00:30+08:00',
      households: 85,
    });
    expect(await w.h.deps.store.count('noticeTargets', { noticeId: draft.noticeId })).toBe(85);
    expect(await w.h.deps.store.count('noticeCoverage', { noticeId: draft.noticeId })).toBe(3);
  });

  test('a time in the past is refused', async () => {
    w = await noticeWorld();
    const draft = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content(),
    });
    const result = await w.staff.call('notice', 'publish', {
      noticeId: draft.noticeId,
      version: draft.version,
      at: '2026-06-20T08:00:00+08:00',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE.SCHEDULE_INVALID' } });
  });

  test('an audience without households is refused and the notice stays a draft', async () => {
    w = await noticeWorld();
    // 第十网格 (吴家园小学) is an exclusive grid with no households in the ledger.
    const draft = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: grids('g_wujiayuan_10'),
      ...content(),
    });
    const result = await w.staff.call('notice', 'publish', {
      noticeId: draft.noticeId,
      version: draft.version,
    });
    const after = await w.staff.ok('notice', 'staffDetail', { noticeId: draft.noticeId });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE.AUDIENCE_EMPTY' } });
    expect(after.state).toBe('draft');
  });
});

describe('batches and push', () => {
  test('subscribers of the category get one outbox entry per batch; others get none', async () => {
    w = await noticeWorld();
    await w.h.as(LI).ok('notice', 'setSubscriptions', { categories: ['medicalInsurance', 'health'] });
    await w.h.as(WANG).ok('notice', 'setSubscriptions', { categories: ['safety'] });

    const notice = await w.publish(wholeCommunity);
    const entries = await w.h.deps.store.find('outbox', { where: { noticeId: notice.noticeId } });

    expect(notice.households).toBe(792);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'noticePublished',
      userIds: ['u_resident_li'],
      page: `/pages/notice-detail/index?noticeId=${notice.noticeId}`,
    });
  });

  test('a publication that died half-way is resumed after its last batch, pushing no one twice', async () => {
    w = await noticeWorld();
    await w.h.as(LI).ok('notice', 'setSubscriptions', { categories: ['medicalInsurance'] });
    const draft = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content(),
    });
    const store = w.h.deps.store;
    const claimed = (await claim(store, (await store.get('notices', draft.noticeId))!, w.h.clock.now()))!;
    // The first run dies after writing its first batch: simulate by running once with a store that fails late.
    let writes = 0;
    const dying = {
      ...w.h.deps,
      store: Object.assign(Object.create(Object.getPrototypeOf(store)) as typeof store, store, {
        insertMany: async (...args: Parameters<typeof store.insertMany>) => {
          if (++writes > 1) throw new Error('instance killed');
          return store.insertMany(...args);
        },
      }),
    };
    await expect(runPublication(dying, claimed)).rejects.toThrow('instance killed');

    w.h.clock.advance(6 * 60_000);
    const tick = await w.h.anonymous('scheduler', 'tick', {});
    const notice = await store.get('notices', draft.noticeId);

    expect(tick).toMatchObject({ ok: true, data: { results: { notices: { resumed: 1 } } } });
    expect(notice).toMatchObject({ state: 'published', households: 792, publishing: null });
    expect(await store.count('noticeTargets', { noticeId: draft.noticeId })).toBe(792);
    const entries = await store.find('outbox', { where: { noticeId: draft.noticeId } });
    expect(entries.flatMap((e) => e.userIds)).toEqual(['u_resident_li']);
  });
});
