/**
 * The workbench on the CloudBase adapter and the stand-in: the same answers as on SQLite, and every query it
 * sends is served by an index declared in server/core/store/collections.ts (the stand-in logs the others).
 */
import { ManualClock } from '../../server/adapters/local/clocks';
import { sequentialIds } from '../../server/adapters/local/ids';
import { startStandin, standinStore, type Standin } from '../../server/cloudbase-standin';
import type { Deps } from '../../server/core/ports';
import { seedDemo } from '../../server/demo/seed';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import { createLocalDeps } from '../../server/local-cloud/deps';
import type { ApiResult } from '../../typings/common';
import type { WorkbenchFilter, WorkbenchPage } from '../../typings/workbench';

const C = 'c_wujiayuan';
let standin: Standin;
let deps: Deps;
let clock: ManualClock;

const call = async (openid: string, action: string, req: object) =>
  invoke(functions.ticket, deps, { openid }, { ...req, action }) as Promise<ApiResult<unknown>>;
const ok = async <T>(openid: string, action: string, req: object): Promise<T> => {
  const answer = await call(openid, action, req);
  if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`);
  return answer.data as T;
};

beforeAll(async () => {
  standin = await startStandin();
  clock = new ManualClock('2026-06-20T09:00:00+08:00');
  deps = { ...createLocalDeps({ clock, ids: sequentialIds() }), store: standinStore(standin) };
  await seedDemo(deps.store);
  const [b1, b2] = await Promise.all(
    ['mg_wujiayuan_02_1', 'mg_wujiayuan_01_1'].map(async (microGridId) => {
      const [b] = await deps.store.find('buildings', { where: { microGridId }, limit: 1 });
      return b!._id;
    }),
  );
  for (let i = 0; i < 6; i++) {
    await ok('dev-resident-li', 'submit', {
      clientRequestId: `standin-wb-${i}`,
      category: i % 2 ? 'garbage' : 'streetLight',
      description: i === 4 ? '路灯一闪一闪' : `垃圾 ${i}`,
      photos: [],
      place: { kind: 'building', buildingId: i % 2 ? b1 : b2 },
    });
    clock.advance(5 * 60_000);
  }
  clock.advance(5 * 3_600_000);
}, 60_000);
afterAll(async () => {
  await standin.close();
});

describe('the workbench on the stand-in', () => {
  it('answers every filter with queries that declared indexes serve', async () => {
    standin.clearUnindexed();
    const filters: WorkbenchFilter[] = [
      {},
      { statuses: ['assigned', 'accepted'] },
      { category: 'garbage' },
      { gridId: 'g_wujiayuan_02' },
      { microGridId: 'mg_wujiayuan_01_1', statuses: ['assigned'] },
      { overdue: true },
      { escalated: true },
      { from: '2026-06-20', to: '2026-06-20', text: '路灯' },
    ];
    const pages: WorkbenchPage[] = [];
    for (const filter of filters) {
      const page = await ok<WorkbenchPage>('dev-staff-wujiayuan', 'workbench', {
        communityId: C,
        filter,
        limit: 2,
      });
      pages.push(page);
      if (page.next)
        await ok('dev-staff-wujiayuan', 'workbench', { communityId: C, filter, limit: 2, cursor: page.next });
    }
    expect(pages[0]!.rows).toHaveLength(2);
    expect(pages[7]!.rows.map((r) => r.excerpt)).toEqual(['路灯一闪一闪']);
    const [any] = pages[0]!.rows;
    await ok('dev-staff-wujiayuan', 'mergeCandidates', { ticketId: any!.ticketId, text: '垃圾' });
    await ok('dev-staff-wujiayuan', 'workbenchScope', { communityId: C });
    await ok('dev-leader-wujiayuan-02', 'leaderHome', { communityId: C });
    await ok('dev-leader-wujiayuan-02', 'workbench', { communityId: C, filter: { overdue: true } });
    await ok('dev-secretary-wujiayuan', 'secretaryHome', { communityId: C });
    expect(standin.unindexedQueries()).toEqual([]);
  }, 60_000);
});
