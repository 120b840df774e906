/**
 * Seed scenario 2 — 五里铺村社区, 文明村小区: three residents report 下水井堵塞 within 100 m of each other; the
 * second and third are offered the first ticket and follow it instead of filing; the worker resolves once;
 * all three see it resolved.
 */
import { deadLinks, received, subscribeAll } from '../support/messages';
import { createHarness, outbox, requestId, uid, uploadPhoto, type Harness } from './ticket-world';

const BUILDING_1 = { lat: 36.051754, lng: 103.852935 };

describe('scenario 2: blocked sewer wells in 文明村小区', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  it('makes one ticket with followers, resolved once for all three residents', async () => {
    const [wang, he, zhao] = ['dev-resident-wang', 'dev-resident-he', 'dev-resident-zhao'].map((o) =>
      h.as(o),
    ) as [ReturnType<Harness['as']>, ReturnType<Harness['as']>, ReturnType<Harness['as']>];
    const worker = h.as('dev-worker-wulipucun-01-1');
    // 王叔 and 何先生 allow subscribe messages, 赵阿姨 does not: she hears everything in the message centre only.
    await subscribeAll(wang, 'ticketSubmit');
    await subscribeAll(he, 'ticketSubmit');
    await subscribeAll(worker, 'task');

    const first = await wang.ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'sewerBlocked',
      description: '1号楼前下水井堵了，污水漫到路上',
      photos: [await uploadPhoto(h, 'well')],
      place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_1' },
    });
    expect(first).toMatchObject({ status: 'assigned', assignee: { name: '钱红霞' } });

    // 何先生 stands ~33 m north, 赵阿姨 ~63 m east of building 1: both are offered the first ticket.
    const hePlace = { kind: 'point' as const, point: { lat: BUILDING_1.lat + 0.0003, lng: BUILDING_1.lng } };
    const heSees = await he.ok('ticket', 'nearby', { category: 'sewerBlocked', place: hePlace });
    expect(heSees.map((t) => t.ticketId)).toEqual([first.ticketId]);
    const heFollows = await he.ok('ticket', 'follow', { ticketId: first.ticketId, from: hePlace });
    expect(heFollows).toMatchObject({ following: true, followers: 1 });

    const zhaoPlace = {
      kind: 'point' as const,
      point: { lat: BUILDING_1.lat, lng: BUILDING_1.lng + 0.0007 },
    };
    const zhaoSees = await zhao.ok('ticket', 'nearby', { category: 'sewerBlocked', place: zhaoPlace });
    expect(zhaoSees).toEqual([expect.objectContaining({ ticketId: first.ticketId, followers: 1 })]);
    await zhao.ok('ticket', 'follow', { ticketId: first.ticketId, from: zhaoPlace });

    const current = await worker.ok('ticket', 'get', { ticketId: first.ticketId });
    const signed = await worker.ok('ticket', 'accept', {
      ticketId: first.ticketId,
      version: current.version,
    });
    await worker.ok('ticket', 'resolve', {
      ticketId: first.ticketId,
      version: signed.version,
      note: '已疏通下水井',
      photos: [await uploadPhoto(h, 'cleared')],
    });

    for (const resident of [wang, he, zhao]) {
      const [mine] = await resident.ok('ticket', 'mine', { scope: 'open' });
      expect(mine).toMatchObject({ ticketId: first.ticketId, status: 'resolved', followers: 2 });
    }
    expect(await h.deps.store.count('tickets')).toBe(1);
    // Followers may read it, but only the reporter answers it.
    expect((await he.ok('ticket', 'get', { ticketId: first.ticketId })).allowedActions).toEqual([]);

    const residents = [uid('dev-resident-wang'), uid('dev-resident-he'), uid('dev-resident-zhao')];
    expect(await outbox(h)).toEqual([
      { kind: 'ticketAssigned', userIds: [uid('dev-resident-wang')] },
      { kind: 'ticketAssigned', userIds: [uid('dev-worker-wulipucun-01-1')] },
      { kind: 'ticketAccepted', userIds: residents },
      { kind: 'ticketResolved', userIds: residents },
    ]);

    // Followers hear every change from the moment they follow; ⇒ marks a subscribe message.
    expect(await received(h, 'dev-resident-wang')).toEqual([
      'ticketAssigned: 工单已受理 ⇒ demo-tmpl-accepted',
      'ticketAccepted: 工单已签收',
      'ticketResolved: 工单已办结，请确认 ⇒ demo-tmpl-resolved',
    ]);
    expect(await received(h, 'dev-resident-he')).toEqual([
      'ticketAccepted: 工单已签收 ⇒ demo-tmpl-accepted',
      'ticketResolved: 工单已办结，请确认 ⇒ demo-tmpl-resolved',
    ]);
    expect(await received(h, 'dev-resident-zhao')).toEqual([
      'ticketAccepted: 工单已签收',
      'ticketResolved: 工单已办结，请确认',
    ]);
    expect(h.deps.push.sentTo('dev-resident-zhao')).toEqual([]);
    expect(await received(h, 'dev-worker-wulipucun-01-1')).toEqual([
      'ticketAssigned: 新工单待签收 ⇒ demo-tmpl-task',
    ]);
    expect(await received(h, 'dev-leader-wulipucun-01')).toEqual([]);
    for (const resident of ['dev-resident-wang', 'dev-resident-he', 'dev-resident-zhao'])
      expect(await deadLinks(h, resident, 'resident')).toEqual([]);
    expect(await deadLinks(h, 'dev-worker-wulipucun-01-1', 'handler')).toEqual([]);
  });
});
