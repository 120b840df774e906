/**
 * Issue 11 item 5: the staff preview (`grid.route`) is the real routing. One place builds routing's
 * dependencies, so with the primary worker off duty the preview names the worker a submission really gets;
 * the reason follows a reassignment; one label per micro-grid on the map, in routing and on the ticket.
 */
import type { RosterView } from '../../typings/grid';
import { createHarness, type Harness } from '../support/harness';

const C = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';
const LEADER = 'dev-leader-wujiayuan-02';
const REPORTER = 'dev-resident-li';
const MG2 = 'mg_wujiayuan_02_2';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

async function buildingIn(microGridId: string): Promise<string> {
  const [b] = await h.deps.store.find('buildings', { where: { microGridId }, limit: 1 });
  if (!b) throw new Error(`no building in ${microGridId}`);
  return b._id;
}

function workersOf(roster: RosterView, microGridId: string) {
  const m = roster.grids.flatMap((g) => g.microGrids).find((x) => x.microGridId === microGridId);
  if (!m) throw new Error(`no micro-grid ${microGridId}`);
  return m.workers;
}

let serial = 0;
async function file(buildingId: string) {
  serial += 1;
  return h.as(REPORTER).ok('ticket', 'submit', {
    clientRequestId: `preview-${serial.toString().padStart(6, '0')}`,
    category: 'garbage',
    description: `垃圾堆放 ${serial}`,
    photos: [],
    place: { kind: 'building', buildingId },
  });
}

describe('the preview is the real routing', () => {
  it('with the primary off duty names the worker a submission gets, not one holding 3 open tickets', async () => {
    const building = await buildingIn(MG2);
    const roster = await h.as(STAFF).ok('grid', 'members', { communityId: C });
    const [primary, second] = workersOf(roster, MG2).sort((a, b) => Number(b.primary) - Number(a.primary));
    expect(primary!.primary).toBe(true);
    // Three open tickets on the second worker's desk, through the leader's reassignment.
    for (let i = 0; i < 3; i++) {
      const t = await file(building);
      await h.as(LEADER).ok('ticket', 'reassign', {
        ticketId: t.ticketId,
        version: t.version,
        assigneeUserId: second!.userId,
      });
    }
    await h.as(STAFF).ok('grid', 'setOnDuty', { communityId: C, memberId: primary!.memberId, onDuty: false });

    const preview = await h.as(STAFF).ok('grid', 'route', {
      communityId: C,
      category: 'garbage',
      buildingId: building,
    });
    const filed = await file(building);
    expect(preview.assignmentReason).toBe('主责网格员不在岗，转本网格在办工单最少的在岗网格员');
    expect(preview.assignee?.userId).not.toBe(second!.userId);
    expect(filed.assignee?.userId).toBe(preview.assignee?.userId);
    expect(preview.nobodyToAssign).toBe(false);
    expect(preview.rule).toBe('address');
  });

  it('the reason follows a reassignment into another micro-grid of the grid', async () => {
    const t = await file(await buildingIn(MG2));
    expect(t.routingReason).toContain('第二网格-2号微网格');
    const roster = await h.as(STAFF).ok('grid', 'members', { communityId: C });
    const [other] = workersOf(roster, 'mg_wujiayuan_02_3');
    const moved = await h.as(LEADER).ok('ticket', 'reassign', {
      ticketId: t.ticketId,
      version: t.version,
      assigneeUserId: other!.userId,
    });
    expect(moved.microGridId).toBe('mg_wujiayuan_02_3');
    expect(moved.routingReason).toBe(`李秀兰 改派至 第二网格-3号微网格，由网格员 ${other!.name}处理`);
  });
});

describe('one label per micro-grid', () => {
  it('an exclusive grid’s micro-grid reads the same on the map, in the roster and in routing', async () => {
    const staff = h.as('dev-staff-dashaping');
    const map = await staff.ok('grid', 'map', { communityId: 'c_dashaping' });
    const micro = map.microGrids.find((m) => m.microGridId === 'mg_dashaping_03_1');
    const roster = await staff.ok('grid', 'members', { communityId: 'c_dashaping' });
    const inRoster = roster.grids
      .flatMap((g) => g.microGrids)
      .find((m) => m.microGridId === micro?.microGridId);
    const ring = micro?.boundary?.type === 'Polygon' ? micro.boundary.coordinates[0] : undefined;
    if (!ring) throw new Error('the demo school micro-grid has a polygon');
    const point = {
      lng: ring.reduce((sum, p) => sum + p[0]!, 0) / ring.length,
      lat: ring.reduce((sum, p) => sum + p[1]!, 0) / ring.length,
    };
    const answer = await staff.ok('grid', 'route', {
      communityId: 'c_dashaping',
      category: 'garbage',
      point,
    });
    expect(micro?.label).toBe('海亮实验学校-1号微网格');
    expect(inRoster?.label).toBe(micro?.label);
    expect(answer.microGrid).toEqual({ microGridId: 'mg_dashaping_03_1', label: micro?.label });
  });
});
