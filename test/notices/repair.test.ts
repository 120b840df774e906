/**
 * Repairing what a receipt cut short left behind (receipts.ts: a process that dies between the receipt and
 * its counter increment): `notice.reconcile` with `repair` adds back a drift only once two calls at least
 * SETTLE_MS apart saw the same difference — one still in flight settles by itself — and by increment, so
 * counts landing meanwhile are kept.
 */
import { noticeIds } from '../../server/core/notices/model';
import { SETTLE_MS } from '../../server/core/notices/repair';
import { LI, LI_HOUSEHOLD, noticeWorld, wholeCommunity, WANG, type NoticeWorld } from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

/** Li's 已知晓 as a process that died after the receipt and before the increment would leave it. */
async function cutShortReceipt(noticeId: string): Promise<string> {
  const { store } = w.h.deps;
  const li = (await store.find('users', { where: { openid: LI } }))[0]!;
  const target = (await store.get('noticeTargets', noticeIds.target(noticeId, LI_HOUSEHOLD)))!;
  const at = w.h.clock.now().toISOString();
  await store.update('noticeTargets', target._id, {
    reachedAt: at,
    reachedBy: 'receipt',
    reachedByUserId: li._id,
  });
  const notice = (await store.get('notices', noticeId))!;
  await store.insert('noticeReceipts', {
    _id: noticeIds.receipt(noticeId, li._id),
    noticeId,
    communityId: notice.communityId,
    userId: li._id,
    householdId: LI_HOUSEHOLD,
    microGridId: target.microGridId,
    at,
    reached: true,
  });
  return target.microGridId;
}

test('a receipt cut short before its counters is repaired once its drift has settled, and only once', async () => {
  w = await noticeWorld();
  const notice = await w.publish(wholeCommunity);
  const microGridId = await cutShortReceipt(notice.noticeId);
  const repair = () => w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId, repair: true });

  // First seen: not repaired yet, and the answer says when it may be.
  const first = await repair();
  expect(first.repaired).toEqual([]);
  expect(first.drift.map((d) => [d.microGridId, d.field, d.recomputed - d.counted])).toEqual(
    expect.arrayContaining([
      [microGridId, 'reached', 1],
      [microGridId, 'byReceipt', 1],
      [microGridId, 'confirmedResidents', 1],
    ]),
  );
  expect(first.settlesAt).not.toBeNull();

  // Meanwhile another resident taps: their counts must survive the repair.
  await w.h.as(WANG).ok('notice', 'confirm', { noticeId: notice.noticeId });
  w.h.clock.advance(SETTLE_MS);
  const second = await repair();
  expect(second.repaired!.map((d) => d.field).sort()).toEqual(
    [
      'byReceipt',
      'confirmedResidents',
      'reached',
      `trend ${first.drift.find((d) => d.field.startsWith('trend'))!.field.slice(6)}`,
    ].sort(),
  );
  expect(second.drift).toEqual([]);
  expect((await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId })).drift).toEqual([]);
  const coverage = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });
  expect(coverage.community).toMatchObject({ reached: 2, byReceipt: 2, confirmedResidents: 2 });

  // Asked again: nothing left, nothing added twice.
  w.h.clock.advance(SETTLE_MS);
  expect((await repair()).repaired).toEqual([]);
  const again = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });
  expect(again.community).toEqual(coverage.community);
});

test('a drift that goes away by itself (a receipt still in flight) is never added', async () => {
  w = await noticeWorld();
  const notice = await w.publish(wholeCommunity);
  await cutShortReceipt(notice.noticeId);
  const first = await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId, repair: true });
  expect(first.drift.length).toBeGreaterThan(0);
  // The in-flight increment lands (as the receipt's own third write would).
  const shards = await w.h.deps.store.find('noticeCoverage', { where: { noticeId: notice.noticeId } });
  for (const d of first.drift) {
    const path = d.microGridId ? `microGrids.${d.microGridId}.${d.field}` : `hourly.${d.field.slice(6)}`;
    const holder = shards.find((s) => !d.microGridId || d.microGridId in s.microGrids)!;
    await w.h.deps.store.increment('noticeCoverage', holder._id, {
      add: { [path]: d.recomputed - d.counted },
    });
  }
  w.h.clock.advance(SETTLE_MS);
  const second = await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId, repair: true });
  expect(second.repaired).toEqual([]);
  expect(second.drift).toEqual([]);
  expect(second.settlesAt).toBeNull();
});

test('a drift seen again too soon waits, though not from scratch; reconcile without repair writes nothing', async () => {
  w = await noticeWorld();
  const notice = await w.publish(wholeCommunity);
  await cutShortReceipt(notice.noticeId);
  const plain = await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId });
  expect(plain.repaired).toBeUndefined();
  expect(await w.h.deps.store.get('noticeChecks', notice.noticeId)).toBeNull();
  await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId, repair: true });
  w.h.clock.advance(SETTLE_MS / 2);
  const soon = await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId, repair: true });
  expect(soon.repaired).toEqual([]);
  expect(soon.drift.length).toBeGreaterThan(0);
  // Asking in between does not restart the clock: settled from the first sight.
  w.h.clock.advance(SETTLE_MS / 2);
  const settled = await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId, repair: true });
  expect(settled.repaired!.length).toBeGreaterThan(0);
  expect(settled.drift).toEqual([]);
});
