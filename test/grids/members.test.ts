import { createHarness, type Harness } from '../support/harness';

const C = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';
let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const workersOf = (roster: Awaited<ReturnType<ReturnType<Harness['as']>['ok']>>, microGridId: string) =>
  (
    roster as {
      grids: Array<{
        microGrids: Array<{
          microGridId: string;
          workers: Array<{ userId: string; primary: boolean; onDuty: boolean; phone: string | null }>;
        }>;
      }>;
    }
  ).grids
    .flatMap((g) => g.microGrids)
    .find((m) => m.microGridId === microGridId)!.workers;

describe('managing members', () => {
  it('lists the roster with masked phones', async () => {
    const roster = await h.as(STAFF).ok('grid', 'members', { communityId: C });
    expect(roster.grids).toHaveLength(15);
    expect(roster.secretary).toMatchObject({ userId: 'u_secretary_wujiayuan' });
    const [worker] = workersOf(roster, 'mg_wujiayuan_02_2');
    expect(worker?.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('keeps one primary per micro-grid: a new primary displaces the old one', async () => {
    const roster = await h.as(STAFF).ok('grid', 'setMember', {
      communityId: C,
      gridId: 'g_wujiayuan_02',
      microGridId: 'mg_wujiayuan_02_2',
      userId: 'u_worker_wujiayuan_01_1',
      duty: 'worker',
      primary: true,
    });
    const primaries = workersOf(roster, 'mg_wujiayuan_02_2').filter((w) => w.primary);
    expect(primaries.map((w) => w.userId)).toEqual(['u_worker_wujiayuan_01_1']);
    const user = await h.deps.store.get('users', 'u_worker_wujiayuan_01_1');
    expect(user?.roles).toContainEqual({
      role: 'worker',
      communityId: C,
      gridId: 'g_wujiayuan_02',
      microGridId: 'mg_wujiayuan_02_2',
    });
  });

  it('routes past a primary taken off duty', async () => {
    const staff = h.as(STAFF);
    const roster = await staff.ok('grid', 'members', { communityId: C });
    const primary = (
      roster.grids.flatMap((g) => g.microGrids).find((m) => m.microGridId === 'mg_wujiayuan_02_2')!
        .workers as Array<{ memberId: string; primary: boolean }>
    ).find((w) => w.primary)!;
    await staff.ok('grid', 'setOnDuty', { communityId: C, memberId: primary.memberId, onDuty: false });
    const b = (
      await h.deps.store.find('buildings', { where: { microGridId: 'mg_wujiayuan_02_2' }, limit: 1 })
    )[0]!;
    const answer = await staff.ok('grid', 'route', {
      communityId: C,
      category: 'garbage',
      buildingId: b._id,
    });
    expect(answer.assignee?.userId).not.toBe('u_worker_wujiayuan_02_2');
    expect(answer.assignmentReason).toBe('主责网格员不在岗，转本网格在办工单最少的在岗网格员');
  });

  it('refuses a worker without a micro-grid, and a non-staff caller', async () => {
    const staff = h.as(STAFF);
    expect(
      await staff.call('grid', 'setMember', {
        communityId: C,
        gridId: 'g_wujiayuan_02',
        userId: 'u_worker_wujiayuan_01_1',
        duty: 'worker',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'USER.ROLE_SCOPE_INVALID', message: '网格员须指定微网格，请选择微网格' },
    });
    expect(await h.as('dev-worker-wujiayuan-02-2').call('grid', 'members', { communityId: C })).toMatchObject(
      { ok: false, error: { code: 'AUTH.FORBIDDEN' } },
    );
  });
});
