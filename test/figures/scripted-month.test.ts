/**
 * A scripted month in 吴家园社区: tickets signed on time and late, resolved on time and late, reopened, rated,
 * auto-closed by the sweep, cancelled, reassigned, left unsigned. The figures the `figures` action reads are
 * asserted cell by cell against values this test computes itself from what it did (the times it acted at and
 * the deadlines the pages showed), never through the figures code.
 * Extension 延期 is not scripted here (`extended` is 0 everywhere): test/figures/extension.test.ts scripts a
 * granted and a refused extension and asserts 延期率 and 按期办结率 from them.
 */
import type { FigureBreakdown, FigureCounts, FiguresView } from '../../typings/figures';
import type { TicketCategory, TicketDetail } from '../../typings/ticket';
import { RESOLVE_BUCKETS, SIGN_BUCKETS } from '../../server/core/figures/definitions';
import { reconcileFigures } from '../../server/core/figures/reconcile';
import { createHarness, requestId, type Harness } from '../scenarios/ticket-world';

interface Script {
  ticketId: string;
  category: TicketCategory;
  communityId: string;
  gridId: string;
  microGridId: string;
  workerId: string;
  submittedAt: number;
  signedAt?: number;
  signLimit?: number;
  lastResolvedAt?: number;
  resolveLimit?: number;
  everResolved: boolean;
  reopened: boolean;
  status: 'open' | 'resolved' | 'closed' | 'void';
  stars?: number;
}

const ms = (iso: string) => new Date(iso).getTime();

describe('the figures of a scripted month in 吴家园社区', () => {
  let h: Harness;
  const scripts: Script[] = [];
  const at = (iso: string) => h.clock.set(iso);
  const now = () => h.clock.now().getTime();

  async function householdOf(openid: string): Promise<string> {
    const [user] = await h.deps.store.find('users', { where: { openid }, limit: 1 });
    return user!.householdId!;
  }
  async function openidOf(userId: string): Promise<string> {
    return (await h.deps.store.get('users', userId))!.openid;
  }

  async function file(resident: string, category: TicketCategory): Promise<[TicketDetail, Script]> {
    const detail = await h.as(resident).ok('ticket', 'submit', {
      clientRequestId: requestId(),
      category,
      description: '脚本中的一个问题，请处理',
      photos: [],
      place: { kind: 'household', householdId: await householdOf(resident) },
    });
    const doc = (await h.deps.store.get('tickets', detail.ticketId))!;
    const script: Script = {
      ticketId: detail.ticketId,
      category,
      communityId: doc.communityId,
      gridId: doc.gridId!,
      microGridId: doc.microGridId!,
      workerId: doc.assigneeUserId!,
      submittedAt: now(),
      everResolved: false,
      reopened: false,
      status: 'open',
    };
    scripts.push(script);
    return [detail, script];
  }

  async function worker(s: Script) {
    return h.as(await openidOf(s.workerId));
  }
  async function accept(s: Script, d: TicketDetail): Promise<TicketDetail> {
    s.signLimit = ms(d.deadlineAt!);
    s.signedAt = now();
    return (await worker(s)).ok('ticket', 'accept', { ticketId: s.ticketId, version: d.version });
  }
  async function resolve(s: Script, d: TicketDetail): Promise<TicketDetail> {
    s.resolveLimit = ms(d.deadlineAt!);
    s.lastResolvedAt = now();
    s.everResolved = true;
    s.status = 'resolved';
    return (await worker(s)).ok('ticket', 'resolve', {
      ticketId: s.ticketId,
      version: d.version,
      note: '已处理',
      photos: [],
    });
  }

  beforeAll(async () => {
    h = await createHarness({ now: '2026-06-02T09:00:00+08:00' });
    const li = 'dev-resident-li';
    const wang = 'dev-resident-wujiayuan-1';
    const yang = 'dev-resident-wujiayuan-2';

    // 1: signed and resolved on time, confirmed, rated 5.
    let [d, s] = await file(li, 'streetLight');
    at('2026-06-02T09:30:00+08:00');
    d = await accept(s, d);
    at('2026-06-02T15:00:00+08:00');
    d = await resolve(s, d);
    d = await h.as(li).ok('ticket', 'confirm', { ticketId: s.ticketId, version: d.version });
    s.status = 'closed';
    await h.as(li).ok('ticket', 'rate', { ticketId: s.ticketId, stars: 5, comment: '很快' });
    s.stars = 5;

    // 2: signed late, resolved, reopened, resolved again, confirmed, rated 3.
    at('2026-06-03T10:00:00+08:00');
    [d, s] = await file(wang, 'garbage');
    at('2026-06-03T13:30:00+08:00');
    d = await accept(s, d);
    at('2026-06-04T10:00:00+08:00');
    d = await resolve(s, d);
    at('2026-06-04T12:00:00+08:00');
    d = await h
      .as(wang)
      .ok('ticket', 'reopen', { ticketId: s.ticketId, version: d.version, reason: '没清干净' });
    s.reopened = true;
    s.status = 'open';
    at('2026-06-05T09:00:00+08:00');
    d = await resolve(s, d);
    d = await h.as(wang).ok('ticket', 'confirm', { ticketId: s.ticketId, version: d.version });
    s.status = 'closed';
    await h.as(wang).ok('ticket', 'rate', { ticketId: s.ticketId, stars: 3, comment: '一般' });
    s.stars = 3;

    // 3: signed on time, resolved after its limit, never answered: the sweep closes it; no rating.
    at('2026-06-06T09:00:00+08:00');
    [d, s] = await file(yang, 'garbage');
    at('2026-06-06T09:20:00+08:00');
    d = await accept(s, d);
    at('2026-06-10T12:00:00+08:00');
    d = await resolve(s, d);
    const autoCloseDays = (await h.deps.store.get('tickets', s.ticketId))!.autoCloseDays;
    at(new Date(now() + autoCloseDays * 86_400_000 + 60_000).toISOString());
    await h.anonymous('scheduler', 'tick', {});
    s.status = 'closed';

    // 4: cancelled by the resident: counts nowhere.
    at('2026-06-20T09:00:00+08:00');
    [d, s] = await file(li, 'streetLight');
    await h.as(li).ok('ticket', 'cancel', { ticketId: s.ticketId, version: d.version });
    s.status = 'void';

    // 5: signed, then reassigned by staff to another person of the grid: its counts move with it.
    at('2026-06-21T09:00:00+08:00');
    [d, s] = await file(wang, 'streetLight');
    at('2026-06-21T09:10:00+08:00');
    d = await accept(s, d);
    const others = await h.as('dev-staff-wujiayuan').ok('ticket', 'assignees', { ticketId: s.ticketId });
    const other = others.find((p) => p.userId !== s.workerId)!;
    await h
      .as('dev-staff-wujiayuan')
      .ok('ticket', 'reassign', { ticketId: s.ticketId, version: d.version, assigneeUserId: other.userId });
    s.workerId = other.userId;
    // A reassignment moves the ticket into the new person's micro-grid (dispatch.ts): the script follows it.
    s.microGridId = (await h.deps.store.get('tickets', s.ticketId))!.microGridId!;

    // 6: never signed; the sweep escalates it (an escalation changes no figure).
    at('2026-06-22T09:00:00+08:00');
    [d, s] = await file(yang, 'sanitation');
    at('2026-06-23T09:00:00+08:00');
    await h.anonymous('scheduler', 'tick', {});
  });
  afterAll(() => h.close());

  /** The counters this test expects of a set of scripted tickets, computed from the script alone. */
  function expected(
    tickets: Script[],
  ): Partial<FigureCounts> & { signMinutes: number[]; resolveMinutes: number[] } {
    const live = tickets.filter((t) => t.status !== 'void');
    const minutes = (a: number, b: number) => Math.round((b - a) / 60_000);
    const signed = live.filter((t) => t.signedAt !== undefined);
    const resolved = live.filter((t) => t.status === 'resolved' || t.status === 'closed');
    const closed = live.filter((t) => t.status === 'closed');
    const rated = live.filter((t) => t.stars !== undefined);
    return {
      received: live.length,
      signed: signed.length,
      signedOnTime: signed.filter((t) => t.signedAt! <= t.signLimit!).length,
      resolved: resolved.length,
      everResolved: live.filter((t) => t.everResolved).length,
      closed: closed.length,
      closedOnTime: closed.filter((t) => t.lastResolvedAt! <= t.resolveLimit!).length,
      reopened: live.filter((t) => t.reopened).length,
      extended: 0,
      rated: rated.length,
      ratingSum: rated.reduce((n, t) => n + t.stars!, 0),
      satisfied: rated.filter((t) => t.stars! >= 4).length,
      closedUnrated: closed.filter((t) => t.stars === undefined).length,
      signMinutes: signed.map((t) => minutes(t.submittedAt, t.signedAt!)),
      resolveMinutes: resolved.map((t) => minutes(t.submittedAt, t.lastResolvedAt!)),
    };
  }

  function p90(values: number[], bounds: readonly number[]): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const v = sorted[Math.ceil(0.9 * sorted.length) - 1]!;
    return bounds.find((b) => v <= b) ?? null;
  }
  const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 100);
  const mean = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 100) / 100);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  const keyOf: Record<FigureBreakdown, (s: Script) => string> = {
    community: (s) => s.communityId,
    grid: (s) => s.gridId,
    microGrid: (s) => s.microGridId,
    worker: (s) => s.workerId,
    category: (s) => s.category,
  };

  let view: FiguresView;
  beforeAll(async () => {
    view = await h.as('dev-staff-wujiayuan').ok('ticket', 'figures', {
      communityId: scripts[0]!.communityId,
      fromMonth: '2026-06',
      toMonth: '2026-06',
    });
  });

  it('scripted what it meant to: late and on-time signing, rework, ratings, an auto-close', () => {
    const all = expected(scripts);
    expect(all).toMatchObject({ received: 5, signed: 4, signedOnTime: 3, closed: 3, reopened: 1, rated: 2 });
    expect(all.closedOnTime).toBe(2);
    expect(all.closedUnrated).toBe(1);
    // More than one cell in each breakdown but the community, so that a misfiled count shows.
    for (const b of ['grid', 'worker', 'category'] as const)
      expect(view.breakdowns[b].length).toBeGreaterThan(1);
  });

  it.each<FigureBreakdown>(['community', 'grid', 'microGrid', 'worker', 'category'])(
    'every %s cell holds the counters and figures computed from the events',
    (breakdown) => {
      const keys = [...new Set(scripts.filter((s) => s.status !== 'void').map(keyOf[breakdown]))].sort();
      expect(view.breakdowns[breakdown].map((r) => r.key)).toEqual(keys);
      for (const row of view.breakdowns[breakdown]) {
        const e = expected(scripts.filter((s) => keyOf[breakdown](s) === row.key));
        const { signMinutes, resolveMinutes, ...counters } = e;
        expect(row.counts).toMatchObject(counters);
        expect(row.counts.signMinutesSum).toBe(sum(signMinutes));
        expect(row.counts.resolveMinutesSum).toBe(sum(resolveMinutes));
        expect(row.values).toEqual({
          received: e.received,
          responseRate: pct(e.signedOnTime!, e.received!),
          resolved: e.resolved,
          resolutionRate: pct(e.resolved!, e.received!),
          closed: e.closed,
          onTimeCloseRate: pct(e.closedOnTime!, e.closed!),
          reworkRate: pct(e.reopened!, e.everResolved!),
          extensionRate: pct(0, e.received!),
          signMinutesMean: mean(sum(signMinutes), signMinutes.length),
          signMinutesP90: p90(signMinutes, SIGN_BUCKETS),
          resolveMinutesMean: mean(sum(resolveMinutes), resolveMinutes.length),
          resolveMinutesP90: p90(resolveMinutes, RESOLVE_BUCKETS),
          ratingMean: mean(e.ratingSum!, e.rated!),
          satisfactionRate: pct(e.satisfied!, e.rated!),
          closedUnrated: e.closedUnrated,
        });
      }
    },
  );

  it('the leader of a grid sees that grid only; another community sees nothing of it', async () => {
    const gridId = scripts[0]!.gridId;
    const [leader] = await h.deps.store.find('members', { where: { gridId, duty: 'leader' }, limit: 1 });
    const openid = await openidOf(leader!.userId);
    const mine = await h.as(openid).ok('ticket', 'figures', {
      communityId: scripts[0]!.communityId,
      gridId,
      fromMonth: '2026-06',
      toMonth: '2026-06',
    });
    expect(mine.breakdowns.grid.map((r) => r.key)).toEqual([gridId]);
    expect(mine.breakdowns.grid[0]!.counts.received).toBe(
      expected(scripts.filter((s) => s.gridId === gridId)).received,
    );
    const other = await h.as('dev-staff-dashaping').call('ticket', 'figures', {
      communityId: scripts[0]!.communityId,
      fromMonth: '2026-06',
      toMonth: '2026-06',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });

  it('a month range that is reversed or too long is refused with a Chinese message', async () => {
    const reply = await h.as('dev-staff-wujiayuan').call('ticket', 'figures', {
      communityId: scripts[0]!.communityId,
      fromMonth: '2026-06',
      toMonth: '2025-01',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FIGURES.RANGE_INVALID' } });
    expect(!reply.ok && reply.error.message).toMatch(/月份/);
  });

  it('the reconciliation recomputes the month from the events and finds no drift', async () => {
    const report = await reconcileFigures(h.deps.store, scripts[0]!.communityId, '2026-06');
    expect(report).toEqual({ tickets: scripts.length, drift: [] });
  });

  it('the export writes a workbook with a sheet per breakdown', async () => {
    const out = await h.as('dev-staff-wujiayuan').ok('ticket', 'exportFigures', {
      communityId: scripts[0]!.communityId,
      fromMonth: '2026-06',
      toMonth: '2026-06',
    });
    const bytes = await h.deps.files.read(out.fileId);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['社区', '网格', '微网格', '网格员', '问题分类']);
    expect(book.getWorksheet('问题分类')!.rowCount).toBe(1 + view.breakdowns.category.length);
  });
});
