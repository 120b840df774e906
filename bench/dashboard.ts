/**
 * `npm run bench:dashboard`: the figures read of 吴家园社区 (the demo's 15 grids, 38 micro-grids) over a
 * year, at 1,000 and at 1,000,000 tickets, on a SQLite file (WAL), before and after the fold of the counter
 * shards into month totals (server/core/figures/fold.ts, run as the scheduler runs it). Prints a table; the
 * last line is one JSON object.
 *
 * 1. The figures read (`ticket.figures` through `invoke`, as staff): mean time over 50 reads, the database
 *    operations one read costs (CountingStore) and the counter JSON it parses. The read touches only counter
 *    documents and the grid map, never a ticket, so the tickets are not what is measured:
 *    - at 1,000 the tickets are written and the counters computed from them by the transactions' own
 *      contribution code (`figureDeltas`/`applyIncrements`);
 *    - at 1,000,000 the counter documents are written directly, and cheaply: computed from 50,000 synthetic
 *      tickets (enough for every cell of the map to exist in every shard of every month, as at 1,000,000)
 *      with every counter then multiplied by 20. No ticket is written.
 * 2. What the figures add to a change: database operations of submit, accept, progress and resolve through
 *    the real handlers (progress moves no figure and so adds none).
 * The filtered workbench page at 100,000 tickets is measured by `npm run bench:workbench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TicketCategory } from '../typings/ticket';
import { CountingStore } from '../server/adapters/counting-store';
import { ManualClock } from '../server/adapters/local/clocks';
import { sequentialIds } from '../server/adapters/local/ids';
import { figureDeltas } from '../server/core/figures/deltas';
import { foldFigures } from '../server/core/figures/fold';
import type { TicketFigureFacts } from '../server/core/figures/facts';
import {
  applyIncrements,
  emptyShard,
  type FigureIncrement,
  type FigureShard,
} from '../server/core/figures/shards';
import type { Ticket } from '../server/core/tickets/model';
import { ticketCategories } from '../server/core/tickets/categories';
import type { Deps } from '../server/core/ports';
import { prng, type Prng } from '../server/demo/prng';
import { seedDemo } from '../server/demo/seed';
import { invoke } from '../server/functions/define';
import { functions } from '../server/functions';
import { createLocalDeps } from '../server/local-cloud/deps';

const NOW = '2026-12-20T09:00:00+08:00';
const COMMUNITY = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';
const READS = 50;
/** Synthetic tickets behind the large size's counters, which are then scaled up to its size (see the header). */
const SAMPLE = 50_000;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const CHUNK = 50_000;

interface Place {
  gridId: string;
  microGridId: string;
  workers: Array<{ userId: string; name: string }>;
}

async function placesOf(deps: Deps): Promise<Place[]> {
  const microGrids = await deps.store.find('microGrids', { where: { communityId: COMMUNITY }, limit: 1000 });
  const members = await deps.store.find('members', { where: { communityId: COMMUNITY }, limit: 1000 });
  const users = new Map((await deps.store.find('users', { limit: 1000 })).map((u) => [u._id, u.name]));
  return microGrids.map((m) => ({
    gridId: m.gridId,
    microGridId: m._id,
    workers: members
      .filter((x) => x.microGridId === m._id && x.duty === 'worker')
      .map((x) => ({ userId: x.userId, name: users.get(x.userId) ?? '网格员' })),
  }));
}

const STATUSES = ['assigned', 'processing', 'resolved', 'closed', 'closed', 'closed', 'cancelled'] as const;

/** A synthetic ticket with plausible facts: the fields the figures read, nothing else. */
function synthetic(i: number, rand: Prng, places: Place[], categories: TicketCategory[]): Ticket {
  const place = rand.pick(places);
  const worker = place.workers.length ? rand.pick(place.workers) : null;
  const month = MONTHS[i % 12]!;
  const createdAt = `${month}-${String(rand.int(1, 28)).padStart(2, '0')}T${String(rand.int(8, 20)).padStart(2, '0')}:00:00+08:00`;
  const at = (minutes: number) => new Date(new Date(createdAt).getTime() + minutes * 60_000).toISOString();
  const status = rand.pick(STATUSES);
  const signed = status !== 'assigned' && status !== 'cancelled';
  const resolved = status === 'resolved' || status === 'closed';
  const figures: TicketFigureFacts = {
    firstSignedAt: signed ? at(rand.int(5, 300)) : null,
    signedOnTime: rand.next() < 0.9,
    lastResolvedAt: resolved ? at(rand.int(300, 8000)) : null,
    resolvedOnTime: rand.next() < 0.95,
    reopens: resolved && rand.next() < 0.05 ? 1 : 0,
    extensions: rand.next() < 0.03 ? 1 : 0,
  };
  return {
    _id: `tkt_bench_${i}`,
    communityId: COMMUNITY,
    gridId: place.gridId,
    microGridId: place.microGridId,
    assigneeUserId: worker?.userId ?? null,
    assignee: worker ? { userId: worker.userId, name: worker.name, roleLabel: '网格员' } : null,
    category: rand.pick(categories),
    status,
    createdAt,
    rating:
      status === 'closed' && rand.next() < 0.7 ? { stars: rand.int(2, 5), comment: '', at: createdAt } : null,
    figures,
  } as Ticket;
}

/** The counter documents of `n` synthetic tickets, computed in chunks; with `keep`, the tickets too. */
function counterDocs(n: number, places: Place[], keep: Ticket[] | null): FigureShard[] {
  const rand = prng(`bench-dashboard-${n}`);
  const categories = ticketCategories.filter((c) => c !== 'secretaryLetter');
  const shards = new Map<string, FigureShard>();
  for (let start = 0; start < n; start += CHUNK) {
    const byDoc = new Map<string, FigureIncrement[]>();
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const ticket = synthetic(i, rand, places, categories);
      keep?.push(ticket);
      for (const inc of figureDeltas(null, ticket)) {
        const list = byDoc.get(inc.docId);
        if (list) list.push(inc);
        else byDoc.set(inc.docId, [inc]);
      }
    }
    for (const [docId, incs] of byDoc) {
      const first = incs[0]!;
      const shard = shards.get(docId) ?? emptyShard(first.communityId, first.month, first.shard, NOW);
      shards.set(docId, applyIncrements(shard, incs, NOW));
    }
  }
  return [...shards.values()];
}

/** Every counter of the documents' cells multiplied by `factor` (the cells that exist stay the same). */
function scaled(docs: FigureShard[], factor: number): FigureShard[] {
  const times = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(times)
      : typeof value === 'number'
        ? value * factor
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, times(v)]))
          : value;
  return docs.map((doc) => ({ ...doc, grids: times(doc.grids) as FigureShard['grids'] }));
}

/** The JSON the read parses: every counter document of the year (the read's cost follows it, not tickets). */
function bytesOf(docs: FigureShard[]): number {
  return docs.reduce((n, doc) => n + Buffer.byteLength(JSON.stringify(doc)), 0);
}

async function readFigures(deps: Deps): Promise<{ ms: number; ops: number; received: number }> {
  const counting = new CountingStore(deps.store);
  const req = { action: 'figures', communityId: COMMUNITY, fromMonth: MONTHS[0], toMonth: MONTHS[11] };
  const once = (d: Deps) => invoke(functions.ticket, d, { openid: STAFF }, req);
  await once({ ...deps, store: counting });
  counting.take();
  const answer = await once({ ...deps, store: counting });
  const c = counting.take();
  if (!answer.ok) throw new Error(`figures failed: ${answer.error.code}`);
  const received = (answer.data as { breakdowns: { community: Array<{ counts: { received: number } }> } })
    .breakdowns.community[0]!.counts.received;
  const started = performance.now();
  for (let i = 0; i < READS; i++) await once(deps);
  return { ms: (performance.now() - started) / READS, ops: c.reads + c.queries, received };
}

async function withWorld<T>(work: (deps: Deps) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-bench-dashboard-'));
  const deps = createLocalDeps({ dataDir: dir, clock: new ManualClock(NOW), ids: sequentialIds() });
  try {
    await seedDemo(deps.store);
    return await work(deps);
  } finally {
    deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Database operations of one change through the real handlers, with the figures in its transaction. */
async function changeCosts(deps: Deps): Promise<Record<string, number>> {
  const counting = new CountingStore(deps.store);
  const d = { ...deps, store: counting };
  const call = async (openid: string, req: object) => {
    const r = await invoke(functions.ticket, d, { openid }, req);
    if (!r.ok) throw new Error(`${JSON.stringify(req)}: ${r.error.code}`);
    return r.data as { ticketId: string; version: number; assignee: { userId: string } };
  };
  const [li] = await deps.store.find('users', { where: { openid: 'dev-resident-li' }, limit: 1 });
  const costs: Record<string, number> = {};
  const ops = () => {
    const c = counting.take();
    return c.reads + c.queries + c.writes;
  };
  counting.take();
  const t = await call('dev-resident-li', {
    action: 'submit',
    clientRequestId: 'bench-dashboard-1',
    category: 'streetLight',
    description: '路灯不亮',
    photos: [],
    place: { kind: 'household', householdId: li!.householdId },
  });
  costs.submit = ops();
  const worker = (await deps.store.get('users', t.assignee.userId))!.openid;
  const a = await call(worker, { action: 'accept', ticketId: t.ticketId, version: t.version });
  costs.accept = ops();
  const p = await call(worker, {
    action: 'progress',
    ticketId: t.ticketId,
    version: a.version,
    note: '在修',
    photos: [],
  });
  costs.progress = ops();
  await call(worker, {
    action: 'resolve',
    ticketId: t.ticketId,
    version: p.version,
    note: '修好了',
    photos: [],
  });
  costs.resolve = ops();
  return costs;
}

/** The read before and after the fold (as the scheduler runs it), with the counter JSON each parses. */
async function unfoldedAndFolded(deps: Deps) {
  const unfolded = await readFigures(deps);
  const before = await deps.store.find('ticketFigures', { limit: 1000 });
  const fold = await foldFigures(deps.store, new Date(NOW).toISOString());
  const after = await deps.store.find('ticketFigures', { limit: 1000 });
  const folded = await readFigures(deps);
  return {
    unfolded: { ...unfolded, docs: before.length, read: bytesOf(before) },
    folded: { ...folded, docs: after.length, read: bytesOf(after) },
    largest: Math.max(...after.map((doc) => Buffer.byteLength(JSON.stringify(doc)))),
    fold,
  };
}

async function main(): Promise<void> {
  const small = await withWorld(async (deps) => {
    const places = await placesOf(deps);
    const tickets: Ticket[] = [];
    const docs = counterDocs(1_000, places, tickets);
    await deps.store.insertMany('tickets', tickets);
    await deps.store.insertMany('ticketFigures', docs);
    return { ...(await unfoldedAndFolded(deps)), costs: await changeCosts(deps) };
  });
  const big = await withWorld(async (deps) => {
    const places = await placesOf(deps);
    await deps.store.insertMany(
      'ticketFigures',
      scaled(counterDocs(SAMPLE, places, null), 1_000_000 / SAMPLE),
    );
    return unfoldedAndFolded(deps);
  });

  type Read = { ms: number; ops: number; docs: number; read: number; received: number };
  const line = (r: Read) =>
    `${r.ms.toFixed(2)} ms, ${r.ops} database operations, ${r.docs} counter documents, ` +
    `${(r.read / 1024).toFixed(0)} KB counter JSON, ${r.received} received`;
  const rows: Array<[string, string]> = [
    ['figures read, 1,000 tickets, folded', line(small.folded)],
    ['figures read, 1,000,000 tickets, folded (counters seeded)', line(big.folded)],
    ['figures read, 1,000 tickets, before the fold', line(small.unfolded)],
    ['figures read, 1,000,000 tickets, before the fold', line(big.unfolded)],
    [
      'the fold at 1,000,000 (one run)',
      `${big.fold.monthsFolded} months, ${big.fold.shardsFolded} shards into totals, ${big.fold.foldConflicts} conflicts`,
    ],
    ['largest counter document at 1,000,000', `${(big.largest / 1024).toFixed(1)} KB as JSON (limit 16 MB)`],
    [
      'database operations per change (reads+queries+writes)',
      Object.entries(small.costs)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    ['workbench page, 100,000 tickets', 'see npm run bench:workbench'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(
    JSON.stringify({
      figuresOps1k: small.folded.ops,
      figuresOps1m: big.folded.ops,
      figuresMs1k: Number(small.folded.ms.toFixed(3)),
      figuresMs1m: Number(big.folded.ms.toFixed(3)),
      figuresJsonKb1k: Math.round(small.folded.read / 1024),
      figuresJsonKb1m: Math.round(big.folded.read / 1024),
      figuresMsUnfolded1k: Number(small.unfolded.ms.toFixed(3)),
      figuresMsUnfolded1m: Number(big.unfolded.ms.toFixed(3)),
    }),
  );
}

void main();
