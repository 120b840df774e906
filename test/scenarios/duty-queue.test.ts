/**
 * Seed scenario 4 — 大砂坪社区: a point outside every grid lands in the community duty queue 值班台; staff route
 * it by hand to a micro-grid, whose worker resolves it.
 */
import { deadLinks, received, subscribeAll } from '../support/messages';
import { createHarness, outbox, requestId, timeline, uid, type Harness } from './ticket-world';

describe('scenario 4: a report from outside every grid', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('waits in the duty queue until staff route it, then the worker resolves it', async () => {
    const jin = h.as('dev-resident-jin');
    const staff = h.as('dev-staff-dashaping');
    // 金女士 never allows subscribe messages: she hears everything in the message centre only.
    await subscribeAll(h.as('dev-worker-dashaping-02-1'), 'task');
    const filed = await jin.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'streetLight',
      description: '河边步道的路灯坏了好几盏',
      photos: [],
      place: { kind: 'point', point: { lat: 36.1, lng: 103.9 }, addressText: '河边步道' },
    });
    expect(filed).toMatchObject({
      status: 'submitted',
      communityId: 'c_dashaping',
      microGridId: null,
      assignee: null,
      routingReason: '无法定位，转社区值班台',
    });
    // Nobody to give it to: the duty desk (staff and secretary) hears of it at once.
    expect(await outbox(h)).toEqual([
      { kind: 'ticketAssigned', userIds: ['u_secretary_dashaping', 'u_staff_dashaping'] },
    ]);

    const queue = await staff.ok('ticket', 'dutyQueue', { communityId: 'c_dashaping' });
    expect(queue.map((t) => t.ticketId)).toEqual([filed.ticketId]);

    const routed = await staff.ok('ticket', 'routeManually', {
      ticketId: filed.ticketId,
      version: filed.version,
      microGridId: 'mg_dashaping_02_1',
    });
    expect(routed).toMatchObject({
      status: 'assigned',
      gridId: 'g_dashaping_02',
      assignee: { name: '黎娜', roleLabel: '网格员' },
      routingReason: '陶静 手动分派至 第二网格-1号微网格',
    });
    expect(await staff.ok('ticket', 'dutyQueue', { communityId: 'c_dashaping' })).toEqual([]);

    const worker = h.as('dev-worker-dashaping-02-1');
    const [card] = await worker.ok('ticket', 'inbox', { tab: 'toSign' });
    expect(card).toMatchObject({ ticketId: filed.ticketId, deadlineKind: 'signFor' });
    const signed = await worker.ok('ticket', 'accept', { ticketId: filed.ticketId, version: routed.version });
    await worker.ok('ticket', 'resolve', {
      ticketId: filed.ticketId,
      version: signed.version,
      note: '已联系路灯所更换',
      photos: [],
    });

    const seen = await jin.ok('ticket', 'get', { ticketId: filed.ticketId });
    expect(timeline(seen)).toEqual(['submitted', 'routed', 'accepted', 'resolved']);
    const jinId = uid('dev-resident-jin');
    expect(await outbox(h)).toEqual([
      { kind: 'ticketAssigned', userIds: ['u_secretary_dashaping', 'u_staff_dashaping'] },
      { kind: 'ticketAssigned', userIds: [uid('dev-worker-dashaping-02-1')] },
      { kind: 'ticketAssigned', userIds: [jinId] },
      { kind: 'ticketAccepted', userIds: [jinId] },
      { kind: 'ticketResolved', userIds: [jinId] },
    ]);

    // Nothing while it waited in the queue; from the routing on, in-app only for 金女士 (no grant).
    expect(await received(h, 'dev-resident-jin')).toEqual([
      'ticketAssigned: 工单已分派，等待网格员签收',
      'ticketAccepted: 工单已签收',
      'ticketResolved: 工单已办结，请确认',
    ]);
    expect(h.deps.push.sentTo('dev-resident-jin')).toEqual([]);
    expect(await received(h, 'dev-worker-dashaping-02-1')).toEqual([
      'ticketAssigned: 新工单待签收 ⇒ demo-tmpl-task',
    ]);
    // The duty desk heard of the ticket when it arrived, and the message opens the queue page; the leader of
    // the grid it was routed into is not involved.
    expect(await received(h, 'dev-staff-dashaping')).toEqual(['ticketAssigned: 值班台有新工单待分派']);
    expect(await received(h, 'dev-secretary-dashaping')).toEqual(['ticketAssigned: 值班台有新工单待分派']);
    const [deskMessage] = (await staff.ok('message', 'list', {})).items;
    expect(deskMessage?.page).toBe(`/packages/staff/pages/duty-queue/index?ticketId=${filed.ticketId}`);
    expect(await received(h, 'dev-leader-dashaping-02')).toEqual([]);
    expect(await deadLinks(h, 'dev-resident-jin', 'resident')).toEqual([]);
    expect(await deadLinks(h, 'dev-worker-dashaping-02-1', 'handler')).toEqual([]);
  });
});
