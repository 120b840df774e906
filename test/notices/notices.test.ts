/** Policy notices in the demo community: audience, receipts, visits, withdrawal, corrections, permissions. */
import {
  COMMUNITY,
  LI,
  LI_HOUSEHOLD,
  WANG,
  YANG,
  content,
  grids,
  noticeWorld,
  wholeCommunity,
  type NoticeWorld,
} from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

describe('publishing to chosen grids', () => {
  test('a notice to two grids reaches only their residents, and counts the households of those grids', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_01', 'g_wujiayuan_02'));

    const liFeed = await w.h.as(LI).ok('notice', 'feed', {});
    const wangFeed = await w.h.as(WANG).ok('notice', 'feed', {});
    const yangFeed = await w.h.as(YANG).ok('notice', 'feed', {});
    const yangDetail = await w.h.as(YANG).call('notice', 'detail', { noticeId: notice.noticeId });

    expect(notice.state).toBe('published');
    expect(notice.households).toBe(101 + 85);
    expect(liFeed.items.map((i) => i.noticeId)).toEqual([notice.noticeId]);
    expect(wangFeed.items.map((i) => i.noticeId)).toEqual([notice.noticeId]);
    expect(yangFeed.items).toEqual([]);
    expect(yangDetail).toMatchObject({ ok: false, error: { code: 'NOTICE.NOT_FOUND' } });
  });

  test('narrowing by a tag keeps only households carrying it', async () => {
    w = await noticeWorld();
    const notice = await w.publish({ ...grids('g_wujiayuan_01', 'g_wujiayuan_02'), tags: ['hardship'] });

    const liFeed = await w.h.as(LI).ok('notice', 'feed', {});
    const wangFeed = await w.h.as(WANG).ok('notice', 'feed', {});

    expect(notice.households).toBeLessThan(186);
    expect(liFeed.items).toHaveLength(1);
    expect(wangFeed.items).toHaveLength(0);
  });

  test('a place of another community is refused and nothing is written', async () => {
    w = await noticeWorld();
    const result = await w.staff.call('notice', 'compose', {
      communityId: COMMUNITY,
      audience: grids('g_jiaojiawan_01'),
      ...content(),
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE.AUDIENCE_INVALID' } });
    expect(await w.h.deps.store.count('notices')).toBe(0);
  });

  test('staff of another community cannot see the notice or its coverage', async () => {
    w = await noticeWorld();
    const notice = await w.publish(wholeCommunity);

    const coverage = await w.h
      .as('dev-staff-jiaojiawan')
      .call('notice', 'coverage', { noticeId: notice.noticeId });
    const list = await w.h.as('dev-staff-jiaojiawan').call('notice', 'staffList', { communityId: COMMUNITY });

    expect(coverage).toMatchObject({ ok: false, error: { code: 'NOTICE.NOT_FOUND' } });
    expect(list).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  test('a resident cannot compose', async () => {
    w = await noticeWorld();
    const result = await w.h
      .as(LI)
      .call('notice', 'compose', { communityId: COMMUNITY, audience: wholeCommunity, ...content() });
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});

describe('receipts 已知晓', () => {
  test('two members of one household count the household once, and each resident once', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const daughter = await w.addResident('dev-li-daughter', LI_HOUSEHOLD);

    const first = await w.h.as(LI).ok('notice', 'confirm', { noticeId: notice.noticeId });
    await daughter.ok('notice', 'confirm', { noticeId: notice.noticeId });
    const again = await w.h.as(LI).ok('notice', 'confirm', { noticeId: notice.noticeId });
    const coverage = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });

    expect(first.alreadyConfirmed).toBe(false);
    expect(again).toEqual({ confirmedAt: first.confirmedAt, alreadyConfirmed: true });
    expect(coverage.community).toMatchObject({
      households: 85,
      reached: 1,
      byReceipt: 1,
      confirmedResidents: 2,
    });
    expect(await w.h.deps.store.count('noticeReceipts')).toBe(2);
    expect(coverage.trend).toEqual([{ hour: '2026-06-20T09:00:00+08:00', reached: 1, cumulative: 1 }]);
  });

  test('a resident outside the audience cannot confirm', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const result = await w.h.as(YANG).call('notice', 'confirm', { noticeId: notice.noticeId });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE.NOT_TARGETED' } });
    expect(await w.h.deps.store.count('noticeReceipts')).toBe(0);
  });

  test('the feed marks unread notices until 已知晓, newest first', async () => {
    w = await noticeWorld();
    const older = await w.publish(grids('g_wujiayuan_02'), { title: '防汛安全提示', category: 'safety' });
    w.h.clock.advance(60_000);
    const newer = await w.publish(grids('g_wujiayuan_02'));
    await w.h.as(LI).ok('notice', 'confirm', { noticeId: older.noticeId });

    const feed = await w.h.as(LI).ok('notice', 'feed', {});
    const safety = await w.h.as(LI).ok('notice', 'feed', { category: 'safety' });

    expect(feed.items.map((i) => [i.noticeId, i.confirmed])).toEqual([
      [newer.noticeId, false],
      [older.noticeId, true],
    ]);
    expect(safety.items.map((i) => i.noticeId)).toEqual([older.noticeId]);
  });
});

describe('visits 入户走访', () => {
  test('a visit recorded for an unreached household raises coverage and takes it off the visit list', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const worker = w.h.as('dev-worker-wujiayuan-02-2');
    const before = await worker.ok('notice', 'visitList', {
      noticeId: notice.noticeId,
      microGridId: 'mg_wujiayuan_02_2',
    });
    const household = before.unreached[0]!;

    const result = await worker.ok('notice', 'recordVisit', {
      noticeId: notice.noticeId,
      householdId: household.householdId,
      outcome: 'inPerson',
      note: '已讲解缴费方式',
    });
    const after = await worker.ok('notice', 'visitList', {
      noticeId: notice.noticeId,
      microGridId: 'mg_wujiayuan_02_2',
    });
    const coverage = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });

    expect(household.address).toMatch(/吴家园西区 \d+号楼 \d+/);
    expect(result).toMatchObject({ reached: true, microGridReached: 1 });
    expect(after.unreached.map((u) => u.householdId)).not.toContain(household.householdId);
    expect(after.unreached).toHaveLength(before.unreached.length - 1);
    expect(coverage.community).toMatchObject({ reached: 1, byVisit: 1, visits: 1 });
  });

  test('nobody home is recorded but does not reach the household; a later receipt does', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const visitor = w.h.as('dev-leader-wujiayuan-02');
    const li = await w.h.deps.store.get('households', LI_HOUSEHOLD);

    await visitor.ok('notice', 'recordVisit', {
      noticeId: notice.noticeId,
      householdId: LI_HOUSEHOLD,
      outcome: 'nobodyHome',
      note: '',
    });
    const mid = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });
    const list = await visitor.ok('notice', 'visitList', {
      noticeId: notice.noticeId,
      microGridId: li!.microGridId,
    });
    await w.h.as(LI).ok('notice', 'confirm', { noticeId: notice.noticeId });
    const end = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });

    expect(mid.community).toMatchObject({ reached: 0, nobodyHome: 1, visits: 1 });
    expect(list.unreached.find((u) => u.householdId === LI_HOUSEHOLD)?.lastAttempt?.outcome).toBe(
      'nobodyHome',
    );
    expect(end.community).toMatchObject({ reached: 1, byReceipt: 1, nobodyHome: 0 });
  });

  test('a worker of another micro-grid may not record a visit, and a retried request records once', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    const leader = w.h.as('dev-leader-wujiayuan-02');
    const stranger = w.h.as('dev-worker-wujiayuan-01-1');
    const visit = {
      noticeId: notice.noticeId,
      householdId: LI_HOUSEHOLD,
      outcome: 'phone' as const,
      note: '电话告知',
      requestId: 'r1',
    };

    const refused = await stranger.call('notice', 'recordVisit', visit);
    await leader.ok('notice', 'recordVisit', visit);
    await leader.ok('notice', 'recordVisit', visit);

    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await w.h.deps.store.count('noticeVisits')).toBe(1);
  });
});

describe('withdrawal and corrections', () => {
  test('a withdrawn notice disappears from feeds but keeps its receipts', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    await w.h.as(LI).ok('notice', 'confirm', { noticeId: notice.noticeId });

    await w.staff.ok('notice', 'withdraw', {
      noticeId: notice.noticeId,
      version: notice.version,
      reason: '内容有误，重新发布',
    });
    const feed = await w.h.as(LI).ok('notice', 'feed', {});
    const detail = await w.h.as(LI).call('notice', 'detail', { noticeId: notice.noticeId });
    const coverage = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });

    expect(feed.items).toEqual([]);
    expect(detail).toMatchObject({ ok: false, error: { code: 'NOTICE.WITHDRAWN' } });
    expect(await w.h.deps.store.count('noticeReceipts', { noticeId: notice.noticeId })).toBe(1);
    expect(coverage).toMatchObject({ state: 'withdrawn', community: { reached: 1 } });
  });

  test('editing a published notice is shown as a correction with its time; its audience cannot change', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'));
    w.h.clock.advance(3_600_000);

    const noNote = await w.staff.call('notice', 'edit', {
      noticeId: notice.noticeId,
      version: notice.version,
      content: content({ title: '城乡居民医保缴费提醒（更正）' }),
    });
    const moved = await w.staff.call('notice', 'edit', {
      noticeId: notice.noticeId,
      version: notice.version,
      content: content(),
      audience: wholeCommunity,
      correctionNote: '扩大范围',
    });
    const edited = await w.staff.ok('notice', 'edit', {
      noticeId: notice.noticeId,
      version: notice.version,
      content: content({ title: '城乡居民医保缴费提醒（更正）' }),
      correctionNote: '截止日期更正',
    });
    const stale = await w.staff.call('notice', 'edit', {
      noticeId: notice.noticeId,
      version: notice.version,
      content: content(),
      correctionNote: 'x',
    });
    const detail = await w.h.as(LI).ok('notice', 'detail', { noticeId: notice.noticeId });
    const feed = await w.h.as(LI).ok('notice', 'feed', {});

    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
    expect(moved).toMatchObject({ ok: false, error: { code: 'NOTICE.INVALID_STATE' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'NOTICE.STALE_VERSION' } });
    expect(edited.corrections).toEqual([{ at: '2026-06-20T10:00:00+08:00', note: '截止日期更正' }]);
    expect(detail.title).toBe('城乡居民医保缴费提醒（更正）');
    expect(detail.corrections).toHaveLength(1);
    expect(feed.items[0]?.corrected).toBe(true);
  });
});

describe('the body is structured', () => {
  test('a link to a notice of another community is refused', async () => {
    w = await noticeWorld();
    const result = await w.staff.call('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content({
        body: [
          { kind: 'paragraph', spans: [{ kind: 'noticeLink', noticeId: 'ntc_elsewhere', text: '上一期' }] },
        ],
      }),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE.BODY_INVALID' } });
  });

  test('raw markup is kept as text, never as HTML', async () => {
    w = await noticeWorld();
    const notice = await w.publish(grids('g_wujiayuan_02'), {
      body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '<script>alert(1)</script>请按时缴费' }] }],
    });
    const detail = await w.h.as(LI).ok('notice', 'detail', { noticeId: notice.noticeId });
    expect(detail.body).toEqual([
      { kind: 'paragraph', spans: [{ kind: 'text', text: '<script>alert(1)</script>请按时缴费' }] },
    ]);
  });

  test('an unknown block kind is refused at the boundary', async () => {
    w = await noticeWorld();
    const result = await w.staff.call('notice', 'compose', {
      communityId: COMMUNITY,
      audience: wholeCommunity,
      ...content(),
      body: [{ kind: 'html', html: '<b>x</b>' }] as never,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION.FAILED' } });
  });
});
