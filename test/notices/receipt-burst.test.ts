/**
 * 已知晓 bursts on the CloudBase stand-in: the real CloudBase adapter with CloudBase's write locks, where a
 * transaction touching a document another holds fails with DATABASE_TRANSACTION_CONFLICT. Sixteen residents
 * of one micro-grid tap at once, with latency on every request and conflicts injected on their counter
 * shards: nobody is told it failed, every receipt is counted once, and the counters agree with the records.
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

test('sixteen neighbours tapping 已知晓 at once, with conflicts injected, all succeed and are counted once', async () => {
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
  const households = await deps.store.find('households', { where: { microGridId: MICRO_GRID }, limit: 100 });
  const at = '2026-06-20T09:00:00+08:00';
  const people: User[] = Array.from({ length: TAPS }, (_, i) => ({
    _id: `u_burst_${i}`,
    openid: `burst-${i}`,
    name: '居民',
    phone: null,
    roles: [{ role: 'resident', communityId: COMMUNITY }],
    roleKeys: [`resident:${COMMUNITY}`],
    // Two to a household: members of one household also meet on its target document.
    householdId: households[Math.floor(i / 2)]!._id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }));
  await deps.store.insertMany('users', people);
  const stored = (await deps.store.get('notices', notice.noticeId))!;
  for (let shard = 0; shard < stored.coverageShards; shard++)
    standin.faults.conflictOn('noticeCoverage', noticeIds.shard(notice.noticeId, shard), 2);
  standin.faults.latencyMs = 5;

  const answers = await Promise.all(
    people.map((p) =>
      invoke(functions.notice, deps, { openid: p.openid }, { action: 'confirm', noticeId: notice.noticeId }),
    ),
  );
  standin.faults.clear();

  expect(answers.filter((a) => !a.ok)).toEqual([]);
  expect(await deps.store.count('noticeReceipts', { noticeId: notice.noticeId })).toBe(TAPS);
  const coverage = await call<{ community: { reached: number; confirmedResidents: number } }>(
    STAFF,
    'notice',
    'coverage',
    { noticeId: notice.noticeId },
  );
  expect(coverage.community).toMatchObject({ reached: TAPS / 2, confirmedResidents: TAPS });
  const report = await call<{ drift: unknown[] }>(STAFF, 'notice', 'reconcile', {
    noticeId: notice.noticeId,
  });
  expect(report.drift).toEqual([]);
}, 60_000);
