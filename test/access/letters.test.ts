/**
 * 书记信箱 letters are the secretary's alone (issue 10 item 3, DESIGN §8): no worker, leader, other staff member
 * or neighbour finds a letter in any list, `get`, `nearby` or message, and the worker's 签收 is refused.
 */
import type { TicketDetail } from '../../typings/ticket';
import { createHarness, type Harness } from '../support/harness';

const WRITER = 'dev-resident-li';
const SECRETARY = 'dev-secretary-wujiayuan';
const OTHERS = {
  worker: 'dev-worker-wujiayuan-02-1',
  leader: 'dev-leader-wujiayuan-02',
  staff: 'dev-staff-wujiayuan',
  otherSecretary: 'dev-secretary-dashaping',
  neighbour: 'dev-resident-wujiayuan-1',
  otherWorkerOfTheGrid: 'dev-worker-wujiayuan-02-2',
};

describe('a letter to the secretary', () => {
  let h: Harness;
  let letter: TicketDetail;

  beforeAll(async () => {
    h = await createHarness();
    const me = await h.as(WRITER).ok('user', 'me', {});
    letter = await h.as(WRITER).ok('ticket', 'submit', {
      clientRequestId: 'letter-0001',
      category: 'secretaryLetter',
      description: '书记您好，楼下邻居经常深夜吵闹，我的电话13912345678',
      photos: [],
      place: { kind: 'household', householdId: me.household!.householdId },
    });
  });
  afterAll(() => h.close());

  test('reaches the secretary: her letters, her inbox, her message; she reads and signs for it', async () => {
    const secretary = h.as(SECRETARY);
    const listed = await secretary.ok('ticket', 'letters', { communityId: 'c_wujiayuan' });
    expect(listed.map((t) => t.ticketId)).toContain(letter.ticketId);
    // Her list says what the letter says (she alone reads it), cut after 40 characters.
    expect(listed.find((t) => t.ticketId === letter.ticketId)?.excerpt).toBe(
      '书记您好，楼下邻居经常深夜吵闹，我的电话13912345678',
    );
    const inbox = await secretary.ok('ticket', 'inbox', { tab: 'toSign' });
    expect(inbox.map((t) => t.ticketId)).toContain(letter.ticketId);
    const read = await secretary.ok('ticket', 'get', { ticketId: letter.ticketId });
    expect(read.description).toContain('13912345678');
    const userId = (await secretary.ok('user', 'me', {})).userId;
    // A change with few recipients writes their notifications itself; more go through the outbox.
    const outbox = await h.deps.store.find('outbox');
    const written = await h.deps.store.find('notifications', { where: { userId } });
    expect(
      outbox.some((e) => e.ticketId === letter.ticketId && e.userIds.includes(userId)) ||
        written.some((n) => n.ticketId === letter.ticketId),
    ).toBe(true);
    // The letter belongs to no grid: nothing routes its workers or leader to it.
    expect(letter).toMatchObject({ gridId: null, microGridId: null });
  });

  test.each(Object.entries(OTHERS))(
    'is invisible to the %s: no list, no get, no nearby, no message',
    async (_who, openid) => {
      const actor = h.as(openid);
      const ids = (list: Array<{ ticketId: string }>) => list.map((t) => t.ticketId);
      for (const tab of ['toSign', 'inProgress', 'overdue', 'done'] as const)
        expect(ids(await actor.ok('ticket', 'inbox', { tab }))).not.toContain(letter.ticketId);
      expect(ids(await actor.ok('ticket', 'mine', { scope: 'all' }))).not.toContain(letter.ticketId);
      const letters = await actor.call('ticket', 'letters', { communityId: 'c_wujiayuan' });
      expect(letters.ok ? ids(letters.data) : letters.error.code).not.toContain(letter.ticketId);
      const queue = await actor.call('ticket', 'dutyQueue', { communityId: 'c_wujiayuan' });
      expect(queue.ok ? ids(queue.data) : []).not.toContain(letter.ticketId);
      expect((await actor.call('ticket', 'get', { ticketId: letter.ticketId })).ok).toBe(false);
      expect((await actor.call('ticket', 'assignees', { ticketId: letter.ticketId })).ok).toBe(false);
      // Asked as a near duplicate, a letter is no offer: the category is not one nearby answers for.
      const nearby = await actor.call('ticket', 'nearby', {
        category: 'secretaryLetter',
        place: { kind: 'point', point: letter.location! },
      });
      expect(nearby.ok ? ids(nearby.data) : []).not.toContain(letter.ticketId);
      const userId = (await actor.ok('user', 'me', {})).userId;
      const outbox = await h.deps.store.find('outbox');
      expect(outbox.filter((e) => e.ticketId === letter.ticketId && e.userIds.includes(userId))).toEqual([]);
      const messages = await actor.ok('message', 'list', {});
      expect(JSON.stringify(messages)).not.toContain(letter.ticketId);
    },
  );

  test.each(['worker', 'leader', 'staff'] as const)(
    'the %s cannot sign for it, follow it or move it; nothing is written',
    async (who) => {
      const actor = h.as(OTHERS[who]);
      const before = await h.deps.store.get('tickets', letter.ticketId);
      const versioned = { ticketId: letter.ticketId, version: before!.version };
      for (const [action, extra] of [
        ['accept', {}],
        ['follow', {}],
        ['reassign', { assigneeUserId: 'u_worker_wujiayuan_02_1' }],
        ['reject', { reason: '重复' }],
      ] as const) {
        const result = await actor.call('ticket', action, { ...versioned, ...extra } as never);
        expect(result.ok ? 'ok' : result.error.code).toBe('TICKET.NOT_FOUND');
      }
      expect(await h.deps.store.get('tickets', letter.ticketId)).toEqual(before);
    },
  );

  test('the writer reads her own letter; the timeline says the secretary signed', async () => {
    const secretary = h.as(SECRETARY);
    const current = await secretary.ok('ticket', 'get', { ticketId: letter.ticketId });
    await secretary.ok('ticket', 'accept', { ticketId: letter.ticketId, version: current.version });
    const seen = await h.as(WRITER).ok('ticket', 'get', { ticketId: letter.ticketId });
    const signed = seen.events.find((e) => e.type === 'accepted');
    expect(signed?.actor).toMatchObject({ role: 'secretary', roleLabel: '书记' });
  });
});
