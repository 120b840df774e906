/**
 * 已知晓 bursts on the CloudBase stand-in: the real CloudBase adapter with CloudBase's write locks, where a
 * transaction touching a document another holds fails with DATABASE_TRANSACTION_CONFLICT. Residents of one
 * micro-grid tap at once, with latency on every request, alone and beside a worker's visits whose
 * transactions meet injected conflicts: nobody is told it failed, every receipt is counted once, and the
 * counters agree with the records. A receipt's writes that fail halfway are completed by the next tap.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../server/adapters/local/clocks';
import { sequentialIds } from '../../server/adapters/local/ids';
import { LocalFiles } from '../../server/adapters/local/local-files';
import { RecordingPush } from '../../server/adapters/local/recording-push';
import {
  DEFAULT_LOCAL_GROUP_SECRET,
  SignedGroupTickets,
} from '../../server/adapters/local/signed-group-tickets';
import { WordListCheck } from '../../server/adapters/local/word-list-check';
import { loadNotificationSettings } from '../../server/adapters/push-templates';
import { startStandin, standinStore, type Standin } from '../../server/cloudbase-standin';
import { noticeIds } from '../../server/core/notices/model';
import type { Deps } from '../../server/core/ports';
import { RoutingIndexCache } from '../../server/core/routing/index-cache';
import type { User } from '../../server/core/users/model';
import { seedDemo } from '../../server/demo/seed';
import { hmacSecrets } from '../../server/adapters/hmac-secrets';
import { QrMiniProgramCodes } from '../../server/adapters/local/qr-mini-program-codes';
import { PdfCodeSheets } from '../../server/adapters/pdf-code-sheets';
import { SHEET_FONT } from '../../server/local-cloud/deps';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import { COMMUNITY, STAFF, content, wholeCommunity } from './fixture';

const MICRO_GRID = 'mg_wujiayuan_02_2';
const TAPS = 16;

let standin: Standin;
let deps: Deps;
beforeAll(async () => {
  standin = await startStandin();
  const store = standinStore(standin, { backoffBaseMs: 5, backoffCapMs: 200 });
  deps = {
    store,
    clock: new ManualClock('2026-06-20T09:00:00+08:00'),
    ids: sequentialIds(),
    files: new LocalFiles(join(tmpdir(), 'gridlink-burst-files')),
    push: new RecordingPush(),
    contentCheck: new WordListCheck(),
    routingIndexes: new RoutingIndexCache(),
    groupTickets: new SignedGroupTickets(DEFAULT_LOCAL_GROUP_SECRET),
    notificationSettings: loadNotificationSettings({}),
    secrets: hmacSecrets,
    miniProgramCodes: new QrMiniProgramCodes(),
    codeSheets: new PdfCodeSheets(SHEET_FONT),
  };
  await seedDemo(store);
}, 60_000);
afterAll(async () => standin.close());

async function call<T>(openid: string, fn: keyof typeof functions, action: string, req: object): Promise<T> {
  const result = await invoke(functions[fn], deps, { openid }, { ...req, action });
  if (!result.ok) throw new Error(`${fn}.${action}: ${result.error.code}`);
  return result.data as T;
}

async function publishedNotice(): Promise<string> {
  const draft = await call<{ noticeId: string; version: number }>(STAFF, 'notice', 'compose', {
    communityId: COMMUNITY,
    audience: wholeCommunity,
    ...content(),
  });
  const notice = await call<{ noticeId: string; state: string }>(STAFF, 'notice', 'publish', {
    noticeId: draft.noticeId,
    version: draft.version,
  });
  expect(notice.state).toBe('published');
  return notice.noticeId;
}

async function residents(prefix: string, count: number, perHousehold: number): Promise<User[]> {
  const households = await deps.store.find('households', { where: { microGridId: MICRO_GRID }, limit: 100 });
  const at = '2026-06-20T09:00:00+08:00';
  const people: User[] = Array.from({ length: count }, (_, i) => ({
    _id: `u_${prefix}_${i}`,
    openid: `${prefix}-${i}`,
    name: '居民',
    phone: null,
    roles: [{ role: 'resident', communityId: COMMUNITY }],
    roleKeys: [`resident:${COMMUNITY}`],
    householdId: households[Math.floor(i / perHousehold)]!._id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
  await deps.store.insertMany('users', people);
  return people;
}

const confirm = (openid: string, noticeId: string) =>
  invoke(functions.notice, deps, { openid }, { action: 'confirm', noticeId });

async function coverageOf(noticeId: string) {
  return call<{
    community: { reached: number; confirmedResidents: number; visits: number; nobodyHome: number };
  }>(STAFF, 'notice', 'coverage', { noticeId });
}

async function driftOf(noticeId: string): Promise<unknown[]> {
  return (await call<{ drift: unknown[] }>(STAFF, 'notice', 'reconcile', { noticeId })).drift;
}

test('sixteen neighbours tapping 已知晓 at once, two to a household, start no transaction and are counted once', async () => {
  const noticeId = await publishedNotice();
  const people = await residents('burst', TAPS, 2);
  standin.faults.latencyMs = 5;
  standin.resetCounts();
  const answers = await Promise.all(people.map((p) => confirm(p.openid, noticeId)));
  const counts = standin.counts();
  standin.faults.clear();

  expect(answers.filter((a) => !a.ok)).toEqual([]);
  // Plain guarded writes, no transaction: nothing for neighbours to conflict on.
  expect(counts.byAction['database.startTransaction'] ?? 0).toBe(0);
  expect(await deps.store.count('noticeReceipts', { noticeId })).toBe(TAPS);
  expect((await coverageOf(noticeId)).community).toMatchObject({
    reached: TAPS / 2,
    confirmedResidents: TAPS,
  });
  expect(await driftOf(noticeId)).toEqual([]);
}, 60_000);

test('receipts during the worker’s visits, whose transactions meet injected conflicts on the shards, all land once', async () => {
  const noticeId = await publishedNotice();
  const people = await residents('mixed', TAPS, 1);
  const stored = (await deps.store.get('notices', noticeId))!;
  for (let shard = 0; shard < stored.coverageShards; shard++)
    standin.faults.conflictOn('noticeCoverage', noticeIds.shard(noticeId, shard), 2);
  standin.faults.latencyMs = 5;
  // The worker knocks at the doors of the first four residents' households (nobody home at two) while
  // everyone taps: a visit's transaction and a receipt's reach race for the same target.
  const visits = people.slice(0, 4).map((p, i) =>
    invoke(
      functions.notice,
      deps,
      { openid: 'dev-worker-wujiayuan-02-2' },
      {
        action: 'recordVisit',
        noticeId,
        householdId: p.householdId,
        outcome: i % 2 ? 'nobodyHome' : 'inPerson',
        note: '',
      },
    ),
  );
  const answers = await Promise.all([...people.map((p) => confirm(p.openid, noticeId)), ...visits]);
  standin.faults.clear();

  expect(answers.filter((a) => !a.ok)).toEqual([]);
  const coverage = (await coverageOf(noticeId)).community;
  // Each household once, whoever came first; a reached household is never also counted as nobody home.
  expect(coverage).toMatchObject({ reached: TAPS, confirmedResidents: TAPS, visits: 4, nobodyHome: 0 });
  expect(await driftOf(noticeId)).toEqual([]);
}, 60_000);

test('a counter write that fails takes its receipt back: the next tap counts the receipt once', async () => {
  const noticeId = await publishedNotice();
  const [first, second] = await residents('throttled', 2, 2);
  // The first tap: the reach and the receipt are written, then the counter write is refused.
  standin.faults.throttle(1, 'database.modifyDocument');
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const failed = await confirm(first!.openid, noticeId);
  quiet.mockRestore();
  expect(failed.ok).toBe(false);
  expect(await deps.store.count('noticeReceipts', { noticeId })).toBe(0);
  // Meanwhile a member of the same household taps: the household is already reached, by the first.
  expect((await confirm(second!.openid, noticeId)).ok).toBe(true);

  const retried = await call<{ confirmedAt: string; alreadyConfirmed: boolean }>(
    first!.openid,
    'notice',
    'confirm',
    { noticeId },
  );
  expect(retried.alreadyConfirmed).toBe(false);
  const receipt = (await deps.store.get('noticeReceipts', noticeIds.receipt(noticeId, first!._id)))!;
  expect(receipt.reached).toBe(true);
  expect((await coverageOf(noticeId)).community).toMatchObject({ reached: 1, confirmedResidents: 2 });
  expect(await driftOf(noticeId)).toEqual([]);
}, 60_000);

test('a tap cut short after its reach is completed by the next one, dated by the reach', async () => {
  const noticeId = await publishedNotice();
  const [resident] = await residents('cut', 1, 1);
  standin.faults.throttle(1, 'database.insertDocument');
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect((await confirm(resident!.openid, noticeId)).ok).toBe(false);
  quiet.mockRestore();
  const target = (await deps.store.get('noticeTargets', noticeIds.target(noticeId, resident!.householdId!)))!;
  expect(target).toMatchObject({ reachedBy: 'receipt', reachedByUserId: resident!._id });

  const retried = await call<{ confirmedAt: string }>(resident!.openid, 'notice', 'confirm', { noticeId });
  expect(retried.confirmedAt).toBe(target.reachedAt);
  expect((await coverageOf(noticeId)).community).toMatchObject({ reached: 1, confirmedResidents: 1 });
  expect(await driftOf(noticeId)).toEqual([]);
}, 60_000);
