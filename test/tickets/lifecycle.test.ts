/** The lifecycle's side paths at the handler level: escalation, auto-close, merge, reject, reopen, nearby, letters. */
import { openTicketCounts } from '../../server/core/tickets/open-counts';
import {
  createHarness,
  outbox,
  outboxMark,
  refusal,
  requestId,
  timeline,
  uid,
  uploadPhoto,
  type Harness,
  type SubmitReq,
} from '../scenarios/ticket-world';

const report = (overrides: Partial<SubmitReq> = {}): SubmitReq => ({
  clientRequestId: requestId(),
  category: 'sewerBlocked',
  description: '下水井冒水',
  photos: [],
  place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_1' },
  ...overrides,
});

const tick = async (h: Harness) => {
  const result = await h.anonymous('scheduler', 'tick', {});
  if (!result.ok) throw new Error(result.error.code);
  return result.data.results.ticketDeadlines;
};

describe('ticket lifecycle side paths', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('escalates a ticket nobody acts on to the leader, then once to the secretary, then never again', async () => {
    const filed = await h.as('dev-resident-wang').ok('ticket', 'submit', report());
    h.clock.set('2026-06-20T11:00:00+08:00');
    expect(await tick(h)).toMatchObject({ escalatedToLeader: 1, escalatedToSecretary: 0 });
    h.clock.set('2026-06-20T12:59:00+08:00');
    expect(await tick(h)).toMatchObject({ escalatedToLeader: 0, escalatedToSecretary: 0 });
    const mark = await outboxMark(h);
    h.clock.set('2026-06-20T13:00:00+08:00');
    expect(await tick(h)).toMatchObject({ escalatedToLeader: 0, escalatedToSecretary: 1 });
    h.clock.set('2026-06-25T13:00:00+08:00');
    expect(await tick(h)).toMatchObject({ escalatedToLeader: 0, escalatedToSecretary: 0 });

    const secretary = await h.as('dev-secretary-wulipucun').ok('ticket', 'get', { ticketId: filed.ticketId });
    expect(secretary.escalationLevel).toBe(2);
    expect(secretary.events.filter((e) => e.type === 'escalated').map((e) => e.note)).toEqual([
      '超过签收时限，已督办至网格长 许文斌',
      '超过签收时限，已督办至社区书记 孙晨',
    ]);
    expect(await outbox(h, mark)).toEqual([
      { kind: 'ticketEscalated', userIds: [uid('dev-resident-wang')] },
      { kind: 'ticketEscalated', userIds: [uid('dev-secretary-wulipucun')] },
    ]);
  });

  it('escalates a missed resolve deadline the same way once the ticket is in hand', async () => {
    const filed = await h.as('dev-resident-wang').ok('ticket', 'submit', report({ category: 'fireLane' }));
    await h.as('dev-worker-wulipucun-01-1').ok('ticket', 'accept', { ticketId: filed.ticketId, version: 1 });
    h.clock.set('2026-06-20T13:01:00+08:00');
    expect(await tick(h)).toMatchObject({ escalatedToLeader: 1 });
    const seen = await h.as('dev-resident-wang').ok('ticket', 'get', { ticketId: filed.ticketId });
    expect(seen.events.at(-1)?.note).toBe('超过办结时限，已督办至网格长 许文斌');
  });

  it('closes a resolved ticket the resident leaves unanswered for 7 days, not a minute sooner', async () => {
    const filed = await h.as('dev-resident-wang').ok('ticket', 'submit', report());
    const worker = h.as('dev-worker-wulipucun-01-1');
    const signed = await worker.ok('ticket', 'accept', { ticketId: filed.ticketId, version: 1 });
    const resolved = await worker.ok('ticket', 'resolve', {
      ticketId: filed.ticketId,
      version: signed.version,
      note: '已疏通',
      photos: [],
    });
    expect(resolved.autoCloseAt).toBe('2026-06-27T09:00:00+08:00');
    h.clock.set('2026-06-27T08:59:00+08:00');
    expect(await tick(h)).toMatchObject({ autoClosed: 0 });
    h.clock.set('2026-06-27T09:00:00+08:00');
    expect(await tick(h)).toMatchObject({ autoClosed: 1 });
    expect(await tick(h)).toMatchObject({ autoClosed: 0 });
    const seen = await h.as('dev-resident-wang').ok('ticket', 'get', { ticketId: filed.ticketId });
    expect(seen).toMatchObject({ status: 'closed', allowedActions: ['rate'] });
    expect(timeline(seen).at(-1)).toBe('autoClosed');
  });

  it("reopens a resolved ticket with a fresh resolve deadline, back on the worker's desk", async () => {
    const wang = h.as('dev-resident-wang');
    const worker = h.as('dev-worker-wulipucun-01-1');
    const filed = await wang.ok('ticket', 'submit', report());
    const signed = await worker.ok('ticket', 'accept', { ticketId: filed.ticketId, version: 1 });
    const resolved = await worker.ok('ticket', 'resolve', {
      ticketId: filed.ticketId,
      version: signed.version,
      note: '已疏通',
      photos: [],
    });
    h.clock.set('2026-06-22T10:00:00+08:00');
    const reopened = await wang.ok('ticket', 'reopen', {
      ticketId: filed.ticketId,
      version: resolved.version,
      reason: '又堵了',
    });
    expect(reopened).toMatchObject({
      status: 'processing',
      deadlineAt: '2026-06-25T10:00:00+08:00',
      autoCloseAt: null,
    });
    expect((await outbox(h)).at(-1)).toEqual({
      kind: 'ticketAssigned',
      userIds: [uid('dev-worker-wulipucun-01-1')],
    });
  });

  it('refuses to resolve a safety hazard without a note and a photo', async () => {
    const filed = await h.as('dev-resident-wang').ok('ticket', 'submit', report({ category: 'gasLeak' }));
    const worker = h.as('dev-worker-wulipucun-01-1');
    const signed = await worker.ok('ticket', 'accept', { ticketId: filed.ticketId, version: 1 });
    const req = { ticketId: filed.ticketId, version: signed.version };
    expect(await refusal(worker, 'resolve', { ...req, note: '已处理', photos: [] })).toBe(
      'TICKET.EVIDENCE_REQUIRED',
    );
    expect(await refusal(worker, 'resolve', { ...req, note: '', photos: [await uploadPhoto(h)] })).toBe(
      'TICKET.EVIDENCE_REQUIRED',
    );
    expect(
      (await worker.ok('ticket', 'resolve', { ...req, note: '已关阀', photos: [await uploadPhoto(h)] }))
        .status,
    ).toBe('resolved');
  });

  it('tells the grid leader at once about a gas report', async () => {
    await h.as('dev-resident-wang').ok('ticket', 'submit', report({ category: 'gasLeak' }));
    expect((await outbox(h))[1]).toEqual({
      kind: 'ticketAssigned',
      userIds: [uid('dev-leader-wulipucun-01'), uid('dev-worker-wulipucun-01-1')],
    });
  });

  it('lets the reporter cancel before acceptance and rate a closed ticket only once', async () => {
    const wang = h.as('dev-resident-wang');
    const filed = await wang.ok('ticket', 'submit', report());
    const cancelled = await wang.ok('ticket', 'cancel', { ticketId: filed.ticketId, version: 1 });
    expect(cancelled.status).toBe('cancelled');
    expect((await outbox(h)).at(-1)).toEqual({
      kind: 'ticketClosed',
      userIds: [uid('dev-worker-wulipucun-01-1')],
    });

    const other = await wang.ok('ticket', 'submit', report());
    const worker = h.as('dev-worker-wulipucun-01-1');
    const signed = await worker.ok('ticket', 'accept', { ticketId: other.ticketId, version: 1 });
    expect(await refusal(wang, 'cancel', { ticketId: other.ticketId, version: signed.version })).toBe(
      'TICKET.INVALID_STATE',
    );
    const resolved = await worker.ok('ticket', 'resolve', {
      ticketId: other.ticketId,
      version: signed.version,
      note: '好了',
      photos: [],
    });
    await wang.ok('ticket', 'confirm', { ticketId: other.ticketId, version: resolved.version });
    await wang.ok('ticket', 'rate', { ticketId: other.ticketId, stars: 4, comment: '' });
    const again = await wang.call('ticket', 'rate', { ticketId: other.ticketId, stars: 1, comment: '' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'TICKET.INVALID_STATE', message: '您已评价过该工单' },
    });
  });

  it('merges a duplicate: its residents follow the original and hear that it was merged', async () => {
    const original = await h.as('dev-resident-wang').ok('ticket', 'submit', report());
    const duplicate = await h
      .as('dev-resident-he')
      .ok(
        'ticket',
        'submit',
        report({ place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_4' } }),
      );
    await h.as('dev-resident-zhao').ok('ticket', 'follow', {
      ticketId: duplicate.ticketId,
      from: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_4' },
    });
    const mark = await outboxMark(h);
    const staff = h.as('dev-staff-wulipucun');
    const merged = await staff.ok('ticket', 'merge', {
      ticketId: duplicate.ticketId,
      version: 2,
      intoTicketId: original.ticketId,
    });
    expect(merged).toMatchObject({ status: 'rejected', mergedIntoTicketId: original.ticketId });
    expect(timeline(merged).at(-1)).toBe('merged');

    const target = await h.as('dev-resident-he').ok('ticket', 'get', { ticketId: original.ticketId });
    expect(target).toMatchObject({ following: true, followers: 2, version: 2 });
    expect(timeline(target)).toEqual(['submitted', 'merged']);
    // People read the other ticket by what and where (the page links to it), never by its id.
    const notes = [merged.events.at(-1)?.note ?? '', target.events.at(-1)?.note ?? ''];
    expect(notes).toEqual([
      `与「下水井堵塞 · ${target.placeText}」为同一问题，已合并，请在该工单查看进展`,
      `合并了同一问题的另一张工单「下水井堵塞 · ${duplicate.placeText}」，2 位居民改为关注本工单`,
    ]);
    expect(notes.filter((n) => n.includes(original.ticketId) || n.includes(duplicate.ticketId))).toEqual([]);
    expect(await outbox(h, mark)).toEqual([
      { kind: 'ticketRejected', userIds: [uid('dev-resident-he'), uid('dev-resident-zhao')] },
    ]);
    expect(
      await refusal(staff, 'merge', {
        ticketId: original.ticketId,
        version: 2,
        intoTicketId: original.ticketId,
      }),
    ).toBe('TICKET.MERGE_INVALID');
  });

  it('rejects spam with a reason the reporter hears', async () => {
    const filed = await h.as('dev-resident-wang').ok('ticket', 'submit', report());
    const rejected = await h
      .as('dev-staff-wulipucun')
      .ok('ticket', 'reject', { ticketId: filed.ticketId, version: 1, reason: '与社区事务无关' });
    expect(rejected).toMatchObject({ status: 'rejected', assignee: { name: '钱红霞' } });
    expect((await outbox(h)).at(-1)).toEqual({ kind: 'ticketRejected', userIds: [uid('dev-resident-wang')] });
    expect(await h.as('dev-worker-wulipucun-01-1').ok('ticket', 'inbox', { tab: 'toSign' })).toEqual([]);
  });

  it('offers only open tickets of the same category within 100 m in the same community', async () => {
    const wang = h.as('dev-resident-wang');
    const near = await wang.ok('ticket', 'submit', report());
    await wang.ok('ticket', 'submit', report({ category: 'streetLight' }));
    await wang.ok(
      'ticket',
      'submit',
      report({ place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_8' } }),
    );
    const cancelled = await wang.ok('ticket', 'submit', report());
    await wang.ok('ticket', 'cancel', { ticketId: cancelled.ticketId, version: 1 });

    const offered = await h.as('dev-resident-zhao').ok('ticket', 'nearby', {
      category: 'sewerBlocked',
      place: { kind: 'point', point: { lat: 36.051754 + 0.0005, lng: 103.852935 } },
    });
    expect(offered.map((t) => t.ticketId)).toEqual([near.ticketId]);
    expect(JSON.stringify(offered)).not.toContain('下水井冒水');
    // Its reporter, at the same spot, is not invited to follow their own report.
    const offeredToWang = await wang.ok('ticket', 'nearby', {
      category: 'sewerBlocked',
      place: { kind: 'point', point: { lat: 36.051754 + 0.0005, lng: 103.852935 } },
    });
    expect(offeredToWang).toEqual([]);
    // A resident of another community standing there is offered nothing (they may file), and cannot follow.
    const jin = h.as('dev-resident-jin');
    expect(
      await jin.ok('ticket', 'nearby', {
        category: 'sewerBlocked',
        place: { kind: 'point', point: { lat: 36.051754, lng: 103.852935 } },
      }),
    ).toEqual([]);
    expect(await refusal(jin, 'follow', { ticketId: near.ticketId })).toBe('TICKET.NOT_FOUND');
  });

  it('cuts a long description in the worker’s message with an ellipsis, not mid-thought without a sign', async () => {
    const long =
      '小区东门旁边的下水井盖被掀开，污水一直往外冒，旁边堆着纸箱杂物，消防车也进不来，晚上路过的老人差点掉进去';
    await h.as('dev-resident-wang').ok('ticket', 'submit', report({ description: long }));
    const [toWorker] = await h.deps.store.find('notifications', { where: { title: '新工单待签收' } });
    expect(toWorker?.body.endsWith('…')).toBe(true);
    expect(toWorker?.body).toContain('小区东门旁边的下水井盖被掀开');
    expect([...(toWorker?.body.split('：')[1] ?? '')].length).toBe(40);
  });

  it("sends 书记信箱 letters to the secretary's letters list and desk", async () => {
    const letter = await h
      .as('dev-resident-wang')
      .ok('ticket', 'submit', report({ category: 'secretaryLetter', description: '建议小区增设休息座椅' }));
    expect(letter).toMatchObject({ status: 'assigned', assignee: { name: '孙晨', roleLabel: '书记' } });
    const secretary = h.as('dev-secretary-wulipucun');
    expect(
      (await secretary.ok('ticket', 'letters', { communityId: 'c_wulipucun' })).map((t) => t.ticketId),
    ).toEqual([letter.ticketId]);
    expect((await secretary.ok('ticket', 'inbox', { tab: 'toSign' })).map((t) => t.ticketId)).toEqual([
      letter.ticketId,
    ]);
    expect(await refusal(h.as('dev-worker-wulipucun-01-1'), 'letters', { communityId: 'c_wulipucun' })).toBe(
      'AUTH.FORBIDDEN',
    );
  });

  it('counts open tickets per assignee for routing', async () => {
    const wang = h.as('dev-resident-wang');
    await wang.ok('ticket', 'submit', report());
    const done = await wang.ok('ticket', 'submit', report());
    await wang.ok('ticket', 'cancel', { ticketId: done.ticketId, version: 1 });
    const counts = await openTicketCounts(h.deps.store)([
      uid('dev-worker-wulipucun-01-1'),
      uid('dev-worker-wulipucun-01-2'),
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      [uid('dev-worker-wulipucun-01-1')]: 1,
      [uid('dev-worker-wulipucun-01-2')]: 0,
    });
  });
});
