/**
 * The coverage counters agree with the records: after a randomized run of 10,000 receipts and visits
 * (repeats, several members per household, nobody-home visits, concurrent writers, hours passing), the
 * reconciliation recomputes every counter from receipts and visits and finds no drift.
 */
import { isAppError } from '../../server/core/errors';
import { confirmNotice } from '../../server/core/notices/receipts';
import { recordVisit } from '../../server/core/notices/visits';
import type { User } from '../../server/core/users/model';
import { COMMUNITY, STAFF, noticeWorld, wholeCommunity, type NoticeWorld } from './fixture';

let w: NoticeWorld;
afterEach(() => w.h.close());

/** A small seeded generator (mulberry32): the same run every time. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('reconciliation finds zero drift after 10,000 randomized receipts and visits', async () => {
  w = await noticeWorld();
  const { store } = w.h.deps;
  const notice = await w.publish(wholeCommunity);
  const households = await store.find('households', { where: { communityId: COMMUNITY } });
  const at = w.h.clock.now().toISOString();
  const residents: User[] = households.flatMap((h, i) =>
    Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      _id: `u_r_${i}_${k}`,
      openid: `r-${i}-${k}`,
      name: '居民',
      phone: null,
      roles: [{ role: 'resident' as const, communityId: COMMUNITY }],
      roleKeys: [`resident:${COMMUNITY}`],
      householdId: h._id,
      createdAt: at,
      updatedAt: at,
      version: 1,
    })),
  );
  await store.insertMany('users', residents);
  const random = prng(20260620);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const outcomes = ['inPerson', 'phone', 'nobodyHome', 'nobodyHome'] as const;
  let conflicts = 0;

  for (let done = 0; done < 10_000; done += 10) {
    if (done % 1000 === 0) w.h.clock.advance(50 * 60_000);
    // Ten writers at once: they meet on shard documents and must retry, not double-count.
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        try {
          if (random() < 0.6)
            await confirmNotice(w.h.deps, { openid: pick(residents).openid }, notice.noticeId);
          else
            await recordVisit(
              w.h.deps,
              { openid: STAFF },
              {
                noticeId: notice.noticeId,
                householdId: pick(households)._id,
                outcome: pick([...outcomes]),
                note: '',
              },
            );
        } catch (error) {
          if (!isAppError(error) || error.code !== 'STORE.CONFLICT') throw error;
          conflicts += 1;
        }
      }),
    );
  }
  const report = await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId });
  const coverage = await w.staff.ok('notice', 'coverage', { noticeId: notice.noticeId });

  expect(report.drift).toEqual([]);
  expect(report.receipts + report.visits + conflicts).toBeGreaterThan(5000);
  expect(report.microGrids).toBe(coverage.grids.reduce((n, g) => n + g.microGrids.length, 0));
  expect(coverage.community.households).toBe(792);
  expect(coverage.community.reached).toBeGreaterThan(700);
  expect(coverage.community.confirmedResidents).toBe(report.receipts);
  expect(coverage.trend.length).toBeGreaterThan(1);
  expect(coverage.trend.at(-1)?.cumulative).toBe(coverage.community.reached);
});

test('the reconciliation reports a counter that was changed behind its back', async () => {
  w = await noticeWorld();
  const notice = await w.publish(wholeCommunity);
  await w.h.as('dev-resident-li').ok('notice', 'confirm', { noticeId: notice.noticeId });
  const [shard] = await w.h.deps.store.find('noticeCoverage', {
    where: { noticeId: notice.noticeId },
    limit: 1,
  });
  const [microGridId, entry] = Object.entries(shard!.microGrids)[0]!;
  await w.h.deps.store.update('noticeCoverage', shard!._id, {
    microGrids: { ...shard!.microGrids, [microGridId]: { ...entry, visits: entry.visits + 3 } },
  });

  const report = await w.staff.ok('notice', 'reconcile', { noticeId: notice.noticeId });

  expect(report.drift).toEqual([
    { microGridId, field: 'visits', counted: entry.visits + 3, recomputed: entry.visits },
  ]);
});
