/**
 * The guards around tickets, at the handler level: idempotent retry, the rate limit, a partly failed photo
 * upload, content refused or held, a resident reading someone else's ticket, two workers signing at once.
 */
import { bindWithCode } from '../support/household-codes';
import { HELD_TEXT } from '../../server/core/tickets/views';
import {
  createHarness,
  outbox,
  requestId,
  uid,
  uploadPhoto,
  type Harness,
  type SubmitReq,
} from './ticket-world';

const report = (overrides: Partial<SubmitReq> = {}): SubmitReq => ({
  clientRequestId: requestId(),
  category: 'propertyService',
  description: '楼道堆满杂物',
  photos: [],
  place: { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' },
  ...overrides,
});

describe('ticket guards', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  describe('idempotent submission', () => {
    it('when the page retries with the same client request id, it gets the same ticket and nothing new is written', async () => {
      const liu = h.as('dev-resident-liu');
      const req = report();
      const first = await liu.ok('ticket', 'submit', req);
      const retry = await liu.ok('ticket', 'submit', req);
      expect(retry.ticketId).toBe(first.ticketId);
      expect(await h.deps.store.count('tickets')).toBe(1);
      expect(await outbox(h)).toHaveLength(2);
    });

    it('when two copies of the same request arrive at once, one ticket is made and both get it', async () => {
      const liu = h.as('dev-resident-liu');
      const req = report();
      const [a, b] = await Promise.all([liu.ok('ticket', 'submit', req), liu.ok('ticket', 'submit', req)]);
      expect(a.ticketId).toBe(b.ticketId);
      expect(await h.deps.store.count('tickets')).toBe(1);
      expect(await h.deps.store.count('ticketEvents')).toBe(1);
    });

    it('when another resident uses the same request id, they get a ticket of their own', async () => {
      const req = report();
      const liu = await h.as('dev-resident-liu').ok('ticket', 'submit', req);
      const wang = await h.as('dev-resident-wang').ok('ticket', 'submit', {
        ...req,
        place: { kind: 'building', buildingId: 'b_wulipucun_wenmingcun_1' },
      });
      expect(wang.ticketId).not.toBe(liu.ticketId);
    });
  });

  describe('rate limit', () => {
    it('refuses the 11th report within an hour with a clear message, and accepts again an hour later', async () => {
      const liu = h.as('dev-resident-liu');
      for (let i = 0; i < 10; i++) await liu.ok('ticket', 'submit', report());
      const refused = await liu.call('ticket', 'submit', report());
      expect(refused).toEqual({
        ok: false,
        error: {
          code: 'RATE.LIMITED',
          message: '每小时最多提交 10 条工单，请稍后再试',
          details: { limit: 10, windowMinutes: 60 },
        },
      });
      expect(await h.deps.store.count('tickets')).toBe(10);
      h.clock.advance(60 * 60 * 1000);
      expect((await liu.call('ticket', 'submit', report())).ok).toBe(true);
    });

    it('follows the community policy when it sets another limit', async () => {
      await h.deps.store.insert('ticketPolicies', { _id: 'c_jiaojiawan', submitsPerHour: 2 });
      const liu = h.as('dev-resident-liu');
      await liu.ok('ticket', 'submit', report());
      await liu.ok('ticket', 'submit', report());
      const refused = await liu.call('ticket', 'submit', report());
      expect(!refused.ok && refused.error.code).toBe('RATE.LIMITED');
    });

    it('when two reports arrive at the same moment with one left in the hour, exactly one passes', async () => {
      await h.deps.store.insert('ticketPolicies', { _id: 'c_jiaojiawan', submitsPerHour: 2 });
      const liu = h.as('dev-resident-liu');
      await liu.ok('ticket', 'submit', report());
      const answers = await Promise.all([
        liu.call('ticket', 'submit', report()),
        liu.call('ticket', 'submit', report()),
      ]);
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['RATE.LIMITED']);
      expect(await h.deps.store.count('tickets', { reporterUserId: uid('dev-resident-liu') })).toBe(2);
    });

    it('when ten reports arrive at once with three left, three pass and seven are refused', async () => {
      await h.deps.store.insert('ticketPolicies', { _id: 'c_jiaojiawan', submitsPerHour: 3 });
      const liu = h.as('dev-resident-liu');
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => liu.call('ticket', 'submit', report())),
      );
      expect(answers.filter((a) => a.ok)).toHaveLength(3);
      expect(await h.deps.store.count('tickets')).toBe(3);
    });

    it('still answers a retry of an accepted report after the limit is reached', async () => {
      const liu = h.as('dev-resident-liu');
      const reqs = Array.from({ length: 10 }, () => report());
      for (const req of reqs) await liu.ok('ticket', 'submit', req);
      expect((await liu.call('ticket', 'submit', reqs[9]!)).ok).toBe(true);
    });
  });

  describe('photos', () => {
    it('when one photo of three never reached storage, refuses the report and creates nothing', async () => {
      const liu = h.as('dev-resident-liu');
      const stored = [await uploadPhoto(h), await uploadPhoto(h)];
      const missing = 'local://tests/never-uploaded.jpg';
      const result = await liu.call(
        'ticket',
        'submit',
        report({ photos: [stored[0]!, missing, stored[1]!] }),
      );
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'TICKET.PHOTO_MISSING',
          message: '有照片没有上传成功，请重新上传后再提交',
          details: { missing: [missing] },
        },
      });
      expect(await h.deps.store.count('tickets')).toBe(0);
      expect(await h.deps.store.count('ticketEvents')).toBe(0);
      expect(await h.deps.store.count('outbox')).toBe(0);
    });

    it('refuses more than nine photos at the boundary', async () => {
      const photos = await Promise.all(Array.from({ length: 10 }, () => uploadPhoto(h)));
      const result = await h.as('dev-resident-liu').call('ticket', 'submit', report({ photos }));
      expect(!result.ok && result.error.code).toBe('VALIDATION.FAILED');
    });
  });

  describe('content check', () => {
    it('refuses risky text and creates nothing', async () => {
      const result = await h
        .as('dev-resident-liu')
        .call('ticket', 'submit', report({ description: '楼下有人办证' }));
      expect(!result.ok && result.error.code).toBe('TICKET.CONTENT_REFUSED');
      expect(await h.deps.store.count('tickets')).toBe(0);
    });

    it('holds text under review: the worker and the reporter read it, a follower does not yet', async () => {
      h.deps.contentCheck = { checkText: async () => ({ verdict: 'review' }) };
      const filed = await h
        .as('dev-resident-liu')
        .ok('ticket', 'submit', report({ description: '某某某在楼道里吵闹' }));
      expect(filed).toMatchObject({ contentHeld: true, description: '某某某在楼道里吵闹' });
      const worker = await h
        .as('dev-worker-jiaojiawan-01-2')
        .ok('ticket', 'get', { ticketId: filed.ticketId });
      expect(worker.description).toBe('某某某在楼道里吵闹');

      const neighbour = h.as('test-neighbour');
      await neighbour.ok('user', 'login', { name: '邻居' });
      await bindWithCode(h, 'test-neighbour', 'h_jiaojiawan_6413_2_1_701');
      const followed = await neighbour.ok('ticket', 'follow', {
        ticketId: filed.ticketId,
        from: { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' },
      });
      expect(followed.description).toBe(HELD_TEXT);
      expect(followed.reporter).toBeNull();
    });
  });

  describe('content under review after filing', () => {
    it('masks a held co-handling request and a held rating comment from followers, not from the handlers', async () => {
      const liu = h.as('dev-resident-liu');
      const filed = await liu.ok('ticket', 'submit', report());
      const neighbour = h.as('test-neighbour');
      await neighbour.ok('user', 'login', { name: '邻居' });
      await bindWithCode(h, 'test-neighbour', 'h_jiaojiawan_6413_2_1_701');
      await neighbour.ok('ticket', 'follow', {
        ticketId: filed.ticketId,
        from: { kind: 'building', buildingId: 'b_jiaojiawan_6413_3' },
      });
      // Any worker of the micro-grid may sign for it; the neighbour's follow moved the version on by one.
      const worker = h.as('dev-worker-jiaojiawan-01-2');
      let t = await worker.ok('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version + 1 });

      h.deps.contentCheck = { checkText: async () => ({ verdict: 'review' }) };
      t = await worker.ok('ticket', 'coHandle', {
        ticketId: t.ticketId,
        version: t.version,
        party: '物业',
        request: '请某某某立即清走杂物',
      });
      const seenByNeighbour = await neighbour.ok('ticket', 'get', { ticketId: t.ticketId });
      expect(seenByNeighbour.coHandlers.map((c) => c.request)).toEqual([HELD_TEXT]);
      expect(seenByNeighbour.events.filter((e) => e.party).map((e) => e.party!.request)).toEqual([HELD_TEXT]);
      expect(JSON.stringify(seenByNeighbour)).not.toContain('某某某');
      expect(t.coHandlers.map((c) => c.request)).toEqual(['请某某某立即清走杂物']);

      h.deps.contentCheck = { checkText: async () => ({ verdict: 'pass' }) };
      t = await worker.ok('ticket', 'resolve', {
        ticketId: t.ticketId,
        version: t.version,
        note: '已清理',
        photos: [],
      });
      t = await liu.ok('ticket', 'confirm', { ticketId: t.ticketId, version: t.version });
      h.deps.contentCheck = { checkText: async () => ({ verdict: 'review' }) };
      const rated = await liu.ok('ticket', 'rate', {
        ticketId: t.ticketId,
        stars: 2,
        comment: '某某某态度太差',
      });
      expect(rated.rating).toEqual({ stars: 2, comment: '某某某态度太差' });
      expect((await neighbour.ok('ticket', 'get', { ticketId: t.ticketId })).rating).toEqual({
        stars: 2,
        comment: HELD_TEXT,
      });
    });
  });

  describe('privacy', () => {
    it("answers a resident reading another resident's ticket exactly as for a ticket that does not exist", async () => {
      const filed = await h.as('dev-resident-liu').ok('ticket', 'submit', report());
      const wang = h.as('dev-resident-wang');
      const other = await wang.call('ticket', 'get', { ticketId: filed.ticketId });
      const none = await wang.call('ticket', 'get', { ticketId: 'tk_does_not_exist' });
      expect(other).toEqual(none);
      expect(!other.ok && other.error.code).toBe('TICKET.NOT_FOUND');
      expect(await wang.ok('ticket', 'mine', { scope: 'all' })).toEqual([]);
    });

    it('never shows a phone number or an openid; the room only in the assignee’s reporter contact', async () => {
      const filed = await h
        .as('dev-resident-liu')
        .ok(
          'ticket',
          'submit',
          report({ place: { kind: 'household', householdId: 'h_jiaojiawan_6413_2_1_701' } }),
        );
      const { reporterContact, ...rest } = await h
        .as('dev-worker-jiaojiawan-01-1')
        .ok('ticket', 'get', { ticketId: filed.ticketId });
      // The one sent to the door needs the room (issue 13 item 4); test/contacts/ says who else gets it.
      expect(reporterContact).toEqual({
        name: '刘女士',
        address: '六四一三小区 2号楼 1单元 701',
        phone: null,
      });
      const text = JSON.stringify(rest);
      expect(text).not.toMatch(/1390931\d{4}/);
      expect(text).not.toContain('dev-');
      expect(text).not.toMatch(/[ _]701/);
    });
  });

  describe('concurrency', () => {
    it('when two workers of the micro-grid sign at once, exactly one wins and the other is told to reload', async () => {
      const filed = await h.as('dev-resident-liu').ok('ticket', 'submit', report());
      const su = h.as('dev-worker-jiaojiawan-01-2');
      const mao = h.as('dev-worker-jiaojiawan-01-2-b');
      const results = await Promise.all([
        su.call('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version }),
        mao.call('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version }),
      ]);
      const winners = results.filter((r) => r.ok);
      const losers = results.filter((r) => !r.ok);
      expect(winners).toHaveLength(1);
      expect(losers).toEqual([
        {
          ok: false,
          error: { code: 'TICKET.STALE_VERSION', message: '工单状态已更新，请刷新页面查看最新状态后再操作' },
        },
      ]);
      const stored = (await h.deps.store.get('tickets', filed.ticketId))!;
      expect(stored).toMatchObject({ status: 'accepted', version: 2 });
      expect([uid('dev-worker-jiaojiawan-01-2'), uid('dev-worker-jiaojiawan-01-2-b')]).toContain(
        stored.assigneeUserId,
      );
      expect(await h.deps.store.count('ticketEvents', { ticketId: filed.ticketId })).toBe(2);
      expect((await outbox(h)).filter((e) => e.kind === 'ticketAccepted')).toHaveLength(1);
    });

    it('refuses an action on a version the caller no longer holds', async () => {
      const filed = await h.as('dev-resident-liu').ok('ticket', 'submit', report());
      const su = h.as('dev-worker-jiaojiawan-01-2');
      await su.ok('ticket', 'accept', { ticketId: filed.ticketId, version: filed.version });
      const stale = await su.call('ticket', 'progress', {
        ticketId: filed.ticketId,
        version: filed.version,
        note: '已到现场',
        photos: [],
      });
      expect(!stale.ok && stale.error.code).toBe('TICKET.STALE_VERSION');
    });
  });
});
