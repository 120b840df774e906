/**
 * `npm run bench:cloudbase`: what each action costs on CloudBase, counted by the CloudBase stand-in itself
 * (server/cloudbase-standin): the real function handlers through `invoke`, on the real CloudbaseStore, on
 * node-sdk, on a loopback server that counts every request and adds 10 ms to each (an optimistic round trip
 * inside a Tencent region). Prints tables; the last line is one JSON object for scripts.
 *
 * 1. Per action, the demo world: requests (all of the call, the dispatch after the action included) and wall
 *    time at 10 ms a request — submit (a bound household), 签收 accept, progress, 办结 resolve, 已知晓,
 *    nearby (with 16,584 open tickets of the category in the community: documents read).
 * 2. 已知晓 bursts: 16 and 64 residents of one micro-grid tap at once on a fresh notice; failures returned
 *    to users, requests per receipt, transactions started and their conflicts (a receipt starts none).
 * 3. Publishing to a street of 50,000 households: the staff member's call, then scheduled ticks until live —
 *    requests in all, the longest single call.
 * 4. A scheduler tick sending a notice's push to 500 subscribers holding a grant: requests per notification.
 * 5. Submit on the local cloud (SQLite file, WAL) vs raw better-sqlite3 replaying the very writes it made
 *    (bench/support/local-vs-raw.ts; alone: `npm run bench:local-submit`).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CloudbaseStore } from '../server/adapters/cloudbase/cloudbase-store';
import { ObservedStore } from '../server/core/store/observed-store';
import { ManualClock } from '../server/adapters/local/clocks';
import { prepareComingMonth } from '../server/core/figures/ahead';
import { sequentialIds } from '../server/adapters/local/ids';
import { LocalFiles } from '../server/adapters/local/local-files';
import { RecordingPush } from '../server/adapters/local/recording-push';
import {
  DEFAULT_LOCAL_GROUP_SECRET,
  SignedGroupTickets,
} from '../server/adapters/local/signed-group-tickets';
import { WordListCheck } from '../server/adapters/local/word-list-check';
import { DEMO_TEMPLATES, loadNotificationSettings } from '../server/adapters/push-templates';
import { localVsRaw, printLocalVsRaw } from './support/local-vs-raw';
import { startStandin, standinStore, type Standin } from '../server/cloudbase-standin';
import type { OutboxEntry } from '../server/core/notifications/model';
import { subscriptionId, type SubscriptionGrant } from '../server/core/notifications/subscriptions';
import type { Deps } from '../server/core/ports';
import type { Store } from '../server/core/ports/store';
import { RoutingIndexCache } from '../server/core/routing/index-cache';
import { TicketMemory } from '../server/core/tickets/ticket-memory';
import type { Ticket } from '../server/core/tickets/model';
import type { User } from '../server/core/users/model';
import { seedDemo } from '../server/demo/seed';
import { invoke } from '../server/functions/define';
import { functions } from '../server/functions';
import { SHEET_FONT } from '../server/local-cloud/deps';
import { hmacSecrets } from '../server/adapters/hmac-secrets';
import { PdfCodeSheets } from '../server/adapters/pdf-code-sheets';
import { QrMiniProgramCodes } from '../server/adapters/local/qr-mini-program-codes';
import { syntheticMap } from './support/synthetic-map';

const LATENCY_MS = 10;
const NOW = '2026-06-20T09:00:00+08:00';
const OPEN_TICKETS = 16_584;
const STREET = { grids: 200, microPerGrid: 5, perMicro: 50 };
const PUSH_SUBSCRIBERS = 500;

type FunctionName = keyof typeof functions;
interface Measured {
  requests: number;
  ms: number;
  ok: boolean;
  data: unknown;
  error?: string;
}

/** A Store that counts the ticket documents it returns (the stand-in counts requests, not documents). */
function countingDocs(inner: Store): { store: Store; docs: () => number; reset: () => void } {
  let docs = 0;
  const store = new ObservedStore(inner, {
    returned: (collection, n) => {
      if (collection === 'tickets') docs += n;
    },
  });
  return { store, docs: () => docs, reset: () => (docs = 0) };
}

function depsOn(store: Store, clock: ManualClock): Deps {
  return {
    store,
    clock,
    ids: sequentialIds(),
    files: new LocalFiles(join(tmpdir(), 'gridlink-bench-cloudbase-files')),
    push: new RecordingPush(),
    contentCheck: new WordListCheck(),
    routingIndexes: new RoutingIndexCache(),
    ticketMemory: new TicketMemory(),
    groupTickets: new SignedGroupTickets(DEFAULT_LOCAL_GROUP_SECRET),
    notificationSettings: loadNotificationSettings({}),
    secrets: hmacSecrets,
    miniProgramCodes: new QrMiniProgramCodes(),
    codeSheets: new PdfCodeSheets(SHEET_FONT),
  };
}

class Bench {
  readonly clock = new ManualClock(NOW);
  readonly cb: CloudbaseStore;
  readonly docs: ReturnType<typeof countingDocs>;
  readonly deps: Deps;

  constructor(readonly standin: Standin) {
    this.cb = standinStore(standin);
    this.docs = countingDocs(this.cb);
    this.deps = depsOn(this.docs.store, this.clock);
  }

  /** One call as the client makes it, counted and timed at the stand-in's current latency. */
  async call(openid: string | null, fn: FunctionName, action: string, req: object): Promise<Measured> {
    this.standin.resetCounts();
    const started = performance.now();
    const result = await invoke(functions[fn], this.deps, openid ? { openid } : null, { ...req, action });
    const ms = performance.now() - started;
    const requests = this.standin.counts().total;
    return result.ok
      ? { requests, ms, ok: true, data: result.data }
      : { requests, ms, ok: false, data: null, error: `${result.error.code} ${result.error.message}` };
  }

  async ok(openid: string | null, fn: FunctionName, action: string, req: object): Promise<Measured> {
    const m = await this.call(openid, fn, action, req);
    if (!m.ok) throw new Error(`${fn}.${action} failed: ${m.error}`);
    return m;
  }
}

function user(id: string, communityId: string, householdId: string | null, role: 'resident' | 'staff'): User {
  return {
    _id: id,
    openid: id,
    name: '居民',
    phone: null,
    roles: [{ role, communityId }],
    roleKeys: [`${role}:${communityId}`],
    householdId,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

const noticeContent = {
  title: '城乡居民医保缴费提醒',
  body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '2027年度城乡居民医保开始缴费。' }] }],
  category: 'medicalInsurance',
  coverFileId: null,
  attachments: [],
};
const wholeCommunity = { scope: 'community', gridIds: [], microGridIds: [], tags: [] };

/** Staff compose and publish a notice to a whole community, ticking the scheduler until it is live. */
async function publishNotice(
  b: Bench,
  staff: string,
  communityId: string,
): Promise<{ noticeId: string; calls: Measured[] }> {
  const draft = (
    await b.ok(staff, 'notice', 'compose', { communityId, audience: wholeCommunity, ...noticeContent })
  ).data as { noticeId: string; version: number };
  const calls = [
    await b.ok(staff, 'notice', 'publish', { noticeId: draft.noticeId, version: draft.version }),
  ];
  for (let tick = 0; tick < 100; tick++) {
    const notice = await b.cb.get('notices', draft.noticeId);
    if (notice?.state === 'published') return { noticeId: draft.noticeId, calls };
    b.clock.advance(60_000);
    calls.push(await b.ok(null, 'scheduler', 'tick', {}));
  }
  throw new Error('the notice never went live');
}

interface ActionRow {
  action: string;
  requests: number;
  ms: number;
  note: string;
}

async function perAction(b: Bench): Promise<{ rows: ActionRow[]; nearbyDocs: number; receipt: number }> {
  const liu = 'dev-resident-liu';
  const worker = 'dev-worker-jiaojiawan-01-1';
  await b.ok(worker, 'user', 'login', {});
  const me = (await b.ok(liu, 'user', 'me', {})).data as { household: { householdId: string } };
  const place = { kind: 'household', householdId: me.household.householdId };
  // What the scheduler's figures job did in the last day of the month before: this month's shards exist.
  await prepareComingMonth({ store: b.deps.store, clock: new ManualClock('2026-05-31T23:30:00+08:00') });
  const flow = async (n: number) => {
    const submit = await b.ok(liu, 'ticket', 'submit', {
      clientRequestId: `bench-cloudbase-${n}`,
      category: 'streetLight',
      description: '楼下路灯不亮',
      photos: [],
      place,
    });
    const t = submit.data as { ticketId: string; version: number };
    const accept = await b.ok(worker, 'ticket', 'accept', { ticketId: t.ticketId, version: t.version });
    const a = accept.data as { version: number };
    const progress = await b.ok(worker, 'ticket', 'progress', {
      ticketId: t.ticketId,
      version: a.version,
      note: '已联系供电所',
      photos: [],
    });
    const p = progress.data as { version: number };
    const resolve = await b.ok(worker, 'ticket', 'resolve', {
      ticketId: t.ticketId,
      version: p.version,
      note: '已更换灯泡',
      photos: [],
    });
    return { submit, accept, progress, resolve };
  };
  // The first run warms the instance (routing index, node-sdk's connection); the second is measured.
  await flow(0);
  b.standin.faults.latencyMs = LATENCY_MS;
  const measured = await flow(1);

  // 已知晓 on 吴家园社区's notice (792 households), by a resident of a household not yet reached.
  b.standin.faults.latencyMs = 0;
  const { noticeId } = await publishNotice(b, 'dev-staff-wujiayuan', 'c_wujiayuan');
  b.standin.faults.latencyMs = LATENCY_MS;
  const receipt = await b.ok('dev-resident-li', 'notice', 'confirm', { noticeId });

  // Nearby with 16,584 open tickets of the category in the community (other reporters, all over it).
  b.standin.faults.latencyMs = 0;
  const template = (await b.cb.get('tickets', (measured.submit.data as { ticketId: string }).ticketId))!;
  const open: Ticket[] = Array.from({ length: OPEN_TICKETS }, (_, i) => ({
    ...template,
    _id: `tk_bench_${String(i).padStart(6, '0')}`,
    reporterUserId: `u_bench_${i}`,
    status: 'processing',
    open: true,
  }));
  await b.cb.insertMany('tickets', open);
  b.standin.faults.latencyMs = LATENCY_MS;
  b.docs.reset();
  const nearby = await b.ok(liu, 'ticket', 'nearby', { category: 'streetLight', place });
  const nearbyDocs = b.docs.docs();
  b.standin.faults.latencyMs = 0;

  const rows: ActionRow[] = [
    { action: 'submit (bound household)', ...pick(measured.submit), note: 'reply includes the dispatch' },
    { action: 'accept 签收', ...pick(measured.accept), note: '' },
    { action: 'progress', ...pick(measured.progress), note: '' },
    { action: 'resolve 办结', ...pick(measured.resolve), note: '' },
    { action: '已知晓 receipt (first of household)', ...pick(receipt), note: '' },
    {
      action: 'nearby',
      ...pick(nearby),
      note: `${nearbyDocs} ticket documents read, ${OPEN_TICKETS + 2} open`,
    },
  ];
  return { rows, nearbyDocs, receipt: receipt.requests };
}

function pick(m: Measured): { requests: number; ms: number } {
  return { requests: m.requests, ms: m.ms };
}

interface BurstRow {
  taps: number;
  failures: number;
  requestsPerReceipt: number;
  transactions: number;
  conflicts: number;
  ms: number;
  requests: number;
}

/**
 * `taps` residents of one micro-grid confirm a fresh notice at the same moment: one per household while there
 * are households (the micro-grid has 21), then a second and third member of each.
 */
async function burst(b: Bench, taps: number): Promise<BurstRow> {
  b.standin.faults.latencyMs = 0;
  const { noticeId } = await publishNotice(b, 'dev-staff-wujiayuan', 'c_wujiayuan');
  const households = await b.cb.find('households', {
    where: { communityId: 'c_wujiayuan', microGridId: 'mg_wujiayuan_02_2' },
    limit: 1000,
  });
  const people = Array.from({ length: taps }, (_, i) =>
    user(`u_burst_${taps}_${i}`, 'c_wujiayuan', households[i % households.length]!._id, 'resident'),
  );
  await b.cb.insertMany('users', people);
  b.standin.faults.latencyMs = LATENCY_MS;
  const before = { ...b.cb.stats };
  b.standin.resetCounts();
  const started = performance.now();
  const answers = await Promise.all(
    people.map((p) =>
      invoke(functions.notice, b.deps, { openid: p.openid }, { action: 'confirm', noticeId }),
    ),
  );
  const ms = performance.now() - started;
  const requests = b.standin.counts().total;
  const row: BurstRow = {
    taps,
    failures: answers.filter((a) => !a.ok).length,
    requestsPerReceipt: requests / taps,
    transactions: b.cb.stats.transactions - before.transactions,
    conflicts: b.cb.stats.conflicts - before.conflicts,
    ms,
    requests,
  };
  b.standin.faults.latencyMs = 0;
  const drift = (await b.ok('dev-staff-wujiayuan', 'notice', 'reconcile', { noticeId })).data as {
    drift: unknown[];
  };
  if (drift.drift.length > 0)
    throw new Error(`coverage drift after the burst of ${taps}: ${JSON.stringify(drift)}`);
  return row;
}

function street(key: string) {
  const map = syntheticMap({
    key,
    name: `${key}街道`,
    grids: STREET.grids,
    microPerGrid: STREET.microPerGrid,
    householdsPerMicro: STREET.perMicro,
  });
  return { communityId: map.community._id, ...map };
}

async function publishStreet(b: Bench): Promise<{
  households: number;
  requests: number;
  longestMs: number;
  calls: number;
  firstCallMs: number;
  longestRequests: number;
}> {
  b.standin.faults.latencyMs = 0;
  const w = street('street');
  await b.cb.insert('communities', w.community);
  await b.cb.insertMany('grids', w.grids);
  await b.cb.insertMany('microGrids', w.microGrids);
  await b.cb.insertMany('households', w.households);
  await b.cb.insert('users', user('staff_street', w.communityId, null, 'staff'));
  const draft = (
    await b.ok('staff_street', 'notice', 'compose', {
      communityId: w.communityId,
      audience: wholeCommunity,
      ...noticeContent,
    })
  ).data as { noticeId: string; version: number };
  b.standin.faults.latencyMs = LATENCY_MS;
  const calls = [
    await b.ok('staff_street', 'notice', 'publish', { noticeId: draft.noticeId, version: draft.version }),
  ];
  for (let tick = 0; tick < 50; tick++) {
    if ((await b.cb.get('notices', draft.noticeId))?.state === 'published') break;
    b.clock.advance(60_000);
    calls.push(await b.ok(null, 'scheduler', 'tick', {}));
  }
  b.standin.faults.latencyMs = 0;
  const notice = await b.cb.get('notices', draft.noticeId);
  if (notice?.state !== 'published' || notice.households !== w.households.length)
    throw new Error(`the street's notice is ${notice?.state} with ${notice?.households} households`);
  // The empty ticks of a quiet minute are the scheduler's own cost, not the publication's: measured apart.
  b.clock.advance(60_000);
  const idle = await b.ok(null, 'scheduler', 'tick', {});
  const ticks = calls.length - 1;
  return {
    households: w.households.length,
    requests: calls.reduce((sum, c) => sum + c.requests, 0) - ticks * idle.requests,
    longestMs: Math.max(...calls.map((c) => c.ms)),
    longestRequests: [...calls].sort((x, y) => y.ms - x.ms)[0]!.requests,
    calls: calls.length,
    firstCallMs: calls[0]!.ms,
  };
}

/** One outbox entry for `n` subscribers holding the notice template, sent by one scheduler tick. */
async function tickPush(b: Bench, n: number): Promise<{ requests: number; sent: number; idle: number }> {
  b.standin.faults.latencyMs = 0;
  b.clock.advance(60_000);
  const idle = await b.ok(null, 'scheduler', 'tick', {});
  const templateId = DEMO_TEMPLATES.notice!.id;
  const people = Array.from({ length: n }, (_, i) => user(`u_push_${i}`, 'c_street', null, 'resident'));
  const grants: SubscriptionGrant[] = people.map((p) => ({
    _id: subscriptionId(p._id, templateId),
    userId: p._id,
    templateId,
    templateKey: 'notice',
    longTerm: false,
    available: 1,
    active: false,
    lastAnswer: 'accept',
    answeredAt: NOW,
    accepted: 1,
    used: 0,
    version: 1,
  }));
  const entry: OutboxEntry = {
    _id: 'obx_bench_push',
    userIds: people.map((p) => p._id),
    kind: 'noticePublished',
    title: noticeContent.title,
    body: '2027年度城乡居民医保开始缴费。',
    page: '/pages/notice-detail/index?noticeId=bench',
    noticeId: 'bench',
    communityId: 'c_street',
    facts: { subject: noticeContent.title, status: '新通知' },
    createdAt: b.clock.now().toISOString(),
    state: 'pending',
  };
  await b.cb.insertMany('users', people);
  await b.cb.insertMany('subscriptions', grants);
  await b.cb.insert('outbox', entry);
  const push = b.deps.push as RecordingPush;
  const sentBefore = push.sent.length;
  b.clock.advance(60_000);
  const tick = await b.ok(null, 'scheduler', 'tick', {});
  return {
    requests: tick.requests - idle.requests,
    sent: push.sent.length - sentBefore,
    idle: idle.requests,
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  // First, while the process is fresh: the stand-in's 50,000 households would weigh on its garbage collector.
  const sqlite = await localVsRaw();
  printLocalVsRaw(sqlite);

  const standin = await startStandin();
  try {
    const b = new Bench(standin);
    await seedDemo(b.cb);
    const { rows, nearbyDocs, receipt } = await perAction(b);
    console.log(
      `\nPer action on the CloudBase stand-in (${LATENCY_MS} ms a request; requests counted by the stand-in)`,
    );
    console.log('| action | requests | wall time | note |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.action} | ${r.requests} | ${fmt(r.ms)} ms | ${r.note} |`);

    const bursts = [await burst(b, 16), await burst(b, 64)];
    console.log(
      '\n已知晓 bursts: residents of one micro-grid (21 households) tapping at once, 10 ms a request',
    );
    console.log(
      '| taps | failures returned | requests per receipt | transactions | conflicts | wall time | requests |\n|---|---|---|---|---|---|---|',
    );
    for (const r of bursts)
      console.log(
        `| ${r.taps} | ${r.failures} | ${fmt(r.requestsPerReceipt, 2)} | ${r.transactions} | ${r.conflicts} | ${fmt(r.ms)} ms | ${r.requests} |`,
      );

    const pub = await publishStreet(b);
    console.log(
      `\nPublish to ${fmt(pub.households)} households (1,000 micro-grids), ${LATENCY_MS} ms a request`,
    );
    console.log(
      '| calls (staff + scheduled ticks) | requests in all | staff call | longest call | its requests |\n|---|---|---|---|---|',
    );
    console.log(
      `| ${pub.calls} | ${fmt(pub.requests)} | ${fmt(pub.firstCallMs)} ms | ${fmt(pub.longestMs)} ms | ${pub.longestRequests} |`,
    );

    const push = await tickPush(b, PUSH_SUBSCRIBERS);
    const perNotification = push.requests / Math.max(1, push.sent);
    console.log(`\nScheduler tick sending a notice push to ${PUSH_SUBSCRIBERS} subscribers with a grant`);
    console.log(
      '| sent | requests (beyond an idle tick) | per notification | idle tick |\n|---|---|---|---|',
    );
    console.log(`| ${push.sent} | ${push.requests} | ${fmt(perNotification, 2)} | ${push.idle} |`);

    const unindexed = standin.unindexedQueries();
    if (unindexed.length > 0) console.log(`\nUnindexed queries: ${JSON.stringify(unindexed)}`);
    console.log(
      JSON.stringify({
        submitRequests: rows[0]!.requests,
        acceptRequests: rows[1]!.requests,
        progressRequests: rows[2]!.requests,
        resolveRequests: rows[3]!.requests,
        receiptRequests: receipt,
        publish50kRequests: pub.requests,
        publish50kLongestCallMs: Math.round(pub.longestMs),
        tickRequestsPerNotification: Number(perNotification.toFixed(2)),
        nearbyDocsRead: nearbyDocs,
        receiptBurst16Failures: bursts[0]!.failures,
        receiptBurst64Failures: bursts[1]!.failures,
        localVsRawSqlite: Number(sqlite.ratio.toFixed(2)),
        localVsRawSqliteWall: Number(sqlite.wallRatio.toFixed(2)),
      }),
    );
  } finally {
    await standin.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
