/**
 * The reconciliation: a community-month's figures recomputed from the ticket events — each ticket's facts
 * folded from its events (the same step the transactions run), its contribution put in its cells — and
 * compared, as a month total, with the stored counter documents (folded total + shards) and with the facts
 * kept on each ticket. It reads every ticket and event of the month (a maintenance job, not a page) and reports
 * drift; it writes nothing, because a repair racing live transactions could itself drift (a repair is a later
 * job: stop, recompute, set).
 */
import type { FigureCounts, FigureDrift } from '../../../typings/figures';
import type { FiguresReconcileReport } from '../../../typings/ticket';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import type { TicketEvent } from '../tickets/model';
import { loadActor } from '../users/actor';
import { requireCommunityStaff } from '../users/permissions';
import { counterDefinitions } from './definitions';
import { figureDeltas, monthOf } from './deltas';
import { NO_FACTS, stepFacts } from './facts';
import { monthsBetween } from './read';
import {
  addShard,
  applyIncrements,
  DOCS_PER_MONTH,
  emptyShard,
  figureShardId,
  figureTotalId,
  normalShard,
  SHARDS,
  TOTAL_SHARD,
  type FigureShard,
} from './shards';

const PAGE = 500;

/** The action: staff of the community only. */
export async function reconcileFiguresFor(
  deps: Deps,
  caller: Caller,
  input: { communityId: string; month: string },
): Promise<FiguresReconcileReport> {
  const user = await loadActor(deps.store, caller);
  requireCommunityStaff(user, input.communityId);
  monthsBetween(input.month, input.month);
  return reconcileFigures(deps.store, input.communityId, input.month);
}

export async function reconcileFigures(
  store: Store,
  communityId: string,
  month: string,
): Promise<FiguresReconcileReport> {
  const start = `${month}-01T00:00:00+08:00`;
  const at = start;
  const expected = new Map<string, FigureShard>();
  for (let s = 0; s < SHARDS; s++)
    expected.set(figureShardId(communityId, month, s), emptyShard(communityId, month, s, at));
  const drift: FigureDrift[] = [];
  let tickets = 0;
  for (let skip = 0; ; skip += PAGE) {
    const page = await store.find('tickets', {
      where: { communityId, createdAt: { gte: start } },
      orderBy: [['createdAt', 'asc']],
      limit: PAGE,
      skip,
    });
    const inMonth = page.filter((t) => monthOf(t.createdAt) === month);
    const events = await eventsOf(
      store,
      inMonth.map((t) => t._id),
    );
    for (const ticket of inMonth) {
      tickets++;
      const facts = (events.get(ticket._id) ?? []).reduce(stepFacts, NO_FACTS);
      if (JSON.stringify(facts) !== JSON.stringify(ticket.figures ?? NO_FACTS))
        drift.push({ docId: ticket._id, path: 'ticket', field: 'figures', stored: 0, recomputed: 1 });
      for (const inc of figureDeltas(null, { ...ticket, figures: facts })) {
        const shard = expected.get(inc.docId)!;
        expected.set(inc.docId, applyIncrements(shard, [inc], at));
      }
    }
    if (page.length < PAGE || inMonth.length < page.length) break;
  }
  // Compared as month totals: the fold moves counts between a month's shards and its total document, so only
  // their sum is the month's truth (and what a read adds up).
  const stored = await store.find('ticketFigures', { where: { communityId, month }, limit: DOCS_PER_MONTH });
  const totalId = figureTotalId(communityId, month);
  const sum = (docs: FigureShard[]) =>
    docs.reduce(
      (acc, doc) => addShard(acc, normalShard(doc), at),
      emptyShard(communityId, month, TOTAL_SHARD, at),
    );
  drift.push(...compareShard(totalId, sum(stored), sum([...expected.values()])));
  return { tickets, drift };
}

async function eventsOf(store: Store, ticketIds: string[]): Promise<Map<string, TicketEvent[]>> {
  const out = new Map<string, TicketEvent[]>();
  for (let i = 0; i < ticketIds.length; i += 100) {
    const ids = ticketIds.slice(i, i + 100);
    for (let skip = 0; ; skip += 1000) {
      const page = await store.find('ticketEvents', {
        where: { ticketId: { in: ids } },
        orderBy: [
          ['ticketId', 'asc'],
          ['seq', 'asc'],
        ],
        limit: 1000,
        skip,
      });
      for (const e of page) out.set(e.ticketId, [...(out.get(e.ticketId) ?? []), e]);
      if (page.length < 1000) break;
    }
  }
  return out;
}

/** Every counter that differs between the stored and the recomputed document, as flat paths. */
function compareShard(docId: string, stored: FigureShard | undefined, want: FigureShard): FigureDrift[] {
  const a = flatten(stored?.grids ?? {});
  const b = flatten(want.grids);
  const out: FigureDrift[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const s = a.get(path) ?? 0;
    const r = b.get(path) ?? 0;
    if (s !== r) {
      const cut = path.lastIndexOf('.');
      out.push({ docId, path: path.slice(0, cut), field: path.slice(cut + 1), stored: s, recomputed: r });
    }
  }
  return out;
}

function flatten(grids: FigureShard['grids']): Map<string, number> {
  const out = new Map<string, number>();
  const put = (prefix: string, counts: FigureCounts) => {
    for (const { field } of counterDefinitions) {
      const v = counts[field];
      if (Array.isArray(v)) v.forEach((n, i) => n && out.set(`${prefix}.${field}[${i}]`, n));
      else if (v) out.set(`${prefix}.${field}`, v);
    }
  };
  for (const [gridId, grid] of Object.entries(grids)) {
    put(`grids.${gridId}.total`, grid.total);
    for (const [k, c] of Object.entries(grid.microGrids)) put(`grids.${gridId}.microGrids.${k}`, c);
    for (const [k, c] of Object.entries(grid.workers)) put(`grids.${gridId}.workers.${k}`, c);
    for (const [k, c] of Object.entries(grid.categories)) put(`grids.${gridId}.categories.${k}`, c);
  }
  return out;
}
