/**
 * Seed scenario 5 — a worker returns a misrouted ticket 退回; the grid leader reassigns it 改派; the new worker
 * resolves it; the first worker can no longer act on it.
 */
import { deadLinks, received, subscribeAll } from '../support/messages';
import { createHarness, outbox, refusal, requestId, timeline, uid, type Harness } from './ticket-world';

describe('scenario 5: returned, reassigned, resolved', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('moves the ticket to the new worker and shuts the first one out', async () => {
    const liu = h.as('dev-resident-liu');
    const first = h.as('dev-worker-jiaojiawan-01-1');
    const leader = h.as('dev-leader-jiaojiawan-01');
    const second = h.as('dev-worker-jiaojiawan-01-2');
    // 苏建平 never allowed subscribe messages; the others did.
    await subscribeAll(liu, 'ticketSubmit');
    await subscribeAll(first, 'task');
    await subscribeAll(leader, 'task');
    const filed = await liu.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'propertyService',
      description: '3号楼电梯又坏了',
      photos: [],
      place: { kind: 'household', householdId: 'h_jiaojiawan_6413_2_1_701' },
    });
    expect(filed.assignee?.name).toBe('何丽萍');

    const returned = await first.ok('ticket', 'return', {
      ticketId: filed.ticketId,
      version: filed.version,
      reason: '电梯在3号楼，不属于本微网格',
    });
    expect(returned).toMatchObject({ status: 'returned', assignee: null, allowedActions: [] });

    const [waiting] = await leader.ok('ticket', 'inbox', { tab: 'toSign' });
    expect(waiting).toMatchObject({ ticketId: filed.ticketId, status: 'returned' });
    const candidates = await leader.ok('ticket', 'assignees', { ticketId: filed.ticketId });
    expect(candidates.map((p) => p.name)).toEqual(
      expect.arrayContaining(['何丽萍', '苏建平', '毛小燕', '罗晓燕']),
    );
    const reassigned = await leader.ok('ticket', 'reassign', {
      ticketId: filed.ticketId,
      version: returned.version,
      assigneeUserId: uid('dev-worker-jiaojiawan-01-2'),
    });
    expect(reassigned).toMatchObject({ status: 'assigned', assignee: { name: '苏建平' } });

    expect(await refusal(first, 'accept', { ticketId: filed.ticketId, version: reassigned.version })).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(await first.ok('ticket', 'inbox', { tab: 'toSign' })).toEqual([]);

    const signed = await second.ok('ticket', 'accept', {
      ticketId: filed.ticketId,
      version: reassigned.version,
    });
    expect(
      await refusal(first, 'progress', {
        ticketId: filed.ticketId,
        version: signed.version,
        note: '我来看看',
        photos: [],
      }),
    ).toBe('AUTH.FORBIDDEN');
    const resolved = await second.ok('ticket', 'resolve', {
      ticketId: filed.ticketId,
      version: signed.version,
      note: '已报修电梯',
      photos: [],
    });
    expect(resolved.status).toBe('resolved');
    expect(timeline(resolved)).toEqual(['submitted', 'returned', 'reassigned', 'accepted', 'resolved']);

    const liuId = uid('dev-resident-liu');
    expect(await outbox(h)).toEqual([
      { kind: 'ticketAssigned', userIds: [liuId] },
      { kind: 'ticketAssigned', userIds: [uid('dev-worker-jiaojiawan-01-1')] },
      { kind: 'ticketReturned', userIds: [uid('dev-leader-jiaojiawan-01')] },
      { kind: 'ticketAssigned', userIds: [uid('dev-worker-jiaojiawan-01-2')] },
      { kind: 'ticketAssigned', userIds: [liuId] },
      { kind: 'ticketAccepted', userIds: [liuId] },
      { kind: 'ticketResolved', userIds: [liuId] },
    ]);

    // ⇒ marks a subscribe message; 苏建平 has no grant, so his assignment is in-app only.
    expect(await received(h, 'dev-resident-liu')).toEqual([
      'ticketAssigned: 工单已提交，等待网格员签收 ⇒ demo-tmpl-accepted',
      'ticketAssigned: 工单已分派，等待网格员签收',
      'ticketAccepted: 工单已签收',
      'ticketResolved: 工单已办结，请确认 ⇒ demo-tmpl-resolved',
    ]);
    // The first worker hears nothing after handing it back; the old message still opens the ticket, read-only.
    expect(await received(h, 'dev-worker-jiaojiawan-01-1')).toEqual([
      'ticketAssigned: 新工单待签收 ⇒ demo-tmpl-task',
    ]);
    expect(await received(h, 'dev-leader-jiaojiawan-01')).toEqual([
      'ticketReturned: 工单被退回，请重新分派 ⇒ demo-tmpl-task',
    ]);
    expect(await received(h, 'dev-worker-jiaojiawan-01-2')).toEqual(['ticketAssigned: 新工单待签收']);
    expect(h.deps.push.sentTo('dev-worker-jiaojiawan-01-2')).toEqual([]);
    expect(await received(h, 'dev-secretary-jiaojiawan')).toEqual([]);
    expect(await deadLinks(h, 'dev-resident-liu', 'resident')).toEqual([]);
    for (const handler of [
      'dev-worker-jiaojiawan-01-1',
      'dev-leader-jiaojiawan-01',
      'dev-worker-jiaojiawan-01-2',
    ])
      expect(await deadLinks(h, handler, 'handler')).toEqual([]);
  });
});
