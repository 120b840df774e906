/**
 * The warm instance's memories (issue 9, round trips): the grid map and what hangs on it, at one grid-map
 * version (routing/map-reads.ts), and the tickets last written or read with their timelines
 * (tickets/ticket-memory.ts). Each is used, and a change made elsewhere is seen by the next action.
 */
import Papa from 'papaparse';
import { TicketMemory } from '../../server/core/tickets/ticket-memory';
import { invoke } from '../../server/functions/define';
import { functions } from '../../server/functions';
import { createHarness, type Harness } from '../support/harness';
import { refusal, requestId, timeline, uid } from '../scenarios/ticket-world';

const LIU = 'dev-resident-liu';
const STAFF = 'dev-staff-jiaojiawan';
const WORKER = 'dev-worker-jiaojiawan-01-1';

describe('warm memories of an instance', () => {
  let h: Harness;
  let place: { kind: 'household'; householdId: string };
  beforeEach(async () => {
    h = await createHarness();
    const me = await h.as(LIU).ok('user', 'me', {});
    place = { kind: 'household', householdId: me.household!.householdId };
  });
  afterEach(() => h.close());

  const submit = () =>
    h.as(LIU).ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'streetLight',
      description: '楼下路灯不亮',
      photos: [],
      place,
    });

  it('a submit takes the map from memory, and a roster change made since is seen by the next one', async () => {
    const first = await submit();
    expect(first.assignee?.name).toBeTruthy();
    const assigned = (await h.deps.store.get('tickets', first.ticketId))!.assigneeUserId!;
    expect(assigned).toBe(uid(WORKER));
    const misses = h.deps.routingIndexes.mapReads.misses;
    await submit();
    expect(h.deps.routingIndexes.mapReads.misses).toBe(misses);

    // Staff take the worker off duty: routing must skip them from the next report on.
    const [member] = await h.deps.store.find('members', { where: { userId: assigned, duty: 'worker' } });
    await h.as(STAFF).ok('grid', 'setOnDuty', {
      communityId: member!.communityId,
      memberId: member!._id,
      onDuty: false,
    });
    const third = await submit();
    expect((await h.deps.store.get('tickets', third.ticketId))!.assigneeUserId).not.toBe(assigned);
  });

  it('a submit after a buildings ledger moved the building is routed by the new ledger', async () => {
    const first = await submit();
    const before = (await h.deps.store.get('tickets', first.ticketId))!;
    const staff = h.as(STAFF);
    const exported = await staff.ok('grid', 'export', {
      communityId: 'c_jiaojiawan',
      kind: 'buildings',
      format: 'csv',
    });
    const { data } = Papa.parse<string[]>(exported.text!.trim());
    const [header, ...rows] = data;
    const building = (await h.deps.store.get('buildings', before.buildingId!))!;
    const column = header!.indexOf('微网格');
    const estate = (await h.deps.store.get('estates', building.estateId))!;
    const at = (name: string) => header!.indexOf(name);
    const mine = rows.find((r) => r[at('小区')] === estate.name && r[at('楼栋')] === building.name)!;
    // Another micro-grid, with its grid.
    const other = rows.find((r) => r[column] !== mine[column])!;
    mine[at('网格')] = other[at('网格')]!;
    mine[column] = other[column]!;
    const moved = await staff.ok('grid', 'importLedger', {
      communityId: 'c_jiaojiawan',
      kind: 'buildings',
      format: 'csv',
      text: Papa.unparse([header!, ...rows]),
    });
    expect(moved.updated).toBeGreaterThan(0);
    const after = await submit();
    const routed = (await h.deps.store.get('tickets', after.ticketId))!;
    expect(routed.microGridId).not.toBe(before.microGridId);
    expect(routed.microGridId).toBe((await h.deps.store.get('buildings', building._id))!.microGridId);
  });

  it('a submit sees a deadline table set since, through the version it moved', async () => {
    const before = await submit();
    await h.as(STAFF).ok('grid', 'setDeadlines', {
      communityId: 'c_jiaojiawan',
      rules: [
        { signFor: { amount: 1, unit: 'calendarHours' }, resolve: { amount: 2, unit: 'calendarHours' } },
      ],
    });
    const after = await submit();
    const stored = async (id: string) => (await h.deps.store.get('tickets', id))!;
    expect((await stored(after.ticketId)).signForBy).not.toBe((await stored(before.ticketId)).signForBy);
    expect(Date.parse((await stored(after.ticketId)).signForBy!) - h.clock.now().getTime()).toBe(3_600_000);
  });

  it('a change on a ticket this instance wrote reads neither it nor its events, and answers the whole timeline', async () => {
    const filed = await submit();
    const memory = h.deps.ticketMemory!;
    const hits = memory.hits;
    const accepted = await h
      .as(WORKER)
      .ok('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version });
    expect(memory.hits).toBe(hits + 1);
    expect(timeline(accepted)).toEqual(['submitted', 'accepted']);
    const progressed = await h.as(WORKER).ok('ticket', 'progress', {
      ticketId: filed.ticketId,
      version: accepted.version,
      note: '已联系供电所',
      photos: [],
    });
    expect(timeline(progressed)).toEqual(['submitted', 'accepted', 'progress']);
    // The same timeline as a fresh read of another instance.
    const fresh = await invoke(
      functions.ticket,
      { ...h.deps, ticketMemory: new TicketMemory() },
      { openid: WORKER },
      { action: 'get', ticketId: filed.ticketId },
    );
    expect(fresh.ok && (fresh.data as typeof progressed).events).toEqual(progressed.events);
  });

  it('a ticket another instance changed since is refused at the remembered version, and read afresh at the new one', async () => {
    const filed = await submit();
    // Another instance (its own memory) signs for it.
    const other = { ...h.deps, ticketMemory: new TicketMemory() };
    const there = await invoke(
      functions.ticket,
      other,
      { openid: WORKER },
      {
        action: 'accept',
        ticketId: filed.ticketId,
        version: filed.version,
      },
    );
    expect(there.ok).toBe(true);
    // This instance still remembers version 1: a stale caller is refused, as a fresh read would refuse them.
    expect(await refusal(h.as(WORKER), 'accept', { ticketId: filed.ticketId, version: filed.version })).toBe(
      'TICKET.STALE_VERSION',
    );
    const progressed = await h.as(WORKER).ok('ticket', 'progress', {
      ticketId: filed.ticketId,
      version: filed.version + 1,
      note: '已联系供电所',
      photos: [],
    });
    expect(timeline(progressed)).toEqual(['submitted', 'accepted', 'progress']);
  });
});
