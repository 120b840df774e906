/**
 * Roles from one source of truth: a worker's role comes from the roster and ends with the entry. Removed,
 * they can sign for nothing and receive nothing new; the tickets on their desk move on by the routing rules
 * and the new assignee and the residents hear of it. A micro-grid never loses its primary to a roster edit.
 */
import { createHarness, type Harness } from '../support/harness';
import { bindWithCode } from '../support/household-codes';
import { requestId } from '../scenarios/ticket-world';

const STAFF = 'dev-staff-wujiayuan';
const COMMUNITY = 'c_wujiayuan';
const WORKER = 'dev-worker-wujiayuan-02-2';
const WORKER_ID = 'u_worker_wujiayuan_02_2';
const SECOND_ID = 'u_worker_wujiayuan_02_2_b';
const MICRO_GRID = 'mg_wujiayuan_02_2';

describe('roster roles', () => {
  let h: Harness;
  let resident: string;
  let buildingId: string;

  beforeEach(async () => {
    h = await createHarness();
    const [home] = await h.deps.store.find('households', { where: { microGridId: MICRO_GRID }, limit: 1 });
    buildingId = home!.buildingId;
    resident = 'wx-resident-roster';
    await h.as(resident).ok('user', 'login', { name: '孙阿姨' });
    await bindWithCode(h, resident, home!._id);
  });
  afterEach(() => h.close());

  const file = (description: string) =>
    h.as(resident).ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'propertyService',
      description,
      photos: [],
      place: { kind: 'building', buildingId },
    });

  async function memberId(userId: string): Promise<string> {
    const [m] = await h.deps.store.find('members', {
      where: { userId, microGridId: MICRO_GRID, duty: 'worker' },
    });
    return m!._id;
  }

  test('a removed worker cannot sign, gets no new ticket, and their open tickets are moved and announced', async () => {
    const waiting = await file('楼道灯不亮');
    const inHand = await file('单元门坏了');
    expect(waiting.assignee?.userId).toBe(WORKER_ID);
    await h.as(WORKER).ok('ticket', 'accept', { ticketId: inHand.ticketId, version: inHand.version });

    const before = new Set((await h.deps.store.find('outbox')).map((e) => e._id));
    const roster = await h
      .as(STAFF)
      .ok('grid', 'removeMember', { communityId: COMMUNITY, memberId: await memberId(WORKER_ID) });
    const workers = roster.grids
      .flatMap((g) => g.microGrids)
      .find((m) => m.microGridId === MICRO_GRID)!.workers;
    expect(workers.map((w) => [w.userId, w.primary])).toEqual([[SECOND_ID, true]]);
    const removed = await h.deps.store.get('users', WORKER_ID);
    expect(removed!.roles.some((g) => g.role === 'worker')).toBe(false);
    expect(removed!.roleKeys).not.toContain(`worker:${COMMUNITY}`);

    for (const ticketId of [waiting.ticketId, inHand.ticketId]) {
      const t = (await h.deps.store.get('tickets', ticketId))!;
      expect(t).toMatchObject({ assigneeUserId: SECOND_ID, status: 'assigned' });
      const sign = await h.as(WORKER).call('ticket', 'accept', { ticketId, version: t.version });
      expect(sign.ok).toBe(false);
      const told = (await h.deps.store.find('outbox', { where: { ticketId } })).filter(
        (e) => !before.has(e._id),
      );
      expect(told.map((e) => e.kind)).toEqual(['ticketAssigned', 'ticketAssigned']);
      const recipients = told.flatMap((e) => e.userIds);
      expect(recipients).toContain(SECOND_ID);
      expect(recipients).toContain((await h.as(resident).ok('user', 'me', {})).userId);
    }
    const next = await file('垃圾没人清');
    expect(next.assignee?.userId).toBe(SECOND_ID);
    expect((await h.deps.store.get('tickets', next.ticketId))!.assigneeUserId).not.toBe(WORKER_ID);
  });

  test('with nobody left in the grid, the tickets wait in the duty queue and its desk is told', async () => {
    const t = await file('楼道灯不亮');
    const members = await h.deps.store.find('members', { where: { gridId: 'g_wujiayuan_02' } });
    for (const m of members.filter((x) => x.duty === 'worker' || x.duty === 'leader'))
      await h.as(STAFF).ok('grid', 'removeMember', { communityId: COMMUNITY, memberId: m._id });
    const after = (await h.deps.store.get('tickets', t.ticketId))!;
    expect(after).toMatchObject({ status: 'returned', assigneeUserId: null });
    const queue = await h.deps.store.find('outbox', { where: { ticketId: t.ticketId } });
    expect(queue.some((e) => e.page.startsWith('packages/staff/pages/duty-queue'))).toBe(true);
  });

  test('the primary steps down only for another; a micro-grid’s first worker becomes its primary', async () => {
    await h
      .as(STAFF)
      .ok('grid', 'removeMember', { communityId: COMMUNITY, memberId: await memberId(SECOND_ID) });
    const stepDown = await h.as(STAFF).call('grid', 'setMember', {
      communityId: COMMUNITY,
      gridId: 'g_wujiayuan_02',
      microGridId: MICRO_GRID,
      userId: WORKER_ID,
      duty: 'worker',
      primary: false,
    });
    expect(stepDown).toMatchObject({ ok: false, error: { code: 'MEMBER.PRIMARY_REQUIRED' } });
    expect((await h.deps.store.get('members', await memberId(WORKER_ID)))!.primary).toBe(true);

    await h.as(STAFF).ok('grid', 'setMember', {
      communityId: COMMUNITY,
      gridId: 'g_wujiayuan_02',
      microGridId: MICRO_GRID,
      userId: SECOND_ID,
      duty: 'worker',
      primary: true,
    });
    const primaries = (
      await h.deps.store.find('members', { where: { microGridId: MICRO_GRID, duty: 'worker' } })
    )
      .filter((m) => m.primary)
      .map((m) => m.userId);
    expect(primaries).toEqual([SECOND_ID]);

    // An empty micro-grid: its first worker is primary even when not asked for.
    for (const m of await h.deps.store.find('members', {
      where: { microGridId: MICRO_GRID, duty: 'worker' },
    }))
      await h.as(STAFF).ok('grid', 'removeMember', { communityId: COMMUNITY, memberId: m._id });
    await h.as(STAFF).ok('grid', 'setMember', {
      communityId: COMMUNITY,
      gridId: 'g_wujiayuan_02',
      microGridId: MICRO_GRID,
      userId: WORKER_ID,
      duty: 'worker',
    });
    expect((await h.deps.store.get('members', await memberId(WORKER_ID)))!.primary).toBe(true);
    expect((await h.deps.store.get('users', WORKER_ID))!.roles.some((g) => g.role === 'worker')).toBe(true);
  });
});
