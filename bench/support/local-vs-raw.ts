/**
 * Submit on the local cloud (SQLite file, WAL) against raw better-sqlite3 doing the same writes.
 *
 * "The same writes" is taken literally: a first run of the workload records every statement the local cloud's
 * SQLite store writes (INSERT / upsert / DELETE with their arguments, grouped by transaction); the raw baseline
 * replays exactly those statements, one transaction a submit, with prepared statements and nothing else — no
 * handler, no reads, no JSON. It replays them twice: into a database of the same schema and seed (the indexes
 * of server/core/store/collections.ts, which every write must maintain), and into bare tables with no index
 * and no seed (the cheapest a document write can be; what earlier versions of this bench compared with).
 *
 * Every figure is the median of many submits after a warm-up (a mean is dominated by the runs another process
 * preempted, and by WAL checkpoints). The ratio is taken on CPU time (user + system, so SQLite's writes to the
 * WAL count): on a quiet machine it equals wall time, and on a shared one it is the figure that stays put — a
 * 3 ms submit is preempted far more often than a 0.7 ms replay, which inflates the wall-time ratio by the load.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ManualClock } from '../../server/adapters/local/clocks';
import { sequentialIds } from '../../server/adapters/local/ids';
import { SqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { collectionNames } from '../../server/core/store/collections';
import { seedDemo } from '../../server/demo/seed';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import { createLocalDeps, type LocalDeps } from '../../server/local-cloud/deps';

const NOW = '2026-06-20T09:00:00+08:00';
const RESIDENT = { openid: 'dev-resident-liu' };

export interface LocalVsRaw {
  submits: number;
  warmup: number;
  /** Median wall time of one submit through `invoke` on the local cloud. */
  localMs: number;
  /** Median process CPU time (user + system) of one submit on the local cloud. */
  localCpuMs: number;
  /** The same writes replayed on the same schema and seed. */
  rawMs: number;
  rawCpuMs: number;
  /** The same writes replayed into bare tables (no index, no seed). */
  bareMs: number;
  bareCpuMs: number;
  /** localCpuMs / rawCpuMs: the target (≤ 3×). */
  ratio: number;
  /** localMs / rawMs, for comparison (inflated on a loaded machine). */
  wallRatio: number;
  /** localCpuMs / bareCpuMs. */
  bareRatio: number;
  /** Write statements a submit (inserts and upserts), and transactions a submit. */
  writes: number;
  commits: number;
}

interface Write {
  sql: string;
  args: unknown[];
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Times `fn` once: wall milliseconds and CPU milliseconds of this process. */
function timed(fn: () => void): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

async function timedAsync(fn: () => Promise<void>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function localDeps(dir: string): LocalDeps {
  mkdirSync(dir, { recursive: true });
  return createLocalDeps({
    dataDir: dir,
    clock: new ManualClock(NOW),
    ids: sequentialIds(),
    filesRoot: join(dir, 'files'),
  });
}

/** The i-th submit; the clock moves 7 minutes a report, past the hour's limit of 10 a resident. */
async function submit(deps: LocalDeps, householdId: string, i: number): Promise<void> {
  (deps.clock as ManualClock).advance(7 * 60_000);
  const r = await invoke(functions.ticket, deps, RESIDENT, {
    action: 'submit',
    clientRequestId: `bench-sqlite-${i}-000`,
    category: 'streetLight',
    description: `路灯不亮 ${i}`,
    photos: [],
    place: { kind: 'household', householdId },
  });
  if (!r.ok) throw new Error(`submit ${i}: ${r.error.code} ${r.error.message}`);
}

async function householdOf(deps: LocalDeps): Promise<string> {
  const [me] = await deps.store.find('users', { where: { openid: RESIDENT.openid }, limit: 1 });
  if (!me?.householdId) throw new Error('the demo resident has no household');
  return me.householdId;
}

/**
 * Runs the workload once with better-sqlite3's statements observed, and returns each submit's writes, grouped
 * by transaction. A bench-only tap on the Statement prototype: the store itself is unchanged, and the tap is
 * removed before anything is timed.
 */
async function recordWrites(dir: string, total: number): Promise<Write[][][]> {
  const deps = localDeps(dir);
  await seedDemo(deps.store);
  const householdId = await householdOf(deps);
  const proto = Object.getPrototypeOf(deps.store.db.prepare('SELECT 1')) as {
    run: (this: Database.Statement, ...args: unknown[]) => Database.RunResult;
  };
  const original = proto.run;
  let groups: Write[][] = [];
  let open: Write[] | null = null;
  proto.run = function (this: Database.Statement, ...args: unknown[]) {
    const sql = this.source;
    if (sql === 'BEGIN') open = [];
    else if (sql === 'COMMIT') {
      if (open && open.length > 0) groups.push(open);
      open = null;
    } else if (/^(INSERT|DELETE|UPDATE)\b/.test(sql)) {
      const write = { sql, args };
      if (open) open.push(write);
      else groups.push([write]);
    }
    return original.apply(this, args);
  };
  const perSubmit: Write[][][] = [];
  try {
    for (let i = 0; i < total; i++) {
      groups = [];
      await submit(deps, householdId, i);
      perSubmit.push(groups);
    }
  } finally {
    proto.run = original;
    deps.store.close();
  }
  return perSubmit;
}

/** Replays each submit's writes, one SQLite transaction per recorded transaction; the measured ones timed. */
function replay(db: Database.Database, perSubmit: Write[][][], warmup: number) {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const once = db.transaction((group: Write[]) => {
    for (const w of group) prepared(w.sql).run(...w.args);
  });
  const times: Array<{ ms: number; cpuMs: number }> = [];
  perSubmit.forEach((groups, i) => {
    const t = timed(() => groups.forEach((g) => once(g)));
    if (i >= warmup) times.push(t);
  });
  return { ms: median(times.map((t) => t.ms)), cpuMs: median(times.map((t) => t.cpuMs)) };
}

function openRaw(path: string): Database.Database {
  const db = new Database(path);
  // The local cloud's settings (sqlite-store.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

export async function localVsRaw(submits = 600, warmup = 100): Promise<LocalVsRaw> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-bench-local-vs-raw-'));
  const total = warmup + submits;
  try {
    const perSubmit = await recordWrites(join(dir, 'record'), total);

    // The seeded database before any submit, for the raw replay on the same schema.
    const seeded = new SqliteStore(join(dir, 'seeded.sqlite'));
    await seedDemo(seeded);
    seeded.db.pragma('wal_checkpoint(TRUNCATE)');
    seeded.close();
    copyFileSync(join(dir, 'seeded.sqlite'), join(dir, 'raw.sqlite'));

    const deps = localDeps(join(dir, 'local'));
    await seedDemo(deps.store);
    const householdId = await householdOf(deps);
    const local: Array<{ ms: number; cpuMs: number }> = [];
    for (let i = 0; i < total; i++) {
      const t = await timedAsync(() => submit(deps, householdId, i));
      if (i >= warmup) local.push(t);
    }
    deps.store.close();

    const raw = openRaw(join(dir, 'raw.sqlite'));
    const same = replay(raw, perSubmit, warmup);
    raw.close();

    const bareDb = openRaw(join(dir, 'bare.sqlite'));
    for (const name of collectionNames)
      bareDb.exec(`CREATE TABLE "${name}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`);
    const bare = replay(bareDb, perSubmit, warmup);
    bareDb.close();

    const measured = perSubmit.slice(warmup);
    const localMs = median(local.map((t) => t.ms));
    const localCpuMs = median(local.map((t) => t.cpuMs));
    return {
      submits,
      warmup,
      localMs,
      localCpuMs,
      rawMs: same.ms,
      rawCpuMs: same.cpuMs,
      bareMs: bare.ms,
      bareCpuMs: bare.cpuMs,
      ratio: localCpuMs / same.cpuMs,
      wallRatio: localMs / same.ms,
      bareRatio: localCpuMs / bare.cpuMs,
      writes: measured.reduce((n, groups) => n + groups.flat().length, 0) / measured.length,
      commits: measured.reduce((n, groups) => n + groups.length, 0) / measured.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The table bench:cloudbase and bench:local-submit print. */
export function printLocalVsRaw(r: LocalVsRaw): void {
  console.log(
    `\nSubmit on the local cloud (SQLite file, WAL) vs raw better-sqlite3 replaying its writes: median of ${r.submits} submits after ${r.warmup} warm-up`,
  );
  console.log(
    '| | CPU a submit | local ÷ this (CPU) | wall a submit | local ÷ this (wall) |\n|---|---|---|---|---|',
  );
  console.log(
    `| local cloud (invoke → handler → SqliteStore) | ${fmt(r.localCpuMs, 3)} ms | | ${fmt(r.localMs, 3)} ms | |`,
  );
  console.log(
    `| raw SQLite, same writes, same schema and seed | ${fmt(r.rawCpuMs, 3)} ms | ${fmt(r.ratio, 2)}× | ${fmt(r.rawMs, 3)} ms | ${fmt(r.wallRatio, 2)}× |`,
  );
  console.log(
    `| raw SQLite, same writes, bare tables (no index) | ${fmt(r.bareCpuMs, 3)} ms | ${fmt(r.bareRatio, 2)}× | ${fmt(r.bareMs, 3)} ms | ${fmt(r.localMs / r.bareMs, 2)}× |`,
  );
  console.log(`(${fmt(r.writes, 1)} document writes in ${fmt(r.commits, 1)} transaction(s) a submit)`);
}
