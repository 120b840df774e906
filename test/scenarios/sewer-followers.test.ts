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

    // The reporter finds it under 待确认; followers, who are asked nothing, keep it under 办理中.
    const [toConfirm] = await wang.ok('ticket', 'mine', { scope: 'toConfirm' });
    expect(toConfirm).toMatchObject({ ticketId: first.ticketId, status: 'resolved', followers: 2 });
    expect(await wang.ok('ticket', 'mine', { scope: 'open' })).toEqual([]);
    for (const follower of [he, zhao]) {
      const [mine] = await follower.ok('ticket', 'mine', { scope: 'open' });
      expect(mine).toMatchObject({ ticketId: first.ticketId, status: 'resolved', followers: 2 });
      expect(await follower.ok('ticket', 'mine', { scope: 'toConfirm' })).toEqual([]);
    }
    expect(await h.deps.store.count('tickets')).toBe(1);
    // Followers may read it, but only the reporter answers it.
    expect((await he.ok('ticket', 'get', { ticketId: first.ticketId })).allowedActions).toEqual([]);

    // Recipients of a change's own notifications, in id order.
    const residents = [uid('dev-resident-he'), uid('dev-resident-wang'), uid('dev-resident-zhao')];
    expect(await outbox(h)).toEqual([
      { kind: 'ticketAssigned', userIds: [uid('dev-resident-wang')] },
      { kind: 'ticketAssigned', userIds: [uid('dev-worker-wulipucun-01-1')] },
      { kind: 'ticketAccepted', userIds: residents },
      { kind: 'ticketResolved', userIds: [uid('dev-resident-wang')] },
      { kind: 'ticketResolved', userIds: [uid('dev-resident-he'), uid('dev-resident-zhao')] },
    ]);

    // Followers hear every change from the moment they follow; ⇒ marks a subscribe message.
    expect(await received(h, 'dev-resident-wang')).toEqual([
      'ticketAssigned: 工单已提交，等待网格员签收 ⇒ demo-tmpl-accepted',
      'ticketAccepted: 工单已签收',
      'ticketResolved: 工单已办结，请确认 ⇒ demo-tmpl-resolved',
    ]);
    expect(await received(h, 'dev-resident-he')).toEqual([
      'ticketAccepted: 工单已签收 ⇒ demo-tmpl-accepted',
      'ticketResolved: 您关注的工单已办结 ⇒ demo-tmpl-resolved',
    ]);
    expect(await received(h, 'dev-resident-zhao')).toEqual([
      'ticketAccepted: 工单已签收',
      'ticketResolved: 您关注的工单已办结',
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

  describe('same problem across the estate', () => {
    const sewer = async () =>
      h.as('dev-resident-wang').ok('ticket', 'submit', {
        clientRequestId: requestId(),
        category: 'sewerBlocked',
        description: '1号楼前下水井堵了',
        photos: [],
        place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_1' },
      });

    it('offers the ticket of building 1 to a neighbour reporting at building 4, 150 m away in the same estate', async () => {
      const first = await sewer();
      const offered = await h.as('dev-resident-zhao').ok('ticket', 'nearby', {
        category: 'sewerBlocked',
        place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_4' },
      });
      expect(offered.map((t) => t.ticketId)).toEqual([first.ticketId]);
    });

    it('offers it at building 7, 280 m away, still the estate; but not to a bare map point there in another micro-grid', async () => {
      const first = await sewer();
      const zhao = h.as('dev-resident-zhao');
      const byBuilding = await zhao.ok('ticket', 'nearby', {
        category: 'sewerBlocked',
        place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_7' },
      });
      const byPoint = await zhao.ok('ticket', 'nearby', {
        category: 'sewerBlocked',
        place: { kind: 'point', point: { lat: 36.051754, lng: 103.856049 } },
      });
      expect(byBuilding.map((t) => t.ticketId)).toEqual([first.ticketId]);
      expect(byPoint).toEqual([]);
    });

    it('offers a ticket of the same micro-grid to a map point beyond the radius', async () => {
      const first = await sewer();
      // Building 2's spot, ~125 m from building 1, registered to the same micro-grid.
      const offered = await h.as('dev-resident-he').ok('ticket', 'nearby', {
        category: 'sewerBlocked',
        place: { kind: 'point', point: { lat: 36.052293, lng: 103.854181 } },
      });
      expect(offered.map((t) => t.ticketId)).toEqual([first.ticketId]);
    });

    it('reads at most 50 tickets however many are open in the estate, and still offers the nearest first', async () => {
      const first = await sewer();
      const template = (await h.deps.store.get('tickets', first.ticketId))!;
      // 400 more open reports of the category across the estate, by other reporters, each at building 7.
      await h.deps.store.insertMany(
        'tickets',
        Array.from({ length: 400 }, (_, i) => ({
          ...template,
          _id: `tk_far_${String(i).padStart(4, '0')}`,
          reporterUserId: `u_other_${i}`,
          buildingId: 'b_wulipucun_wenmingcun_7',
          location: { lat: 36.051754, lng: 103.856049 },
          cell: null,
        })),
      );
      const store = h.deps.store;
      const find = store.find.bind(store);
      let read = 0;
      store.find = (async (collection, query) => {
        const docs = await find(collection, query);
        if (collection === 'tickets') read += docs.length;
        return docs;
      }) as typeof store.find;

      const offered = await h.as('dev-resident-he').ok('ticket', 'nearby', {
        category: 'sewerBlocked',
        place: { kind: 'point', point: { lat: 36.052293, lng: 103.854181 } },
      });

      expect(read).toBeLessThanOrEqual(50);
      expect(offered.length).toBeGreaterThan(0);
      expect(offered[0]?.ticketId).toBe(first.ticketId);
    });
  });
});
