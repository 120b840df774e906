/**
 * Following needs a reason (issue 10 item 5): only a ticket the nearby offer would show — near the follower's
 * household, or near the place they are reporting from — and followers read its free text with phone and room
 * numbers masked.
 */
import type { TicketDetail } from '../../typings/ticket';
import type { User } from '../../server/core/users/model';
import { withRoles } from '../../server/core/users/role-keys';
import { createHarness, type Harness } from '../support/harness';

const REPORTER = 'dev-resident-li';
/** A resident of 吴家园 whose home is in another grid, far from 李叔叔's building. */
const FAR_NEIGHBOUR = 'dev-resident-wujiayuan-2';

describe('following a neighbour’s ticket', () => {
  let h: Harness;
  let ticket: TicketDetail;
  let sameBuilding: string;

  beforeAll(async () => {
    h = await createHarness();
    const li = (await h.deps.store.find('users', { where: { openid: REPORTER } }))[0]!;
    const home = (await h.deps.store.get('households', li.householdId!))!;
    ticket = await h.as(REPORTER).ok('ticket', 'submit', {
      clientRequestId: 'follow-0001',
      category: 'sewerBlocked',
      description: '3单元702门口下水井堵了，联系我13912345678，座机0931-8123456',
      photos: [],
      place: { kind: 'building', buildingId: home.buildingId, unit: '3单元' },
    });
    // A family in 李叔叔's building: their home is their reason.
    const neighbourHome = (
      await h.deps.store.find('households', { where: { buildingId: home.buildingId } })
    ).find((x) => x._id !== home._id)!;
    sameBuilding = 'test-same-building';
    const at = h.clock.now().toISOString();
    const user: User = {
      _id: 'u_test_same_building',
      openid: sameBuilding,
      name: '楼上邻居',
      phone: null,
      ...withRoles([{ role: 'resident', communityId: 'c_wujiayuan' }]),
      householdId: neighbourHome._id,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await h.deps.store.insert('users', user);
  });
  afterAll(() => h.close());

  test('is refused without a reason, and nothing is written', async () => {
    const before = await h.deps.store.get('tickets', ticket.ticketId);
    const refused = await h.as(FAR_NEIGHBOUR).call('ticket', 'follow', { ticketId: ticket.ticketId });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('TICKET.NOT_FOUND');
    // A place far from the ticket is no reason either.
    const far = await h.as(FAR_NEIGHBOUR).call('ticket', 'follow', {
      ticketId: ticket.ticketId,
      from: { kind: 'point', point: { lat: ticket.location!.lat + 0.01, lng: ticket.location!.lng } },
    });
    expect(far.ok ? 'ok' : far.error.code).toBe('TICKET.NOT_FOUND');
    expect(await h.deps.store.get('tickets', ticket.ticketId)).toEqual(before);
  });

  test('is allowed through the nearby offer: reporting from where the ticket is', async () => {
    const from = { kind: 'point' as const, point: ticket.location! };
    const offered = await h
      .as(FAR_NEIGHBOUR)
      .ok('ticket', 'nearby', { category: 'sewerBlocked', place: from });
    expect(offered.map((t) => t.ticketId)).toContain(ticket.ticketId);
    const followed = await h.as(FAR_NEIGHBOUR).ok('ticket', 'follow', { ticketId: ticket.ticketId, from });
    expect(followed.following).toBe(true);
  });

  test('is allowed from home: a family of the same building', async () => {
    const followed = await h.as(sameBuilding).ok('ticket', 'follow', { ticketId: ticket.ticketId });
    expect(followed.following).toBe(true);
  });

  test('a follower reads the free text with phone and room numbers masked; the reporter and the worker whole', async () => {
    const seen = await h.as(FAR_NEIGHBOUR).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(seen.description).toBe('3单元***门口下水井堵了，联系我139****5678，座机0931-*******');
    expect(JSON.stringify(seen)).not.toMatch(/13912345678|8123456|702/);
    const mine = await h.as(FAR_NEIGHBOUR).ok('ticket', 'mine', { scope: 'all' });
    expect(JSON.stringify(mine)).not.toMatch(/13912345678|702/);
    const own = await h.as(REPORTER).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(own.description).toContain('13912345678');
    const worker = await h.as('dev-worker-wujiayuan-02-1').ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(worker.description).toContain('3单元702');
  });
});
