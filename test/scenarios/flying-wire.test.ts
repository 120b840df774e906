/**
 * Seed scenario 1 — 焦家湾社区, 六四一三小区 2号楼: 刘女士 reports 飞线充电 from the 7th floor; it is routed to
 * the micro-grid of building 2, urgent, with a 4-hour deadline; worker 何丽萍 signs for it, records 物业 as a
 * co-handler and the temporary arrangement, resolves with a photo; 刘女士 confirms and rates.
 */
import { deadLinks, received, subscribeAll } from '../support/messages';
import { createHarness, outbox, timeline, uid, uploadPhoto, requestId, type Harness } from './ticket-world';

describe('scenario 1: flying-wire charging in 六四一三小区 2号楼', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('goes from report to a rated, closed ticket, telling the resident at every step', async () => {
    const liu = h.as('dev-resident-liu');
    const worker = h.as('dev-worker-jiaojiawan-01-1');
    // 刘女士 taps 允许 on the subscription prompt of the report page; 何丽萍 on her task list.
    await subscribeAll(liu, 'ticketSubmit');
    await subscribeAll(worker, 'task');

    const filed = await liu.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'flyingWireCharging',
      description: '7楼有人从窗口吊电线给电动车充电，很危险',
      photos: [await uploadPhoto(h, 'wire')],
      place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_2', unit: '1单元', floor: 7 },
    });
    expect(filed).toMatchObject({
      status: 'assigned',
      urgent: true,
      microGridId: 'mg_jiaojiawan_01_1',
      assignee: { name: '何丽萍', roleLabel: '网格员' },
      placeText: '六四一三小区 2号楼 1单元 7层',
      deadlineKind: 'signFor',
      deadlineAt: '2026-06-20T11:00:00+08:00',
    });
    expect(filed.allowedActions).toEqual(['cancel']);

    const signed = await worker.ok('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version });
    // Safety hazards: resolved within 4 hours of the report.
    expect(signed).toMatchObject({
      status: 'accepted',
      deadlineKind: 'resolve',
      deadlineAt: '2026-06-20T13:00:00+08:00',
    });
    const coHandled = await worker.ok('ticket', 'coHandle', {
      ticketId: filed.ticketId,
      version: signed.version,
      party: '物业',
      request: '请唐经理通知住户拆除飞线',
    });
    const arranged = await worker.ok('ticket', 'progress', {
      ticketId: filed.ticketId,
      version: coHandled.version,
      note: '临时安排：楼下车棚集中充电点可用，已告知住户',
      photos: [],
    });
    const resolved = await worker.ok('ticket', 'resolve', {
      ticketId: filed.ticketId,
      version: arranged.version,
      note: '飞线已拆除',
      photos: [await uploadPhoto(h, 'removed')],
    });
    expect(resolved.status).toBe('resolved');

    const seen = await liu.ok('ticket', 'get', { ticketId: filed.ticketId });
    expect(seen.allowedActions).toEqual(['confirm', 'reopen']);
    expect(seen.coHandlers).toEqual([
      { name: '物业', request: '请唐经理通知住户拆除飞线', at: expect.any(String) },
    ]);
    const confirmed = await liu.ok('ticket', 'confirm', { ticketId: filed.ticketId, version: seen.version });
    const rated = await liu.ok('ticket', 'rate', {
      ticketId: filed.ticketId,
      stars: 5,
      comment: '处理很及时',
    });

    expect(confirmed.status).toBe('closed');
    expect(rated.rating).toEqual({ stars: 5, comment: '处理很及时' });
    expect(timeline(rated)).toEqual([
      'submitted',
      'accepted',
      'coHandling',
      'progress',
      'resolved',
      'confirmed',
      'rated',
    ]);
    expect(rated.events[1]!.actor).toEqual({
      userId: uid('dev-worker-jiaojiawan-01-1'),
      name: '何丽萍',
      role: 'worker',
      roleLabel: '网格员',
    });
    const liuId = uid('dev-resident-liu');
    expect(await outbox(h)).toEqual([
      { kind: 'ticketAssigned', userIds: [liuId] },
      { kind: 'ticketAssigned', userIds: [uid('dev-worker-jiaojiawan-01-1')] },
      { kind: 'ticketAccepted', userIds: [liuId] },
      { kind: 'ticketProgress', userIds: [liuId] },
      { kind: 'ticketProgress', userIds: [liuId] },
      { kind: 'ticketResolved', userIds: [liuId] },
      { kind: 'ticketClosed', userIds: [uid('dev-worker-jiaojiawan-01-1')] },
    ]);

    // What each message centre shows, oldest first; ⇒ marks the ones that also went out as subscribe messages:
    // one-time grants, one send per accept (受理 and 办结 for 刘女士, 待办 for 何丽萍); the rest is in-app only.
    expect(await received(h, 'dev-resident-liu')).toEqual([
      'ticketAssigned: 工单已提交，等待网格员签收 ⇒ demo-tmpl-accepted',
      'ticketAccepted: 工单已签收',
      'ticketProgress: 工单有新进展',
      'ticketProgress: 工单有新进展',
      'ticketResolved: 工单已办结，请确认 ⇒ demo-tmpl-resolved',
    ]);
    expect(await received(h, 'dev-worker-jiaojiawan-01-1')).toEqual([
      'ticketAssigned: 紧急工单待签收 ⇒ demo-tmpl-task',
      'ticketClosed: 居民已确认解决',
    ]);
    // Nobody above the worker hears of a ticket handled in time.
    expect(await received(h, 'dev-leader-jiaojiawan-01')).toEqual([]);
    expect(await received(h, 'dev-secretary-jiaojiawan')).toEqual([]);
    expect(await deadLinks(h, 'dev-resident-liu', 'resident')).toEqual([]);
    expect(await deadLinks(h, 'dev-worker-jiaojiawan-01-1', 'handler')).toEqual([]);
    // Every message names the ticket it is about, as its title reads on the ticket's own pages.
    const { items } = await liu.ok('message', 'list', {});
    expect(new Set(items.map((m) => m.subject))).toEqual(new Set([filed.title]));
  });
});
