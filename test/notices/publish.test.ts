/** Publishing: at a set time exactly once, in batches, with the push queued for subscribers only. */
import { BUCKETS } from '../../server/core/notices/coverage-shards';
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
    // Three micro-grids: three groups, each spread over BUCKETS household buckets.
    expect(await w.h.deps.store.count('noticeCoverage', { noticeId: draft.noticeId })).toBe(3 * BUCKETS);
  });

  test('an edit from before the scheduler published it says it was published at its time, not "changed by someone"', async () => {
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
    w.h.clock.set('2026-06-20T10:00:30+08:00');
    await w.h.anonymous('scheduler', 'tick', {});
    const edit = {
      noticeId: draft.noticeId,
      version: scheduled.version,
      content: content({ title: '改个标题' }),
    };

    const late = await w.staff.call('notice', 'edit', edit);
    const lateWithdraw = await w.staff.call('notice', 'withdraw', { ...edit, reason: '不发了' });

    expect(late).toMatchObject({ ok: false, error: { code: 'NOTICE.PUBLISHED_ON_SCHEDULE' } });
    expect(late.ok ? '' : late.error.message).not.toContain('他人');
    expect(lateWithdraw).toMatchObject({ ok: false, error: { code: 'NOTICE.PUBLISHED_ON_SCHEDULE' } });
  });

  test('an edit that lost to another staff member still says someone else changed it', async () => {
    w = await noticeWorld();
    const draft = await w.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: grids('g_wujiayuan_02'),
      ...content(),
    });
    await w.staff.ok('notice', 'edit', {
      noticeId: draft.noticeId,
      version: draft.version,
      content: content(),
    });

    const stale = await w.staff.call('notice', 'edit', {
      noticeId: draft.noticeId,
      version: draft.version,
      content: content({ title: '改个标题' }),
    });

    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'NOTICE.STALE_VERSION', message: '通知已被他人修改，请刷新后再操作' },
    });
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

describe('a publication in slices', () => {
  /** The store, noting how many household documents each query returned and from which cursor. */
  function watchHouseholds(world: NoticeWorld) {
    const store = world.h.deps.store;
    const reads: Array<{ after: string | null; n: number }> = [];
    const find = store.find.bind(store);
    store.find = (async (collection, query) => {
      const docs = await find(collection, query);
      if (collection === 'households') {
        const id = query?.where?._id;
        const after = id && typeof id === 'object' && 'gt' in id ? String(id.gt) : null;
        reads.push({ after, n: docs.length });
      }
      return docs;
    }) as typeof store.find;
    return reads;
  }

  async function claimedDraft(world: NoticeWorld) {
    await world.h.as(LI).ok('notice', 'setSubscriptions', { categories: ['medicalInsurance'] });
    const draft = await world.staff.ok('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content(),
    });
    const store = world.h.deps.store;
    return (await claim(store, (await store.get('notices', draft.noticeId))!, world.h.clock.now()))!;
  }

  test('a first slice answers with the notice still publishing; scheduled runs continue at the cursor, reading each household once', async () => {
    w = await noticeWorld();
    const claimed = await claimedDraft(w);
    const reads = watchHouseholds(w);

    const first = await runPublication(w.h.deps, claimed, { slices: 1, slice: 100 });
    expect(first.state).toBe('publishing');
    expect(first.publishing).toMatchObject({ batchesDone: 1, households: 100 });
    // The lease is given back: the next scheduled minute continues without waiting for it to end.
    expect(new Date(first.publishing!.leaseUntil).getTime()).toBeLessThanOrEqual(w.h.clock.now().getTime());
    const cursor = first.publishing!.cursor;

    w.h.clock.advance(60_000);
    const tick = await w.h.anonymous('scheduler', 'tick', {});
    const notice = await w.h.deps.store.get('notices', claimed._id);

    expect(tick).toMatchObject({ ok: true, data: { results: { notices: { resumed: 1 } } } });
    expect(notice).toMatchObject({ state: 'published', households: 792, publishing: null });
    expect(reads.filter((r) => r.after === null)).toHaveLength(1);
    expect(reads.find((r) => r.after !== null)?.after).toBe(cursor);
    expect(reads.reduce((sum, r) => sum + r.n, 0)).toBe(792);
    expect(await w.h.deps.store.count('noticeTargets', { noticeId: claimed._id })).toBe(792);
    const coverage = await w.staff.ok('notice', 'coverage', { noticeId: claimed._id });
    expect(coverage.community.households).toBe(792);
  });

  test('a slice repeated after its run died before moving the cursor writes and pushes nothing twice', async () => {
    w = await noticeWorld();
    const claimed = await claimedDraft(w);
    const store = w.h.deps.store;
    // The run writes its slice's targets and push, and dies before its versioned write of the cursor.
    const update = store.update.bind(store);
    store.update = (async (...args: Parameters<typeof store.update>) => {
      if (args[0] === 'notices') throw new Error('instance killed');
      return update(...args);
    }) as typeof store.update;
    await expect(runPublication(w.h.deps, claimed, { slices: 3, slice: 300 })).rejects.toThrow(
      'instance killed',
    );
    store.update = update;
    expect(await store.count('noticeTargets', { noticeId: claimed._id })).toBe(300);

    w.h.clock.advance(2 * 60_000);
    const tick = await w.h.anonymous('scheduler', 'tick', {});

    expect(tick).toMatchObject({ ok: true, data: { results: { notices: { resumed: 1 } } } });
    expect(await store.get('notices', claimed._id)).toMatchObject({ state: 'published', households: 792 });
    expect(await store.count('noticeTargets', { noticeId: claimed._id })).toBe(792);
    const entries = await store.find('outbox', { where: { noticeId: claimed._id } });
    expect(entries.flatMap((e) => e.userIds)).toEqual(['u_resident_li']);
  });

  test('a run whose lease is still held by a live run is not overtaken', async () => {
    w = await noticeWorld();
    const claimed = await claimedDraft(w);

    const tick = await w.h.anonymous('scheduler', 'tick', {});

    expect(tick).toMatchObject({ ok: true, data: { results: { notices: { resumed: 0, continuing: 0 } } } });
    expect((await w.h.deps.store.get('notices', claimed._id))?.state).toBe('publishing');
  });
});
