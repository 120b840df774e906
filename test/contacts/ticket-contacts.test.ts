/**
 * Who may call whom (issue 13 item 4): the assignee sees the reporter's room and phone and staff do too;
 * the grid leader who is not assigned, the followers and other residents never; the reporter sees whom to
 * call; a resident asks for their own micro-grid's worker only.
 */
import type { TicketDetail } from '../../typings/ticket';
import type { User } from '../../server/core/users/model';
import { withRoles } from '../../server/core/users/role-keys';
import { createHarness, type Harness } from '../support/harness';

const LIU = 'dev-resident-liu';
const WORKER = 'dev-worker-jiaojiawan-01-1';
const LEADER = 'dev-leader-jiaojiawan-01';
const STAFF = 'dev-staff-jiaojiawan';
const NEIGHBOUR = 'test-neighbour-6413';
const LIU_PHONE = '13609311234';

async function userOf(h: Harness, openid: string): Promise<User> {
  return (await h.deps.store.find('users', { where: { openid } }))[0]!;
}

describe('contacts on a ticket', () => {
  let h: Harness;
  let ticket: TicketDetail;
  let workerPhone: string;

  beforeAll(async () => {
    h = await createHarness();
    const liu = await userOf(h, LIU);
    await h.deps.store.update('users', liu._id, { phone: LIU_PHONE });
    workerPhone = (await userOf(h, WORKER)).phone!;
    ticket = await h.as(LIU).ok('ticket', 'submit', {
      clientRequestId: 'contacts-0001',
      category: 'flyingWireCharging',
      description: '7楼有人从窗口吊电线给电动车充电',
      photos: [],
      place: { kind: 'household', householdId: liu.householdId! },
    });
    // A family of the same building follows it: their home is their reason.
    const home = (await h.deps.store.get('households', liu.householdId!))!;
    const other = (await h.deps.store.find('households', { where: { buildingId: home.buildingId } })).find(
      (x) => x._id !== home._id,
    )!;
    const at = h.clock.now().toISOString();
    await h.deps.store.insert('users', {
      _id: 'u_test_neighbour_6413',
      openid: NEIGHBOUR,
      name: '楼上邻居',
      phone: '13700000000',
      ...withRoles([{ role: 'resident', communityId: ticket.communityId! }]),
      householdId: other._id,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    await h.as(NEIGHBOUR).ok('ticket', 'follow', { ticketId: ticket.ticketId });
  });
  afterAll(() => h.close());

  test('the assigned worker sees the reporter’s room and phone, not only the building and unit', async () => {
    const seen = await h.as(WORKER).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(seen.placeText).toBe('六四一三小区 2号楼 1单元');
    expect(seen.reporterContact).toEqual({
      name: '刘女士',
      address: '六四一三小区 2号楼 1单元 701',
      phone: LIU_PHONE,
    });
    // The worker calls the reporter; the reporter's number to call is for the reporter.
    expect(seen.handlerContact).toBeNull();
  });

  test('the contact is written on the ticket at submission, so a change’s reply reads no user or household', async () => {
    const stored = (await h.deps.store.get('tickets', ticket.ticketId))!;
    expect(stored.reporterContact).toEqual({
      name: '刘女士',
      address: '六四一三小区 2号楼 1单元 701',
      phone: LIU_PHONE,
    });
    // A ticket written before the snapshot existed still shows the contact, read afresh.
    const older = { ...stored, _id: `${stored._id}-older`, reporterContact: undefined };
    delete older.reporterContact;
    await h.deps.store.insert('tickets', older);
    const seen = await h.as(WORKER).ok('ticket', 'get', { ticketId: older._id });
    expect(seen.reporterContact).toEqual(stored.reporterContact);
  });

  test('staff of the community see it too; the grid leader who is not assigned does not', async () => {
    const staff = await h.as(STAFF).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(staff.reporterContact).toMatchObject({
      address: '六四一三小区 2号楼 1单元 701',
      phone: LIU_PHONE,
    });
    const leader = await h.as(LEADER).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(leader.reporterContact).toBeNull();
    expect(JSON.stringify(leader)).not.toContain(LIU_PHONE);
  });

  test('a follower never sees the room or a phone, neither the reporter’s nor the worker’s', async () => {
    const seen = await h.as(NEIGHBOUR).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(seen.following).toBe(true);
    expect(seen.reporterContact).toBeNull();
    expect(seen.handlerContact).toBeNull();
    const text = JSON.stringify(seen);
    expect(text).not.toContain('701');
    expect(text).not.toContain(LIU_PHONE);
    expect(text).not.toContain(workerPhone);
  });

  test('the reporter sees whom to call: the assignee, with a phone', async () => {
    const own = await h.as(LIU).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(own.handlerContact).toEqual({ name: '何丽萍', roleLabel: '网格员', phone: workerPhone });
    expect(own.reporterContact).toBeNull();
  });

  test('a worker after returning the ticket no longer sees the reporter’s phone', async () => {
    const current = await h.as(WORKER).ok('ticket', 'get', { ticketId: ticket.ticketId });
    await h.as(WORKER).ok('ticket', 'return', {
      ticketId: ticket.ticketId,
      version: current.version,
      reason: '不属于本网格',
    });
    const after = await h.as(WORKER).ok('ticket', 'get', { ticketId: ticket.ticketId });
    expect(after.reporterContact).toBeNull();
    expect(JSON.stringify(after)).not.toContain(LIU_PHONE);
  });
});

describe('联系网格员: a resident’s own micro-grid worker', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  test('a bound resident gets their micro-grid’s worker with the phone', async () => {
    const worker = await userOf(h, WORKER);
    expect(await h.as(LIU).ok('user', 'myGridWorker', {})).toEqual({
      name: '何丽萍',
      roleLabel: '网格员',
      phone: worker.phone,
    });
  });

  test('someone bound to no household gets none (and names no micro-grid to ask for another)', async () => {
    await h.as('test-stranger').ok('user', 'login', { name: '路人' });
    expect(await h.as('test-stranger').ok('user', 'myGridWorker', {})).toBeNull();
    // A micro-grid slipped into the request changes nothing: the answer is still the caller's own worker.
    const extra = await h
      .as(LIU)
      .ok('user', 'myGridWorker', { microGridId: 'mg_wujiayuan_02_1' } as unknown as Record<string, never>);
    expect(extra?.name).toBe('何丽萍');
  });
});
