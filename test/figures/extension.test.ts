/**
 * Extension 延期 in the figures: in one month of 吴家园社区, a worker asks for more time with a reason and the
 * grid leader grants a new limit; another asks and is refused; a third never asks. The figures count the
 * granted one as extended (延期率), and its resolution after the original deadline but before the extended one
 * as closed on time (按期办结率) — values this test works out from what it did, not through the figures code.
 */
import { ManualClock } from '../../server/adapters/local/clocks';
import { prepareComingMonth } from '../../server/core/figures/ahead';
import type { TicketDetail } from '../../typings/ticket';
import { createHarness, requestId, type Harness } from '../scenarios/ticket-world';

describe('an extension in the figures', () => {
  let h: Harness;
  const ms = (iso: string) => new Date(iso).getTime();
  const at = (iso: string) => h.clock.set(iso);

  async function openidOf(userId: string): Promise<string> {
    return (await h.deps.store.get('users', userId))!.openid;
  }
  async function leaderOf(gridId: string): Promise<string> {
    const [m] = await h.deps.store.find('members', { where: { gridId, duty: 'leader' }, limit: 1 });
    return openidOf(m!.userId);
  }
  async function file(resident: string): Promise<TicketDetail> {
    const [user] = await h.deps.store.find('users', { where: { openid: resident }, limit: 1 });
    return h.as(resident).ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category: 'propertyService',
      description: '单元门禁坏了，进出不便',
      photos: [],
      place: { kind: 'household', householdId: user!.householdId! },
    });
  }
  /** Signs for, then (later) resolves; the resident confirms. Returns whether it was resolved in time. */
  async function signResolveConfirm(
    resident: string,
    d: TicketDetail,
    between: (signed: TicketDetail) => Promise<TicketDetail>,
    resolveAt: string,
  ): Promise<boolean> {
    const worker = h.as(await openidOf(d.assignee!.userId));
    let t = await worker.ok('ticket', 'accept', { ticketId: d.ticketId, version: d.version });
    t = await between(t);
    at(resolveAt);
    const limit = ms(t.deadlineAt!);
    t = await worker.ok('ticket', 'resolve', {
      ticketId: d.ticketId,
      version: t.version,
      note: '已修复',
      photos: [],
    });
    await h.as(resident).ok('ticket', 'confirm', { ticketId: d.ticketId, version: t.version });
    return ms(resolveAt) <= limit;
  }

  beforeAll(async () => {
    // Monday 2026-06-08 09:00.
    h = await createHarness({ now: '2026-06-08T09:00:00+08:00' });
    // June's figure shards written ahead, as the scheduler does on 31 May: every change is an increment,
    // whose cells hold only the counters it moved, and every reader must take them so.
    await prepareComingMonth({ store: h.deps.store, clock: new ManualClock('2026-05-31T23:30:00+08:00') });
  });
  afterAll(() => h.close());

  test('the granted extension counts in 延期率 and moves the limit 按期办结率 is judged by', async () => {
    const li = 'dev-resident-li';
    const wang = 'dev-resident-wujiayuan-1';
    const yang = 'dev-resident-wujiayuan-2';
    const onTime: boolean[] = [];
    let extended = 0;

    // 1: asks for 2 working days with a reason, the leader grants 3; resolved Friday, after the first
    // deadline (Thursday 09:00, 72 calendar hours) but inside the extended one.
    const first = await file(li);
    let originalLimit = 0;
    onTime.push(
      await signResolveConfirm(
        li,
        first,
        async (t) => {
          originalLimit = ms(t.deadlineAt!);
          const worker = h.as(await openidOf(t.assignee!.userId));
          const asked = await worker.ok('ticket', 'askExtension', {
            ticketId: t.ticketId,
            version: t.version,
            reason: '门禁主板需厂家寄来',
            limit: { amount: 2, unit: 'workingDays' },
          });
          expect(asked.extensionRequest).toMatchObject({ reason: '门禁主板需厂家寄来' });
          const granted = await h.as(await leaderOf(t.gridId!)).ok('ticket', 'approveExtension', {
            ticketId: t.ticketId,
            version: asked.version,
            limit: { amount: 3, unit: 'workingDays' },
          });
          expect(ms(granted.deadlineAt!)).toBeGreaterThan(originalLimit);
          extended += 1;
          return granted;
        },
        '2026-06-12T10:00:00+08:00',
      ),
    );
    expect(ms('2026-06-12T10:00:00+08:00')).toBeGreaterThan(originalLimit);

    // 2: asks, the leader refuses; resolved late (Friday, past Thursday's 72-hour deadline).
    at('2026-06-08T09:10:00+08:00');
    const second = await file(wang);
    onTime.push(
      await signResolveConfirm(
        wang,
        second,
        async (t) => {
          const worker = h.as(await openidOf(t.assignee!.userId));
          const asked = await worker.ok('ticket', 'askExtension', {
            ticketId: t.ticketId,
            version: t.version,
            reason: '想多等几天',
            limit: { amount: 2, unit: 'workingDays' },
          });
          return h.as(await leaderOf(t.gridId!)).ok('ticket', 'denyExtension', {
            ticketId: t.ticketId,
            version: asked.version,
            reason: '请按期处理',
          });
        },
        '2026-06-12T11:00:00+08:00',
      ),
    );

    // 3: never asks; resolved the next day, in time.
    at('2026-06-08T09:20:00+08:00');
    const third = await file(yang);
    onTime.push(await signResolveConfirm(yang, third, async (t) => t, '2026-06-09T09:00:00+08:00'));

    expect(onTime).toEqual([true, false, true]);
    const view = await h.as('dev-staff-wujiayuan').ok('ticket', 'figures', {
      communityId: 'c_wujiayuan',
      fromMonth: '2026-06',
      toMonth: '2026-06',
    });
    const community = view.breakdowns.community[0]!;
    const received = 3;
    const closedOnTime = onTime.filter(Boolean).length;
    const round2 = (x: number) => Math.round(x * 10000) / 100;
    expect(community.counts).toMatchObject({ received, extended, closed: 3, closedOnTime });
    expect(community.values.extensionRate).toBe(round2(extended / received));
    expect(community.values.onTimeCloseRate).toBe(round2(closedOnTime / 3));
    // The one extended ticket's cell carries it: its grid, micro-grid and worker.
    const doc = (await h.deps.store.get('tickets', first.ticketId))!;
    const cell = (rows: typeof view.breakdowns.grid, key: string) => rows.find((r) => r.key === key)!.counts;
    expect(cell(view.breakdowns.microGrid, doc.microGridId!).extended).toBe(1);
    expect(cell(view.breakdowns.worker, doc.assigneeUserId!).extended).toBe(1);
    // A street officer of 吴家园社区's street reads the same 延期率 in the ranking.
    const street = await h.as('dev-street-jianlanlu').ok('ticket', 'streetFigures', {
      fromMonth: '2026-06',
      toMonth: '2026-06',
      rankBy: 'extensionRate',
    });
    expect(street.rows.find((r) => r.communityId === 'c_wujiayuan')!.values.extensionRate).toBe(
      round2(extended / received),
    );
  });
});
