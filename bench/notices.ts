/**
 * `npm run bench:notices`: a synthetic street of 50,000 households in 1,000 micro-grids (200 grids of 5),
 * beside a community with 吴家园社区's 38 micro-grids (19 grids of 2, 1,900 households), on a SQLite file (WAL).
 * Prints a table; the last line is one JSON object for CI.
 *
 * 1. Publish time: one notice to all 50,000 households (the staff call's first slice, then scheduled runs at a
 *    cursor: targets in batches, one push outbox entry per slice for the 2,000 subscribers, coverage shards).
 * 2. Receipt writes per second: 5,000 residents tap 已知晓, one after another, through the real use case.
 * 3. The coverage dashboard at 38 and at 1,000 micro-grids: mean read time over 200 reads, and the database
 *    operations one read costs, counted with CountingStore. Both should be the same: the dashboard reads the
 *    notice and its coverage shards, never the receipts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CountingStore } from '../server/adapters/counting-store';
import { ManualClock } from '../server/adapters/local/clocks';
import { sequentialIds } from '../server/adapters/local/ids';
import { composeNotice } from '../server/core/notices/compose';
import { coverageView } from '../server/core/notices/coverage';
import { publishDue, requestPublish } from '../server/core/notices/publish';
import { confirmNotice } from '../server/core/notices/receipts';
import type { Deps } from '../server/core/ports';
import type { User } from '../server/core/users/model';
import { createLocalDeps } from '../server/local-cloud/deps';
import type { HouseholdTag } from '../server/core/grids/model';
import { syntheticMap } from './support/synthetic-map';

const RECEIPTS = 5_000;
const SUBSCRIBERS = 2_000;
const DASHBOARD_READS = 200;
const NOW = '2026-06-20T09:00:00+08:00';

interface Street {
  communityId: string;
  households: number;
  microGrids: number;
}

function world(key: string, grids: number, microPerGrid: number, householdsPerMicro: number) {
  // Every fifth household elderly: the tag audiences have someone to reach.
  const tagsOf = (h: number): HouseholdTag[] => (h % 5 === 0 ? ['elderly'] : []);
  return syntheticMap({ key, name: `${key}社区`, grids, microPerGrid, householdsPerMicro, tagsOf });
}

function user(id: string, communityId: string, householdId: string | null, staff: boolean): User {
  return {
    _id: id,
    openid: id,
    name: '居民',
    phone: null,
    roles: [{ role: staff ? 'staff' : 'resident', communityId }],
    roleKeys: [`${staff ? 'staff' : 'resident'}:${communityId}`],
    householdId,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

async function seed(
  deps: Deps,
  key: string,
  grids: number,
  microPerGrid: number,
  perMicro: number,
  residents: number,
): Promise<Street & { residents: User[] }> {
  const w = world(key, grids, microPerGrid, perMicro);
  await deps.store.insert('communities', w.community);
  await deps.store.insertMany('grids', w.grids);
  await deps.store.insertMany('microGrids', w.microGrids);
  await deps.store.insertMany('households', w.households);
  const step = Math.floor(w.households.length / residents);
  const people = Array.from({ length: residents }, (_, i) =>
    user(`u_${key}_${i}`, w.community._id, w.households[i * step]!._id, false),
  );
  await deps.store.insertMany('users', [user(`staff_${key}`, w.community._id, null, true), ...people]);
  return {
    communityId: w.community._id,
    households: w.households.length,
    microGrids: w.microGrids.length,
    residents: people,
  };
}

async function publish(deps: Deps, street: Street, key: string): Promise<{ noticeId: string; ms: number }> {
  const caller = { openid: `staff_${key}` };
  const draft = await composeNotice(deps, caller, {
    communityId: street.communityId,
    audience: { scope: 'community', gridIds: [], microGridIds: [], tags: [] },
    title: '城乡居民医保缴费提醒',
    body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '2027年度城乡居民医保开始缴费。' }] }],
    category: 'medicalInsurance',
    coverFileId: null,
    attachments: [],
  });
  const started = performance.now();
  await requestPublish(deps, caller, { noticeId: draft.noticeId, version: draft.version });
  // The staff call writes the first slice; scheduled runs continue it, minute after minute, until it is live.
  while ((await deps.store.get('notices', draft.noticeId))?.state !== 'published') {
    (deps.clock as ManualClock).advance(60_000);
    await publishDue(deps);
  }
  return { noticeId: draft.noticeId, ms: performance.now() - started };
}

async function dashboard(
  deps: Deps,
  counting: CountingStore,
  key: string,
  noticeId: string,
): Promise<{ ms: number; ops: number }> {
  const countedDeps = { ...deps, store: counting };
  const caller = { openid: `staff_${key}` };
  await coverageView(countedDeps, caller, noticeId);
  counting.take();
  await coverageView(countedDeps, caller, noticeId);
  const c = counting.take();
  const started = performance.now();
  for (let i = 0; i < DASHBOARD_READS; i++) await coverageView(deps, caller, noticeId);
  return { ms: (performance.now() - started) / DASHBOARD_READS, ops: c.reads + c.queries };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-bench-notices-'));
  const deps = createLocalDeps({ dataDir: dir, clock: new ManualClock(NOW), ids: sequentialIds() });
  try {
    const street = await seed(deps, 'street', 200, 5, 50, RECEIPTS);
    const small = await seed(deps, 'small', 19, 2, 50, 500);
    const subscriptions = street.residents.slice(0, SUBSCRIBERS).map((u) => ({
      _id: `nsb_${u._id}`,
      userId: u._id,
      communityId: street.communityId,
      categories: ['medicalInsurance' as const],
      updatedAt: NOW,
    }));
    await deps.store.insertMany('noticeSubscriptions', subscriptions);

    const big = await publish(deps, street, 'street');
    const little = await publish(deps, small, 'small');

    const started = performance.now();
    for (const resident of street.residents)
      await confirmNotice(deps, { openid: resident.openid }, big.noticeId);
    const receiptsPerSec = RECEIPTS / ((performance.now() - started) / 1000);
    for (const resident of small.residents)
      await confirmNotice(deps, { openid: resident.openid }, little.noticeId);

    const counting = new CountingStore(deps.store);
    const d38 = await dashboard(deps, counting, 'small', little.noticeId);
    const d1000 = await dashboard(deps, counting, 'street', big.noticeId);
    const outbox = await deps.store.count('outbox', { noticeId: big.noticeId });

    const rows: Array<[string, string]> = [
      [
        'publish 50,000 households (1,000 micro-grids)',
        `${big.ms.toFixed(0)} ms (${outbox} push outbox entries)`,
      ],
      ['receipts (已知晓), sequential', `${receiptsPerSec.toFixed(0)} /s`],
      ['dashboard, 38 micro-grids', `${d38.ms.toFixed(2)} ms, ${d38.ops} database operations`],
      ['dashboard, 1,000 micro-grids', `${d1000.ms.toFixed(2)} ms, ${d1000.ops} database operations`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
    console.log(
      JSON.stringify({
        publishMs50k: Math.round(big.ms),
        receiptsPerSec: Math.round(receiptsPerSec),
        dashboardMs38: Number(d38.ms.toFixed(3)),
        dashboardMs1000: Number(d1000.ms.toFixed(3)),
        dashboardOps38: d38.ops,
        dashboardOps1000: d1000.ops,
      }),
    );
  } finally {
    deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
