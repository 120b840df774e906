/**
 * `npm run bench:workbench`: the ticket workbench at 100,000 tickets (bench/support/tickets-100k.ts: one
 * community, 20 grids × 5 micro-grids, a year of tickets, most closed). On SQLite (a file, WAL): the time of a
 * page and the database operations it costs, for a filtered first page, the same filter 50 pages deep (the
 * cursor: no skip), an overdue filter, an unfiltered page and a text search (bounded window). On the CloudBase
 * stand-in: the requests one page costs (its in-memory engine's time says nothing about CloudBase's).
 * Prints a table; the last line is one JSON object. BENCH_TICKETS changes the size (default 100,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CountingStore } from '../server/adapters/counting-store';
import { ManualClock } from '../server/adapters/local/clocks';
import { sequentialIds } from '../server/adapters/local/ids';
import { startStandin, standinStore } from '../server/cloudbase-standin';
import type { Deps } from '../server/core/ports';
import { workbenchPage } from '../server/core/workbench/workbench';
import { createLocalDeps } from '../server/local-cloud/deps';
import type { WorkbenchFilter } from '../typings/workbench';
import { seedTickets, type BigCommunity } from './support/tickets-100k';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const READS = 30;
const DEEP_PAGES = 50;

interface Case {
  name: string;
  filter: WorkbenchFilter;
  /** Pages to walk before the measured one. */
  depth: number;
}

function cases(world: BigCommunity): Case[] {
  const grid = world.gridIds[3]!;
  return [
    {
      name: 'filtered: 办理中 in one grid, page 1',
      filter: { statuses: ['accepted', 'processing'], gridId: grid },
      depth: 0,
    },
    {
      name: `filtered: closed 路灯, page ${DEEP_PAGES + 1}`,
      filter: { statuses: ['closed'], category: 'streetLight' },
      depth: DEEP_PAGES,
    },
    { name: 'overdue, whole community, page 1', filter: { overdue: true }, depth: 0 },
    { name: 'no filter, page 1', filter: {}, depth: 0 },
    { name: 'text 井堵 in one grid (window)', filter: { gridId: grid, text: '井堵' }, depth: 0 },
  ];
}

async function cursorAt(
  deps: Deps,
  world: BigCommunity,
  c: Case,
  maxDepth = Infinity,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let i = 0; i < Math.min(c.depth, maxDepth); i++) {
    const page = await workbenchPage(
      deps,
      { openid: world.staffOpenid },
      { communityId: world.communityId, filter: c.filter, cursor },
    );
    cursor = page.next ?? undefined;
    if (!cursor) break;
  }
  return cursor;
}

async function measureSqlite(): Promise<Array<{ name: string; ms: number; ops: number; rows: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-bench-workbench-'));
  const clock = new ManualClock('2026-06-20T09:00:00+08:00');
  const deps = createLocalDeps({ dataDir: dir, clock, ids: sequentialIds() });
  try {
    const seeded = performance.now();
    const world = await seedTickets(deps.store, { key: 'big', count: TICKETS });
    clock.set(world.now);
    console.log(
      `SQLite: ${TICKETS.toLocaleString('en')} tickets seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const counting = new CountingStore(deps.store);
    const out = [];
    for (const c of cases(world)) {
      const cursor = await cursorAt(deps, world, c);
      const req = { communityId: world.communityId, filter: c.filter, cursor };
      const caller = { openid: world.staffOpenid };
      await workbenchPage(deps, caller, req);
      counting.take();
      const page = await workbenchPage({ ...deps, store: counting }, caller, req);
      const counts = counting.take();
      const started = performance.now();
      for (let i = 0; i < READS; i++) await workbenchPage(deps, caller, req);
      out.push({
        name: c.name,
        ms: (performance.now() - started) / READS,
        ops: counts.reads + counts.queries,
        rows: page.rows.length,
      });
    }
    return out;
  } finally {
    deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureStandin(): Promise<Array<{ name: string; requests: number }>> {
  const standin = await startStandin({ shuffleTies: false });
  const clock = new ManualClock('2026-06-20T09:00:00+08:00');
  const local = createLocalDeps({ clock, ids: sequentialIds() });
  const deps: Deps = { ...local, store: standinStore(standin) };
  try {
    const seeded = performance.now();
    const world = await seedTickets(deps.store, { key: 'big', count: TICKETS });
    clock.set(world.now);
    console.log(
      `stand-in: ${TICKETS.toLocaleString('en')} tickets seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const out = [];
    for (const c of cases(world)) {
      // The stand-in's in-memory engine scans for each query: walk 3 pages deep there, not 50 (a page's
      // requests do not depend on its depth: the cursor is a bound, not a skip).
      const cursor = await cursorAt(deps, world, c, 2);
      standin.resetCounts();
      await workbenchPage(
        deps,
        { openid: world.staffOpenid },
        { communityId: world.communityId, filter: c.filter, cursor },
      );
      out.push({ name: c.name, requests: standin.counts().total });
    }
    const unindexed = standin.unindexedQueries();
    if (unindexed.length) throw new Error(`queries no declared index serves: ${JSON.stringify(unindexed)}`);
    return out;
  } finally {
    local.store.close();
    await standin.close();
  }
}

async function main(): Promise<void> {
  const sqlite = await measureSqlite();
  const standin = await measureStandin();
  const n = TICKETS.toLocaleString('en');
  console.log(`\nWorkbench page (20 rows) at ${n} tickets (stand-in: the deep page is page 3)`);
  console.log('| page | rows | SQLite ms (mean of 30) | SQLite database operations | stand-in requests |');
  console.log('|---|---|---|---|---|');
  for (const [i, s] of sqlite.entries())
    console.log(`| ${s.name} | ${s.rows} | ${s.ms.toFixed(2)} | ${s.ops} | ${standin[i]?.requests ?? '—'} |`);
  const head = sqlite[0]!;
  console.log(
    JSON.stringify({
      workbenchMs100k: Number(head.ms.toFixed(2)),
      workbenchOps100k: head.ops,
      workbenchRequests100k: standin[0]?.requests ?? null,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
