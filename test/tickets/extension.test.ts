/**
 * Working-day deadlines on real submissions, and extension 延期: the assignee asks with a reason, the grid
 * leader grants or refuses; a grant moves the resolve deadline in working days and tells the residents.
 */
import { createHarness, type Actor, type Harness } from '../support/harness';
import { outbox, outboxMark, requestId, timeline } from '../scenarios/ticket-world';

const COMMUNITY = 'c_jiaojiawan';

describe('working-day deadlines and extension', () => {
  let h: Harness;
  let resident: Actor;
  let worker: Actor;
  let leader: Actor;
  let ticketId = '';

  beforeAll(async () => {
    // Friday 2026-09-25 16:00, 中秋节 itself: a holiday, a weekend and 国庆 lie ahead, and the 调休 Saturday 10-10.
    h = await createHarness({ now: '2026-09-25T16:00:00+08:00' });
    await h.deps.store.insert('ticketPolicies', {
      _id: COMMUNITY,
      deadlines: [
        {
          signForHours: 2,
          resolveHours: 72,
          signForLimit: { amount: 4, unit: 'workingHours' },
          resolveLimit: { amount: 5, unit: 'workingDays' },
        },
      ],
    });
    resident = h.as('dev-resident-liu');
    leader = h.as('dev-leader-jiaojiawan-01');
    const t = await resident.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'propertyService',
      description: '楼道灯不亮',
      photos: [],
      place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' },
    });
    ticketId = t.ticketId;
    const assignee = await h.deps.store.get('users', t.assignee!.userId);
    worker = h.as(assignee!.openid);
  });
  afterAll(() => h.close());

  const version = async () => (await h.deps.store.get('tickets', ticketId))!.version;

  it('counts sign-for in working hours over 中秋 and the weekend, resolve in working days over 国庆', async () => {
    const t = (await h.deps.store.get('tickets', ticketId))!;
    expect(t.signForBy).toBe('2026-09-28T14:00:00+08:00'); // 中秋 and the weekend off; Mon 08:30–12:00, 13:30–14:00
    expect(t.resolveBy).toBe('2026-10-09T17:30:00+08:00'); // 9-28, 29, 30, (10-01…07 off), 10-08, 10-09
    const seen = await resident.ok('ticket', 'get', { ticketId });
    expect(seen.expectedBy).toBe('2026-10-09T17:30:00+08:00');
  });

  it('refuses an extension past the community maximum and writes nothing', async () => {
    await worker.ok('ticket', 'accept', { ticketId, version: await version() });
    const before = await version();
    const result = await worker.call('ticket', 'askExtension', {
      ticketId,
      version: before,
      reason: '等配件',
      limit: { amount: 11, unit: 'workingDays' },
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('TICKET.EXTENSION_INVALID');
    expect(result.ok ? '' : result.error.message).toContain('最多10个工作日');
    expect(await version()).toBe(before);
  });

  it('lets the worker ask, tells the leader, and shows the request to handlers only', async () => {
    const mark = await outboxMark(h);
    const asked = await worker.ok('ticket', 'askExtension', {
      ticketId,
      version: await version(),
      reason: '灯具需厂家配件',
      limit: { amount: 2, unit: 'workingDays' },
    });
    expect(asked.extensionRequest).toMatchObject({ reason: '灯具需厂家配件', limitText: '2个工作日' });
    expect(asked.allowedActions).not.toContain('askExtension');
    const leaderUser = (await h.deps.store.find('users', { where: { openid: leader.openid } }))[0]!;
    expect(await outbox(h, mark)).toEqual([{ kind: 'ticketProgress', userIds: [leaderUser._id] }]);
    expect((await resident.ok('ticket', 'get', { ticketId })).extensionRequest).toBeNull();
    expect((await leader.ok('ticket', 'get', { ticketId })).allowedActions).toEqual(
      expect.arrayContaining(['approveExtension', 'denyExtension']),
    );
    // The worker cannot grant their own request; the resident cannot either.
    for (const who of [worker, resident]) {
      const r = await who.call('ticket', 'approveExtension', { ticketId, version: await version() });
      expect(r.ok ? 'ok' : r.error.code).toMatch(/AUTH.FORBIDDEN|TICKET.NOT_FOUND/);
    }
  });

  it('on approval moves the deadline over the 调休 Saturday and tells the residents when', async () => {
    const mark = await outboxMark(h);
    const granted = await leader.ok('ticket', 'approveExtension', { ticketId, version: await version() });
    // 2 working days after Friday 10-09: Saturday 10-10 (调休), Monday 10-12.
    expect(granted.expectedBy).toBe('2026-10-12T17:30:00+08:00');
    expect(granted.extensions).toBe(1);
    expect(granted.extensionRequest).toBeNull();
    // Queued in the outbox, or written by the change itself when it has few recipients.
    const where = { where: { title: '工单已延期' } };
    const sent = [
      ...(await h.deps.store.find('outbox', where)).map((e) => ({ from: e._id, body: e.body })),
      ...(await h.deps.store.find('notifications', where)).map((n) => ({ from: n.outboxId, body: n.body })),
    ];
    expect(new Set(sent.map((s) => s.from)).size).toBe(1);
    expect(new Set(sent.map((s) => s.body))).toEqual(new Set(['预计10月12日 17:30前办结']));
    expect((await outbox(h, mark)).map((e) => e.kind)).toEqual(['ticketProgress', 'ticketProgress']);
    const seen = await resident.ok('ticket', 'get', { ticketId });
    expect(seen.expectedBy).toBe('2026-10-12T17:30:00+08:00');
    expect(timeline(seen)).toEqual(expect.arrayContaining(['extensionAsked', 'extended']));
  });

  it('on denial keeps the deadline and tells the asker why, not the residents', async () => {
    await worker.ok('ticket', 'askExtension', {
      ticketId,
      version: await version(),
      reason: '还要再等',
      limit: { amount: 1, unit: 'workingDays' },
    });
    const mark = await outboxMark(h);
    const denied = await leader.ok('ticket', 'denyExtension', {
      ticketId,
      version: await version(),
      reason: '请先用临时灯具',
    });
    expect(denied.expectedBy).toBe('2026-10-12T17:30:00+08:00');
    expect(denied.extensions).toBe(1);
    const entries = await outbox(h, mark);
    expect(entries).toEqual([{ kind: 'ticketProgress', userIds: [denied.assignee!.userId] }]);
    const again = await leader.call('ticket', 'denyExtension', {
      ticketId,
      version: await version(),
      reason: '再次',
    });
    expect(again.ok ? 'ok' : again.error.message).toBe('该工单没有待审批的延期申请');
  });
});
