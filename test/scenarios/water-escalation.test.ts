/**
 * Seed scenario 3 — 张家园社区, 中路口27号小区: no water above the 3rd floor; the worker does not sign for it in
 * time, so the scheduled sweep (moved clock) escalates it to the grid leader; then it is signed, co-handled
 * with 供水公司 and resolved; the resident sees the escalation in the timeline.
 */
import { deadLinks, received, subscribeAll } from '../support/messages';
import { createHarness, outbox, requestId, timeline, uid, type Harness } from './ticket-world';

describe('scenario 3: no water in 中路口27号小区', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('escalates a ticket nobody signed for in time, and the resident sees it', async () => {
    const chen = h.as('dev-resident-chen');
    const worker = h.as('dev-worker-zhangjiayuan-01-1');
    await subscribeAll(chen, 'ticketSubmit');
    await subscribeAll(worker, 'task');
    await subscribeAll(h.as('dev-leader-zhangjiayuan-01'), 'task');
    const filed = await chen.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'waterSupply',
      description: '3楼以上没有水，已经一上午了',
      photos: [],
      place: { kind: 'household', householdId: 'h_zhangjiayuan_zhonglukou27_1_1_502' },
    });
    expect(filed).toMatchObject({ assignee: { name: '魏菁华' }, deadlineAt: '2026-06-20T11:00:00+08:00' });

    h.clock.set('2026-06-20T10:59:00+08:00');
    const early = await h.anonymous('scheduler', 'tick', {});
    expect(early.ok && early.data.results.ticketDeadlines).toEqual({
      escalatedToLeader: 0,
      escalatedToSecretary: 0,
      autoClosed: 0,
    });

    h.clock.set('2026-06-20T11:01:00+08:00');
    const tick = await h.anonymous('scheduler', 'tick', {});
    expect(tick.ok && tick.data.results.ticketDeadlines).toEqual({
      escalatedToLeader: 1,
      escalatedToSecretary: 0,
      autoClosed: 0,
    });
    const again = await h.anonymous('scheduler', 'tick', {});
    expect(again.ok && again.data.results.ticketDeadlines).toMatchObject({
      escalatedToLeader: 0,
      escalatedToSecretary: 0,
    });

    const leaderView = await h.as('dev-leader-zhangjiayuan-01').ok('ticket', 'inbox', { tab: 'overdue' });
    expect(leaderView).toEqual([
      expect.objectContaining({ ticketId: filed.ticketId, escalationLevel: 1, overdue: true }),
    ]);

    h.clock.set('2026-06-20T11:30:00+08:00');
    const late = await worker.ok('ticket', 'get', { ticketId: filed.ticketId });
    const signed = await worker.ok('ticket', 'accept', { ticketId: filed.ticketId, version: late.version });
    const coHandled = await worker.ok('ticket', 'coHandle', {
      ticketId: filed.ticketId,
      version: signed.version,
      party: '供水公司',
      request: '检修二次供水加压泵',
    });
    await worker.ok('ticket', 'resolve', {
      ticketId: filed.ticketId,
      version: coHandled.version,
      note: '加压泵已修复，供水恢复',
      photos: [],
    });

    const seen = await chen.ok('ticket', 'get', { ticketId: filed.ticketId });
    expect(seen).toMatchObject({ status: 'resolved', escalationLevel: 1 });
    expect(timeline(seen)).toEqual(['submitted', 'escalated', 'accepted', 'coHandling', 'resolved']);
    expect(seen.events[1]).toMatchObject({ actor: null, note: '超过签收时限，已督办至网格长 万春梅' });

    const chenId = uid('dev-resident-chen');
    const workerId = uid('dev-worker-zhangjiayuan-01-1');
    expect(await outbox(h)).toEqual([
      { kind: 'ticketAssigned', userIds: [chenId] },
      { kind: 'ticketAssigned', userIds: [workerId] },
      // The notifications' own sweep reminded the worker at 10:59, before the deadline.
      { kind: 'ticketDeadlineSoon', userIds: [workerId] },
      { kind: 'ticketEscalated', userIds: [chenId] },
      { kind: 'ticketEscalated', userIds: [uid('dev-leader-zhangjiayuan-01'), workerId] },
      { kind: 'ticketAccepted', userIds: [chenId] },
      { kind: 'ticketProgress', userIds: [chenId] },
      { kind: 'ticketResolved', userIds: [chenId] },
    ]);

    // ⇒ marks a subscribe message. The worker's one 待办 grant carried the assignment, so the reminder took the
    // 督办 grant, and the escalation itself stayed in-app; the leader's went out as 督办.
    expect(await received(h, 'dev-resident-chen')).toEqual([
      'ticketAssigned: 工单已提交，等待网格员签收 ⇒ demo-tmpl-accepted',
      'ticketEscalated: 工单已督办 ⇒ demo-tmpl-escalation',
      'ticketAccepted: 工单已签收',
      'ticketProgress: 工单有新进展',
      'ticketResolved: 工单已办结，请确认 ⇒ demo-tmpl-resolved',
    ]);
    expect(await received(h, 'dev-worker-zhangjiayuan-01-1')).toEqual([
      'ticketAssigned: 新工单待签收 ⇒ demo-tmpl-task',
      'ticketDeadlineSoon: 工单即将超时：请在 11:00 前签收 ⇒ demo-tmpl-escalation',
      'ticketEscalated: 督办：工单超过签收时限',
    ]);
    expect(await received(h, 'dev-leader-zhangjiayuan-01')).toEqual([
      'ticketEscalated: 督办：工单超过签收时限 ⇒ demo-tmpl-escalation',
    ]);
    // Escalated once, to the leader only: the secretary's turn never came.
    expect(await received(h, 'dev-secretary-zhangjiayuan')).toEqual([]);
    expect(await deadLinks(h, 'dev-resident-chen', 'resident')).toEqual([]);
    for (const handler of ['dev-worker-zhangjiayuan-01-1', 'dev-leader-zhangjiayuan-01'])
      expect(await deadLinks(h, handler, 'handler')).toEqual([]);
  });
});
