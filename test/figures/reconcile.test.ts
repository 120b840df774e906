/**
 * The reconciliation after a randomized run: tickets of 吴家园社区 filed over two months and pushed through
 * random transitions (sign, progress, resolve, reopen, confirm, rate, reassign, cancel, reject, sweeps) by the
 * real handlers, with folds of the counters between them; recomputing every figure from the ticket events then
 * finds zero drift against total + shards. A counter changed
 * behind the figures' back is found.
 */
import type { Ticket } from '../../server/core/tickets/model';
import { foldFigures } from '../../server/core/figures/fold';
import { reconcileFigures } from '../../server/core/figures/reconcile';
import { figureTotalId, TOTAL_SHARD } from '../../server/core/figures/shards';
import { prng } from '../../server/demo/prng';
import { createHarness, requestId, type Harness } from '../scenarios/ticket-world';

const RESIDENTS = ['dev-resident-li', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `dev-resident-wujiayuan-${n}`)];
const CATEGORIES = ['streetLight', 'garbage', 'sanitation', 'roadDamage', 'propertyService'] as const;
const STAFF = 'dev-staff-wujiayuan';

describe('the figures reconciliation', () => {
  let h: Harness;
  let communityId: string;
  beforeAll(async () => {
    h = await createHarness({ now: '2026-06-25T08:00:00+08:00' });
  });
  afterAll(() => h.close());

  const openidOf = async (userId: string) => (await h.deps.store.get('users', userId))!.openid;
  const advance = (minutes: number) =>
    h.clock.set(new Date(h.clock.now().getTime() + minutes * 60_000).toISOString());

  async function step(ticket: Ticket, rand: ReturnType<typeof prng>): Promise<void> {
    const { _id: ticketId, version } = ticket;
    const reporter = await openidOf(ticket.reporterUserId);
    const worker = ticket.assigneeUserId ? h.as(await openidOf(ticket.assigneeUserId)) : null;
    const choice = rand.next();
    switch (ticket.status) {
      case 'assigned':
        if (choice < 0.6 && worker) await worker.call('ticket', 'accept', { ticketId, version });
        else if (choice < 0.7) await h.as(reporter).call('ticket', 'cancel', { ticketId, version });
        else if (choice < 0.78)
          await h.as(STAFF).call('ticket', 'reject', { ticketId, version, reason: '重复' });
        else await reassign(ticket, rand);
        return;
      case 'accepted':
      case 'processing':
        if (choice < 0.25 && worker)
          await worker.call('ticket', 'progress', { ticketId, version, note: '处理中', photos: [] });
        else if (choice < 0.85 && worker)
          await worker.call('ticket', 'resolve', { ticketId, version, note: '已处理', photos: [] });
        else await reassign(ticket, rand);
        return;
      case 'resolved':
        if (choice < 0.6) await h.as(reporter).call('ticket', 'confirm', { ticketId, version });
        else await h.as(reporter).call('ticket', 'reopen', { ticketId, version, reason: '没有修好' });
        return;
      case 'closed':
        if (!ticket.rating)
          await h.as(reporter).call('ticket', 'rate', { ticketId, stars: rand.int(1, 5), comment: '' });
        return;
      default:
        return;
    }
  }

  async function reassign(ticket: Ticket, rand: ReturnType<typeof prng>): Promise<void> {
    const people = await h.as(STAFF).ok('ticket', 'assignees', { ticketId: ticket._id });
    if (people.length === 0) return;
    await h.as(STAFF).call('ticket', 'reassign', {
      ticketId: ticket._id,
      version: ticket.version,
      assigneeUserId: rand.pick(people).userId,
    });
  }

  it('finds zero drift after a randomized run over two months', async () => {
    const rand = prng('figures-reconcile');
    const ids: string[] = [];
    let folds = 0;
    for (let i = 0; i < 260; i++) {
      advance(rand.int(20, 180));
      if (ids.length < 40 && rand.next() < 0.3) {
        const resident = rand.pick(RESIDENTS);
        const [user] = await h.deps.store.find('users', { where: { openid: resident }, limit: 1 });
        const filed = await h.as(resident).call('ticket', 'submit', {
          clientRequestId: requestId(),
          category: rand.pick(CATEGORIES),
          description: '随机运行中的问题',
          photos: [],
          place: { kind: 'household', householdId: user!.householdId! },
        });
        if (filed.ok) ids.push(filed.data.ticketId);
        continue;
      }
      if (rand.next() < 0.08) {
        await h.anonymous('scheduler', 'tick', {});
        continue;
      }
      // The fold, as the tick runs it on one minute in ten: between changes, so later changes land on
      // shards created afresh (and reassignments take counts out of cells that were folded).
      if (rand.next() < 0.05) {
        await foldFigures(h.deps.store, h.clock.now().toISOString());
        folds++;
        continue;
      }
      if (ids.length === 0) continue;
      const ticket = (await h.deps.store.get('tickets', rand.pick(ids)))!;
      await step(ticket, rand);
    }
    const tickets = await h.deps.store.find('tickets', { where: { _id: { in: ids } }, limit: 1000 });
    communityId = tickets[0]!.communityId;
    const statuses = new Set(tickets.map((t) => t.status));
    // The run reached the states the figures distinguish, in both months.
    for (const s of ['closed', 'resolved', 'cancelled', 'processing'] as const) expect(statuses).toContain(s);
    const months = new Set(tickets.map((t) => t.createdAt.slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-06', '2026-07']);

    // Folds happened, and changes came after them: both months have a total and shards beside it.
    expect(folds).toBeGreaterThan(2);
    const docs = await h.deps.store.find('ticketFigures', { where: { communityId }, limit: 100 });
    for (const month of ['2026-06', '2026-07']) {
      expect(docs.some((d) => d._id === figureTotalId(communityId, month))).toBe(true);
    }
    expect(docs.some((d) => d.shard !== TOTAL_SHARD)).toBe(true);

    let counted = 0;
    for (const month of ['2026-06', '2026-07']) {
      const report = await reconcileFigures(h.deps.store, communityId, month);
      expect(report.drift).toEqual([]);
      counted += report.tickets;
    }
    expect(counted).toBe(tickets.filter((t) => t.communityId === communityId).length);
  });

  it('reports a counter changed behind its back', async () => {
    // Any shard holding a grid's counts (some shards may hold only tickets that count nowhere).
    const shards = await h.deps.store.find('ticketFigures', {
      where: { communityId },
      orderBy: [['_id', 'asc']],
    });
    const shard = shards.find((s) => Object.keys(s.grids).length > 0);
    const [gridId, grid] = Object.entries(shard!.grids)[0]!;
    grid.total.received += 1;
    await h.deps.store.update('ticketFigures', shard!._id, { grids: { ...shard!.grids, [gridId]: grid } });
    const report = await reconcileFigures(h.deps.store, communityId, shard!.month);
    expect(report.drift).toEqual([
      expect.objectContaining({
        docId: figureTotalId(communityId, shard!.month),
        path: `grids.${gridId}.total`,
        field: 'received',
      }),
    ]);
    expect(report.drift[0]!.stored).toBe(report.drift[0]!.recomputed + 1);
  });
});
