/**
 * The ticket workbench (issue 11 item 1) through the real `ticket` function on the demo world: scope (staff:
 * the community; a leader: their grid), every filter against the same filter computed here from all tickets,
 * cursor paging without loss or repeats (ties included), the bounded text search, merge candidates, and the
 * leader's and secretary's homes.
 */
import type { TicketSummary } from '../../typings/ticket';
import type { WorkbenchFilter, WorkbenchRow } from '../../typings/workbench';
import type { Ticket } from '../../server/core/tickets/model';
import { isOverdue } from '../../server/core/tickets/deadlines';
import { createHarness, type Harness } from '../support/harness';

const C = 'c_wujiayuan';
const STAFF = 'dev-staff-wujiayuan';
const SECRETARY = 'dev-secretary-wujiayuan';
const LEADER = 'dev-leader-wujiayuan-02';
const WORKER = 'dev-worker-wujiayuan-02-2';
const G2 = 'g_wujiayuan_02';

let h: Harness;
let serial = 0;

async function buildingIn(microGridId: string): Promise<string> {
  const [b] = await h.deps.store.find('buildings', { where: { microGridId }, limit: 1 });
  if (!b) throw new Error(`no building in ${microGridId}`);
  return b._id;
}

async function file(
  microGridId: string,
  description: string,
  category: 'garbage' | 'streetLight' | 'secretaryLetter' = 'garbage',
) {
  serial += 1;
  return h.as('dev-resident-li').ok('ticket', 'submit', {
    clientRequestId: `wb-${serial.toString().padStart(8, '0')}`,
    category,
    description,
    photos: [],
    place: { kind: 'building', buildingId: await buildingIn(microGridId) },
  });
}

/** Every ticket in the store, as the test's own reference. */
async function everything(): Promise<Ticket[]> {
  return h.deps.store.find('tickets', {});
}

/** The workbench's order, computed here. */
/** 在办 on the leader's home: the grid still has to act (a resolved ticket waits for the reporter). */
const inHand = (t: Ticket) => t.open && t.status !== 'resolved';

const newest = (a: Ticket, b: Ticket) =>
  a.createdAt === b.createdAt ? (a._id < b._id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;

async function allPages(openid: string, filter: WorkbenchFilter, limit = 3): Promise<WorkbenchRow[]> {
  const rows: WorkbenchRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const got = await h.as(openid).ok('ticket', 'workbench', {
      communityId: C,
      filter,
      limit,
      ...(cursor ? { cursor } : {}),
    });
    rows.push(...got.rows);
    if (!got.next) return rows;
    cursor = got.next;
  }
  throw new Error('paging did not end');
}

beforeEach(async () => {
  h = await createHarness();
  // Tickets spread over time, places and categories; a few minutes apart so the order is known.
  const places = ['mg_wujiayuan_02_1', 'mg_wujiayuan_02_2', 'mg_wujiayuan_01_1', 'mg_wujiayuan_03_1'];
  for (let i = 0; i < 12; i++) {
    await file(
      places[i % places.length]!,
      i % 3 === 0 ? `路灯不亮 第${i}盏` : `垃圾没人清运 ${i}`,
      i % 3 === 0 ? 'streetLight' : 'garbage',
    );
    h.clock.advance(7 * 60_000);
  }
  await file('mg_wujiayuan_02_1', '书记您好，想反映一件事', 'secretaryLetter');
});
afterEach(() => h.close());

describe('scope', () => {
  it('staff see every ticket of the community, newest first, letters never', async () => {
    const rows = await allPages(STAFF, {});
    const expected = (await everything())
      .filter((t) => t.communityId === C && t.category !== 'secretaryLetter')
      .sort(newest)
      .map((t) => t._id);
    expect(rows.map((r) => r.ticketId)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('a leader sees their grid only, and another grid is not found', async () => {
    const rows = await allPages(LEADER, {});
    const expected = (await everything())
      .filter((t) => t.gridId === G2 && t.category !== 'secretaryLetter')
      .sort(newest)
      .map((t) => t._id);
    expect(rows.map((r) => r.ticketId)).toEqual(expected);
    expect(rows.every((r) => r.microGridLabel?.startsWith('第二网格-'))).toBe(true);
    const other = await h.as(LEADER).call('ticket', 'workbench', {
      communityId: C,
      filter: { gridId: 'g_wujiayuan_01' },
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'GRID.NOT_FOUND' } });
  });

  it('a worker or a resident has no workbench', async () => {
    for (const openid of [WORKER, 'dev-resident-li']) {
      const answer = await h.as(openid).call('ticket', 'workbench', { communityId: C, filter: {} });
      expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    }
  });
});

describe('filters', () => {
  const cases: Array<[string, WorkbenchFilter, (t: Ticket) => boolean]> = [
    ['category', { category: 'streetLight' }, (t) => t.category === 'streetLight'],
    ['status', { statuses: ['assigned'] }, (t) => t.status === 'assigned'],
    ['micro-grid', { microGridId: 'mg_wujiayuan_02_2' }, (t) => t.microGridId === 'mg_wujiayuan_02_2'],
    ['grid', { gridId: G2 }, (t) => t.gridId === G2],
    [
      'category and micro-grid',
      { category: 'garbage', microGridId: 'mg_wujiayuan_02_1' },
      (t) => t.category === 'garbage' && t.microGridId === 'mg_wujiayuan_02_1',
    ],
    ['date range', { from: '2026-06-20', to: '2026-06-20' }, (t) => t.createdAt.startsWith('2026-06-20')],
  ];
  it.each(cases)('by %s: exactly the tickets that match', async (_name, filter, keep) => {
    const rows = await allPages(STAFF, filter, 2);
    const expected = (await everything())
      .filter((t) => t.communityId === C && t.category !== 'secretaryLetter' && keep(t))
      .sort(newest)
      .map((t) => t._id);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.ticketId)).toEqual(expected);
  });

  it('by assignee, by overdue and by escalation, after time passes', async () => {
    const [first] = await h.deps.store.find('tickets', {
      where: { microGridId: 'mg_wujiayuan_02_2' },
      limit: 1,
    });
    const assignee = first!.assigneeUserId!;
    const mine = await allPages(STAFF, { assigneeUserId: assignee });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.assigneeName === first!.assignee!.name)).toBe(true);

    h.clock.advance(3 * 3_600_000);
    await h.anonymous('scheduler', 'tick', {});
    const now = h.clock.now();
    const all = (await everything()).filter((t) => t.communityId === C && t.category !== 'secretaryLetter');
    const overdue = await allPages(STAFF, { overdue: true });
    const expectedOverdue = all.filter((t) => isOverdue(t, now)).sort(newest);
    expect(expectedOverdue.length).toBeGreaterThan(0);
    expect(overdue.map((r) => r.ticketId)).toEqual(expectedOverdue.map((t) => t._id));
    expect(overdue.every((r) => r.overdue)).toBe(true);

    const escalated = await allPages(STAFF, { escalated: true });
    const expectedEscalated = all.filter((t) => t.escalationLevel > 0).sort(newest);
    expect(expectedEscalated.length).toBeGreaterThan(0);
    expect(escalated.map((r) => r.ticketId)).toEqual(expectedEscalated.map((t) => t._id));
  });

  it('a reversed date range or a forged cursor is refused in words', async () => {
    const reversed = await h.as(STAFF).call('ticket', 'workbench', {
      communityId: C,
      filter: { from: '2026-06-21', to: '2026-06-20' },
    });
    expect(reversed).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION.FAILED', message: '开始日期不能晚于结束日期，请重新选择日期' },
    });
    const forged = await h
      .as(STAFF)
      .call('ticket', 'workbench', { communityId: C, filter: {}, cursor: 'x|y' });
    expect(forged).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION.FAILED', message: '翻页位置无效，请刷新列表后重试' },
    });
  });
});

describe('paging', () => {
  it('pages over tickets filed at the same instant lose none and repeat none', async () => {
    const [template] = await everything();
    const at = '2026-06-19T08:00:00+08:00';
    const twins: Ticket[] = Array.from({ length: 7 }, (_, i) => ({
      ...template!,
      _id: `tk_twin${i}`,
      clientRequestId: `twin-${i}`,
      createdAt: at,
      updatedAt: at,
    }));
    await h.deps.store.insertMany('tickets', twins);
    const rows = await allPages(STAFF, {}, 2);
    const ids = rows.map((r) => r.ticketId);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = (await everything())
      .filter((t) => t.communityId === C && t.category !== 'secretaryLetter')
      .sort(newest)
      .map((t) => t._id);
    expect(ids).toEqual(expected);
  });
});

describe('text search', () => {
  it('finds words in the description or the place', async () => {
    const rows = await allPages(STAFF, { text: '路灯' });
    const expected = (await everything())
      .filter((t) => t.communityId === C && t.description.includes('路灯'))
      .sort(newest)
      .map((t) => t._id);
    expect(rows.map((r) => r.ticketId)).toEqual(expected);
    const byPlace = (await everything()).find((t) => t.communityId === C)!;
    const word = byPlace.placeText.split(' ')[0]!;
    const placed = await allPages(STAFF, { text: word });
    expect(placed.map((r) => r.ticketId)).toContain(byPlace._id);
  });

  it('stays within a window: says how far it searched, and the cursor goes on from there', async () => {
    const [template] = await everything();
    const old = Array.from({ length: 700 }, (_, i): Ticket => {
      const at = new Date(Date.parse('2026-05-01T00:00:00+08:00') + i * 60_000).toISOString();
      const iso = `${new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
      return {
        ...template!,
        _id: `tk_old${i.toString().padStart(4, '0')}`,
        clientRequestId: `old-${i}`,
        description: i === 3 ? '井盖松动，有人差点摔倒' : '垃圾没人清运',
        createdAt: iso,
        updatedAt: iso,
      };
    });
    await h.deps.store.insertMany('tickets', old);
    const first = await h.as(STAFF).ok('ticket', 'workbench', { communityId: C, filter: { text: '井盖' } });
    expect(first.rows).toEqual([]);
    expect(first.searchedThrough).not.toBeNull();
    expect(first.next).not.toBeNull();
    let cursor = first.next;
    const found: string[] = [];
    for (let i = 0; cursor && i < 10; i++) {
      const page = await h
        .as(STAFF)
        .ok('ticket', 'workbench', { communityId: C, filter: { text: '井盖' }, cursor });
      found.push(...page.rows.map((r) => r.ticketId));
      cursor = page.next;
    }
    expect(found).toEqual(['tk_old0003']);
  });
});

describe('merge candidates', () => {
  it('finds the original by words, assigned or not, never the duplicate itself; merging into it works', async () => {
    h.clock.advance(3_600_000); // past the reporter's hourly limit
    const original = await file('mg_wujiayuan_02_1', '三号楼下水井盖松动');
    const duplicate = await file('mg_wujiayuan_02_2', '下水井盖又松了');
    expect(original.status).toBe('assigned');
    const found = await h
      .as(STAFF)
      .ok('ticket', 'mergeCandidates', { ticketId: duplicate.ticketId, text: '井盖' });
    expect(found.rows.map((r) => r.ticketId)).toEqual([original.ticketId]);
    expect(found.rows[0]).toMatchObject({ excerpt: '三号楼下水井盖松动', assigneeName: expect.any(String) });
    const merged = await h.as(STAFF).ok('ticket', 'merge', {
      ticketId: duplicate.ticketId,
      version: duplicate.version,
      intoTicketId: original.ticketId,
    });
    expect(merged).toMatchObject({ status: 'rejected', mergedIntoTicketId: original.ticketId });
  });

  it('is staff’s: a leader may not merge, so may not search for originals', async () => {
    const t = await file('mg_wujiayuan_02_1', '垃圾');
    const answer = await h.as(LEADER).call('ticket', 'mergeCandidates', { ticketId: t.ticketId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});

describe('homes', () => {
  it('the leader’s home counts and lists their grid’s open, overdue and escalated tickets', async () => {
    h.clock.advance(3 * 3_600_000);
    await h.anonymous('scheduler', 'tick', {});
    // The newest of the grid's tickets resolved, waiting for the reporter's 确认: not 在办 any more.
    const [waiting] = (await everything())
      .filter((t) => t.gridId === G2 && t.category !== 'secretaryLetter')
      .sort(newest);
    await h.deps.store.update('tickets', waiting!._id, { status: 'resolved' });
    const home = await h.as(LEADER).ok('ticket', 'leaderHome', { communityId: C });
    const now = h.clock.now();
    const mine = (await everything()).filter((t) => t.gridId === G2 && t.category !== 'secretaryLetter');
    expect(mine.filter((t) => t.open).length).toBe(mine.filter(inHand).length + 1);
    expect(home.open.map((r) => r.ticketId)).not.toContain(waiting!._id);
    expect(home.counts).toEqual({
      open: mine.filter(inHand).length,
      overdue: mine.filter((t) => isOverdue(t, now)).length,
      escalated: mine.filter((t) => t.open && t.escalationLevel > 0).length,
    });
    expect(home.counts.overdue).toBeGreaterThan(0);
    expect(home.overdue.length).toBe(Math.min(5, home.counts.overdue));
    expect(home.open.map((r) => r.ticketId)).toEqual(
      mine
        .filter(inHand)
        .sort(newest)
        .slice(0, 5)
        .map((t) => t._id),
    );
    expect(home.grids).toEqual([{ gridId: G2, name: '第二网格' }]);
    const staff = await h.as(STAFF).call('ticket', 'leaderHome', { communityId: C });
    expect(staff).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('the secretary’s home: escalations to her and her letters; staff may not read it', async () => {
    h.clock.advance(30 * 3_600_000);
    await h.anonymous('scheduler', 'tick', {});
    h.clock.advance(30 * 3_600_000);
    await h.anonymous('scheduler', 'tick', {});
    const home = await h.as(SECRETARY).ok('ticket', 'secretaryHome', { communityId: C });
    const all = (await everything()).filter((t) => t.communityId === C);
    expect(home.counts.escalatedToSecretary).toBe(
      all.filter((t) => t.open && t.escalationLevel === 2).length,
    );
    expect(home.counts.escalatedToSecretary).toBeGreaterThan(0);
    expect(home.escalations.length).toBe(Math.min(10, home.counts.escalatedToSecretary));
    expect(home.letters.map((l: TicketSummary) => l.category)).toEqual(['secretaryLetter']);
    const staff = await h.as(STAFF).call('ticket', 'secretaryHome', { communityId: C });
    expect(staff).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
