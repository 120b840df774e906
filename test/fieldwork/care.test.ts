/**
 * Care visits: a weekly group of elderly households gives 何丽萍 due visits; nobody home leaves a visit due;
 * once the clock passes the cadence, the overdue visits escalate to the grid's leader, once. Tags are seen
 * only by the household's worker, leader and staff.
 */
import { createHarness, type Harness } from '../support/harness';
import { uid } from '../scenarios/ticket-world';
import { JIAOJIAWAN, LEADER, MG_1, STAFF, WORKER } from './field-world';

const DAY = 24 * 3_600_000;

describe('care visits of a weekly group', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  async function weeklyElderly() {
    return h.as(STAFF).ok('field', 'saveCareGroup', {
      communityId: JIAOJIAWAN,
      name: '独居老人',
      tags: ['elderly'],
      cadence: 'weekly',
    });
  }

  it('gives each tagged household of the micro-grid a due visit for its worker, a week out', async () => {
    const group = await weeklyElderly();
    const tagged = await h.deps.store.count('households', {
      communityId: JIAOJIAWAN,
      tags: { has: 'elderly' },
    });
    expect(group.households).toBe(tagged);
    expect(tagged).toBeGreaterThan(0);
    const mine = await h.deps.store.count('households', { microGridId: MG_1, tags: { has: 'elderly' } });
    const due = await h.as(WORKER).ok('field', 'due', {});
    expect(due.visits).toHaveLength(mine);
    expect(due.visits[0]).toMatchObject({
      reason: '独居老人',
      dueAt: '2026-06-27T09:00:00+08:00',
      overdue: false,
      tags: expect.arrayContaining(['elderly']),
    });
  });

  it('nobody home leaves the visit due; in person finishes it and arms the next week', async () => {
    await weeklyElderly();
    const worker = h.as(WORKER);
    const [first] = (await worker.ok('field', 'due', {})).visits;
    const nobody = await worker.ok('field', 'recordCareVisit', {
      dueId: first!.dueId,
      clientRequestId: 'v1',
      outcome: 'nobodyHome',
      services: [],
      note: '敲门无人应答',
      photos: [],
    });
    expect(nobody).toEqual({ dueId: first!.dueId, state: 'due', nextDueAt: first!.dueAt });
    const still = (await worker.ok('field', 'due', {})).visits.find((v) => v.dueId === first!.dueId);
    expect(still).toMatchObject({ attempts: 1, lastOutcome: 'nobodyHome' });

    h.clock.advance(2 * 3_600_000);
    const met = await worker.ok('field', 'recordCareVisit', {
      dueId: first!.dueId,
      clientRequestId: 'v2',
      outcome: 'inPerson',
      services: ['medicine', 'pensionCertification'],
      note: '代买降压药，协助养老认证',
      photos: [],
    });
    expect(met).toEqual({ dueId: first!.dueId, state: 'done', nextDueAt: '2026-06-27T11:00:00+08:00' });
    // Sent again (a retry): one visit.
    await worker.ok('field', 'recordCareVisit', {
      dueId: first!.dueId,
      clientRequestId: 'v2',
      outcome: 'inPerson',
      services: ['medicine'],
      note: '代买降压药',
      photos: [],
    });
    expect(await h.deps.store.count('careVisits', { dueId: first!.dueId })).toBe(2);
  });

  it('escalates overdue visits to the leader once the clock moves past the cadence', async () => {
    await weeklyElderly();
    const worker = h.as(WORKER);
    const visits = (await worker.ok('field', 'due', {})).visits;
    const [done, ...rest] = visits;

    h.clock.advance(6 * DAY);
    await worker.ok('field', 'recordCareVisit', {
      dueId: done!.dueId,
      clientRequestId: 'ok',
      outcome: 'phone',
      services: [],
      note: '',
      photos: [],
    });
    expect((await h.anonymous('scheduler', 'tick', {})).ok).toBe(true);
    expect(await h.deps.store.count('careDues', { escalatedToUserId: uid(LEADER) })).toBe(0);

    h.clock.advance(1 * DAY + 60_000);
    const tick = await h.anonymous('scheduler', 'tick', {});
    const all = await h.deps.store.count('careDues', {
      communityId: JIAOJIAWAN,
      state: 'due',
      dueAt: { lt: '2026-06-27T09:01:00+08:00' },
    });
    expect(tick).toMatchObject({ ok: true, data: { results: { careVisits: { escalatedToLeader: all } } } });
    const now = (await worker.ok('field', 'due', {})).visits;
    expect(
      now
        .filter((v) => v.escalated)
        .map((v) => v.dueId)
        .sort(),
    ).toEqual(rest.map((v) => v.dueId).sort());
    // The visit done by phone armed next week's, which is not overdue.
    expect(now.find((v) => !v.escalated)).toMatchObject({
      dueAt: '2026-07-03T09:00:00+08:00',
      overdue: false,
    });
    const messages = await h.as(LEADER).ok('message', 'list', {});
    expect(JSON.stringify(messages)).toContain('走访已逾期');
    // Each once: a second tick escalates nothing.
    expect(await h.anonymous('scheduler', 'tick', {})).toMatchObject({
      data: { results: { careVisits: { escalatedToLeader: 0 } } },
    });
  });

  it('a recorded event makes a visit due within 24 hours', async () => {
    const [household] = await h.deps.store.find('households', { where: { microGridId: MG_1 }, limit: 1 });
    const event = await h
      .as(WORKER)
      .ok('field', 'recordEvent', { householdId: household!._id, note: '老人摔倒住院后出院' });
    expect(event.dueAt).toBe('2026-06-21T09:00:00+08:00');
    const due = await h.as(WORKER).ok('field', 'due', {});
    expect(due.visits.find((v) => v.dueId === event.dueId)?.reason).toContain('事件回访');
  });

  it('tags reach only the household worker, leader and staff: a worker of the next micro-grid gets none', async () => {
    await weeklyElderly();
    const other = await h.as('dev-worker-jiaojiawan-01-2').ok('field', 'due', {});
    expect(other.visits.every((v) => v.microGridId !== MG_1)).toBe(true);
    const [visit] = (await h.as(WORKER).ok('field', 'due', {})).visits;
    const refused = await h.as('dev-worker-jiaojiawan-01-2').call('field', 'recordCareVisit', {
      dueId: visit!.dueId,
      clientRequestId: 'x',
      outcome: 'inPerson',
      services: [],
      note: '',
      photos: [],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FIELD.NOT_FOUND' } });
    const resident = await h.as('dev-resident-liu').call('field', 'saveCareGroup', {
      communityId: JIAOJIAWAN,
      name: '残疾人',
      tags: ['disabled'],
      cadence: 'monthly',
    });
    expect(resident).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
