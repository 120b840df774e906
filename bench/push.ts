/**
 * `npm run bench:push`: how fast the dispatcher empties the outbox, and what one state change costs the
 * database. Prints a table; the last line is one JSON object for CI.
 *
 * 1. Throughput: 10,000 pending outbox entries (one recipient each, every recipient holding a grant), fanned
 *    out and sent through the recording push, on a SQLite file (WAL), as the scheduler would.
 * 2. Cost of a state change: the real ticket use cases (submit; sign for, progress, resolve) counted with
 *    CountingStore: the ticket, its event and the outbox entries in one transaction. The JSON reports the
 *    costlier of the two.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CountingStore } from '../server/adapters/counting-store';
import { ManualClock } from '../server/adapters/local/clocks';
import { sequentialIds } from '../server/adapters/local/ids';
import { systemClock } from '../server/adapters/system/clock';
import { randomIds } from '../server/adapters/system/ids';
import { DEMO_TEMPLATES } from '../server/adapters/push-templates';
import { dispatchDue, emptyTally, type DispatchTally } from '../server/core/notifications/dispatcher';
import { fanOutPending } from '../server/core/notifications/fan-out';
import type { OutboxEntry } from '../server/core/notifications/model';
import { subscriptionId, type SubscriptionGrant } from '../server/core/notifications/subscriptions';
import { DEFAULT_RETRY, type NotificationSettings } from '../server/core/notifications/templates';
import { toIso } from '../server/core/time/shanghai';
import type { User } from '../server/core/users/model';
import { acceptTicket, recordProgress, resolveTicket } from '../server/core/tickets/handle';
import { submitTicket } from '../server/core/tickets/submit';
import { login } from '../server/core/users/login';
import { meView } from '../server/core/users/me-view';
import { seedDemo } from '../server/demo/seed';
import { createLocalDeps } from '../server/local-cloud/deps';

const PENDING = 10_000;
const USERS = 2_000;
const STATE_CHANGES = 100;
const settings: NotificationSettings = {
  templates: DEMO_TEMPLATES,
  retry: DEFAULT_RETRY,
  deadlineReminderMs: 30 * 60_000,
};

function users(now: string): User[] {
  return Array.from({ length: USERS }, (_, i) => ({
    _id: `user_${i}`,
    openid: `openid-${i}`,
    name: `居民${i}`,
    phone: null,
    roles: [{ role: 'resident' as const, communityId: 'community_bench' }],
    roleKeys: ['resident:community_bench'],
    householdId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
}

function grants(now: string, perUser: number): SubscriptionGrant[] {
  const templateId = DEMO_TEMPLATES.accepted!.id;
  return Array.from({ length: USERS }, (_, i) => ({
    _id: subscriptionId(`user_${i}`, templateId),
    userId: `user_${i}`,
    templateId,
    templateKey: 'accepted' as const,
    longTerm: false,
    available: perUser,
    active: false,
    lastAnswer: 'accept' as const,
    answeredAt: now,
    accepted: perUser,
    used: 0,
    version: 1,
  }));
}

async function throughput(
  dir: string,
): Promise<{ fanOutMs: number; dispatchMs: number; tally: DispatchTally; sent: number }> {
  mkdirSync(dir, { recursive: true });
  const deps = createLocalDeps({
    dataDir: dir,
    clock: systemClock,
    ids: sequentialIds(),
    filesRoot: join(dir, 'files'),
  });
  const now = toIso(systemClock.now());
  await deps.store.insertMany('users', users(now));
  await deps.store.insertMany('subscriptions', grants(now, Math.ceil(PENDING / USERS)));
  const entries: OutboxEntry[] = Array.from({ length: PENDING }, (_, i) => ({
    _id: `outbox_${String(i).padStart(6, '0')}`,
    userIds: [`user_${i % USERS}`],
    kind: 'ticketAccepted',
    title: '您的工单已受理',
    body: '网格员已签收，正在处理',
    page: `/packages/resident/ticket/index?ticketId=ticket_${i}`,
    ticketId: `ticket_${i}`,
    communityId: 'community_bench',
    facts: { subject: `${(i % 30) + 1}号楼下水井堵塞`, status: '已签收' },
    createdAt: now,
    state: 'pending',
  }));
  await deps.store.insertMany('outbox', entries);

  const t0 = performance.now();
  while ((await fanOutPending(deps.store, 500)).entries > 0);
  const t1 = performance.now();
  const tally = emptyTally();
  for (;;) {
    const pass = await dispatchDue(deps, settings, { limit: 1000 });
    for (const k of Object.keys(tally) as Array<keyof DispatchTally>) tally[k] += pass[k];
    if (pass.sent + pass.inAppOnly + pass.failed + pass.retry + pass.skipped === 0) break;
  }
  const t2 = performance.now();
  const sent = deps.push.sent.length;
  deps.store.close();
  return { fanOutMs: t1 - t0, dispatchMs: t2 - t1, tally, sent };
}

type Cost = { writes: number; transactions: number; reads: number; writesBy: Record<string, number> };

function perChange(counts: ReturnType<CountingStore['take']>, n: number): Cost {
  const writesBy = Object.fromEntries(Object.entries(counts.writesBy).map(([k, v]) => [k, v / n]));
  return {
    writes: counts.writes / n,
    transactions: counts.transactions / n,
    reads: counts.reads / n,
    writesBy,
  };
}

/**
 * What the ticket actions cost the database, counted around the use case itself (not the dispatch after it):
 * 刘女士 files tickets, her micro-grid's worker signs for them, notes progress and resolves them.
 */
async function costOfStateChange(dir: string): Promise<{ submit: Cost; handle: Cost }> {
  mkdirSync(dir, { recursive: true });
  // A clock moved 7 minutes per ticket: submission is rate limited (10 an hour per resident).
  const clock = new ManualClock(systemClock.now());
  const deps = createLocalDeps({
    dataDir: dir,
    clock,
    ids: randomIds,
    filesRoot: join(dir, 'files'),
  });
  await seedDemo(deps.store);
  const store = new CountingStore(deps.store);
  const counted = { ...deps, store };
  const liu = { openid: 'dev-resident-liu' };
  const worker = { openid: 'dev-worker-jiaojiawan-01-1' };
  await login(deps, worker, {});
  const me = await meView(
    deps.store,
    (await deps.store.find('users', { where: { openid: liu.openid }, limit: 1 }))[0]!,
  );
  const place = { kind: 'household' as const, householdId: me.household!.householdId };

  store.take();
  const tickets = [];
  for (let i = 0; i < STATE_CHANGES; i++) {
    clock.advance(7 * 60_000);
    tickets.push(
      await submitTicket(counted, liu, {
        clientRequestId: `bench-${i}-000000`,
        category: 'streetLight',
        description: `路灯不亮 ${i}`,
        photos: [],
        place,
      }),
    );
  }
  const submit = perChange(store.take(), STATE_CHANGES);
  for (const t of tickets) {
    const accepted = await acceptTicket(counted, worker, { ticketId: t.ticketId, version: t.version });
    const progressed = await recordProgress(counted, worker, {
      ticketId: t.ticketId,
      version: accepted.version,
      note: '已联系供电所',
      photos: [],
    });
    await resolveTicket(counted, worker, {
      ticketId: t.ticketId,
      version: progressed.version,
      note: '已更换灯泡',
      photos: [],
    });
  }
  const handle = perChange(store.take(), STATE_CHANGES * 3);
  deps.store.close();
  return { submit, handle };
}

function describe(cost: Cost): string {
  return Object.entries(cost.writesBy)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-bench-push-'));
  try {
    const t = await throughput(join(dir, 'throughput'));
    const c = await costOfStateChange(join(dir, 'cost'));
    const totalMs = t.fanOutMs + t.dispatchMs;
    const dispatchPerSec = Math.round(PENDING / (totalMs / 1000));
    const worst = c.submit.writes >= c.handle.writes ? c.submit : c.handle;
    const rows: Array<[string, string]> = [
      ['pending notifications', String(PENDING)],
      [
        'fan-out (outbox → notifications)',
        `${t.fanOutMs.toFixed(0)} ms (${Math.round(PENDING / (t.fanOutMs / 1000))}/s)`,
      ],
      [
        'dispatch (claim, grant, send, record)',
        `${t.dispatchMs.toFixed(0)} ms (${Math.round(PENDING / (t.dispatchMs / 1000))}/s)`,
      ],
      [
        'outcomes',
        `sent ${t.tally.sent}, inAppOnly ${t.tally.inAppOnly}, failed ${t.tally.failed}, skipped ${t.tally.skipped}`,
      ],
      ['messages recorded by the push', String(t.sent)],
      ['dispatch throughput, end to end', `${dispatchPerSec} notifications/s`],
      [
        'submit: transactions / writes',
        `${c.submit.transactions} / ${c.submit.writes} (${describe(c.submit)})`,
      ],
      [
        'sign for, progress, resolve: transactions / writes',
        `${c.handle.transactions} / ${c.handle.writes} (${describe(c.handle)})`,
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`GridLink push benchmark (SQLite file, recording push, Node ${process.version})`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    if (t.sent !== PENDING) throw new Error(`expected ${PENDING} sends, recorded ${t.sent}`);
    console.log(
      JSON.stringify({
        dispatchPerSec,
        writesPerStateChange: worst.writes,
        transactionsPerStateChange: worst.transactions,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
