/**
 * `npm run bench:fieldwork`: a worker's due list (inspection tasks and care visits) costs the same database
 * operations at 800 and at 50,000 households in the community. 焦家湾社区 of the demo is filled up to N
 * households (a quarter of them tagged 老年人, spread over its buildings); staff save a weekly care group of
 * elderly households and a monthly safety inspection of every micro-grid; then 何丽萍 reads her due list 200
 * times. Operations are counted with CountingStore; the time is the mean of the reads, on in-memory SQLite.
 * Prints a table; the last line is one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { CountingStore } from '../server/adapters/counting-store';
import { ManualClock } from '../server/adapters/local/clocks';
import { sequentialIds } from '../server/adapters/local/ids';
import { saveCareGroup } from '../server/core/care/groups';
import { dueList } from '../server/core/field/due-list';
import { planInspection } from '../server/core/inspections/plan';
import { saveTemplate } from '../server/core/inspections/templates';
import type { Household } from '../server/core/grids/model';
import { seedDemo } from '../server/demo/seed';
import { createLocalDeps } from '../server/local-cloud/deps';

const COMMUNITY = 'c_jiaojiawan';
const STAFF = { openid: 'dev-staff-jiaojiawan' };
const WORKER = { openid: 'dev-worker-jiaojiawan-01-1' };
const READS = 200;

async function run(households: number) {
  const deps = createLocalDeps({ clock: new ManualClock('2026-06-20T09:00:00+08:00'), ids: sequentialIds() });
  await seedDemo(deps.store);
  const buildings = await deps.store.find('buildings', { where: { communityId: COMMUNITY }, limit: 1000 });
  const have = await deps.store.count('households', { communityId: COMMUNITY });
  const extra: Household[] = [];
  for (let i = 0; i < households - have; i++) {
    const b = buildings[i % buildings.length]!;
    extra.push({
      _id: `h_bench_${i}`,
      communityId: COMMUNITY,
      gridId: b.gridId,
      microGridId: b.microGridId,
      buildingId: b._id,
      unit: `${(i % 6) + 1}单元`,
      room: `${1000 + (i % 997)}`,
      tags: i % 4 === 0 ? ['elderly'] : [],
    });
  }
  await deps.store.insertMany('households', extra);
  await saveCareGroup(deps, STAFF, {
    communityId: COMMUNITY,
    name: '独居老人',
    tags: ['elderly'],
    cadence: 'weekly',
  });
  const template = await saveTemplate(deps, STAFF, {
    communityId: COMMUNITY,
    name: '用电燃气消防安全排查',
    items: [{ key: 'wire', text: '楼道内无飞线充电', category: 'flyingWireCharging' }],
  });
  const micros = await deps.store.find('microGrids', { where: { communityId: COMMUNITY }, limit: 100 });
  await planInspection(deps, STAFF, {
    communityId: COMMUNITY,
    templateId: template.templateId,
    microGridIds: micros.map((m) => m._id),
    buildingIds: [],
    cadence: { kind: 'monthly' },
  });
  const counting = new CountingStore(deps.store);
  const counted = { ...deps, store: counting };
  const first = await dueList(counted, WORKER);
  const { reads, queries } = counting.take();
  const started = performance.now();
  for (let i = 0; i < READS; i++) await dueList(counted, WORKER);
  const ms = (performance.now() - started) / READS;
  const dues = await deps.store.count('careDues', { communityId: COMMUNITY });
  deps.store.close();
  return {
    households,
    dues,
    listed: first.visits.length + first.inspections.length,
    ops: reads + queries,
    reads,
    queries,
    ms,
  };
}

async function main() {
  const small = await run(800);
  const large = await run(50_000);
  console.log(
    'households | care dues in community | items listed | db ops (reads + queries) | mean ms per read',
  );
  for (const r of [small, large])
    console.log(
      `${String(r.households).padStart(10)} | ${String(r.dues).padStart(21)} | ${String(r.listed).padStart(12)} | ${`${r.ops} (${r.reads} + ${r.queries})`.padStart(24)} | ${r.ms.toFixed(2).padStart(16)}`,
    );
  console.log(
    JSON.stringify({
      dueOps800: small.ops,
      dueOps50k: large.ops,
      dueMs800: Number(small.ms.toFixed(2)),
      dueMs50k: Number(large.ms.toFixed(2)),
    }),
  );
}

void main();
