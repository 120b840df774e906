/**
 * 街道考核 (issue 11 item 4): the street office's communities side by side, ranked by a rate. It reads the
 * communities' figure counters — one query of communities × months × SHARDS counter documents, the same read
 * as a community's figures — and keeps only each grid's total: it never reads a ticket, so its cost does not
 * grow with tickets. Rates are the README's definitions (server/core/figures/definitions.ts), nothing new.
 */
import type {
  FigureCounts,
  RankedFigureId,
  StreetFigureRow,
  StreetFiguresRequest,
  StreetFiguresView,
} from '../../../typings/figures';
import { addCounts, emptyCounts, figureDefinitions, valuesOf } from '../figures/definitions';
import { monthsBetween } from '../figures/read';
import { normalShard, SHARDS } from '../figures/shards';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { requireStreetOffice } from './scope';

/** The ranked rates, in the page's order; 返工率 and 延期率 are better when lower. */
export const rankedRates: ReadonlyArray<{ id: RankedFigureId; higherIsBetter: boolean }> = [
  { id: 'responseRate', higherIsBetter: true },
  { id: 'resolutionRate', higherIsBetter: true },
  { id: 'onTimeCloseRate', higherIsBetter: true },
  { id: 'satisfactionRate', higherIsBetter: true },
  { id: 'reworkRate', higherIsBetter: false },
  { id: 'extensionRate', higherIsBetter: false },
];

/**
 * Competition ranks (1, 2, 2, 4) of the rows by one rate, best first; a row without the rate (0/0) gets null.
 */
export function ranksBy(
  rows: ReadonlyArray<Pick<StreetFigureRow, 'communityId' | 'values'>>,
  rate: { id: RankedFigureId; higherIsBetter: boolean },
): Map<string, number | null> {
  const valued = rows.filter((r) => r.values[rate.id] !== null);
  const better = (a: number, b: number) => (rate.higherIsBetter ? b - a : a - b);
  const sorted = [...valued].sort((a, b) => better(a.values[rate.id]!, b.values[rate.id]!));
  const ranks = new Map<string, number | null>(rows.map((r) => [r.communityId, null]));
  sorted.forEach((r, i) => {
    const previous = sorted[i - 1];
    const tied = previous && previous.values[rate.id] === r.values[rate.id];
    ranks.set(r.communityId, tied ? ranks.get(previous.communityId)! : i + 1);
  });
  return ranks;
}

/** The caller's street's communities with their figures over the months, ordered by `rankBy`. */
export async function streetFigures(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: StreetFiguresRequest,
): Promise<StreetFiguresView> {
  const { store } = deps;
  const street = await requireStreetOffice(deps, caller, input.streetId);
  const months = monthsBetween(input.fromMonth, input.toMonth);
  const rankBy = input.rankBy ?? 'responseRate';
  const communities = await store.find('communities', {
    where: { streetId: street._id },
    orderBy: [['_id', 'asc']],
  });
  const ids = communities.map((c) => c._id);
  const shards = ids.length
    ? await store.find('ticketFigures', {
        where: { communityId: { in: ids }, month: { in: months } },
        limit: ids.length * months.length * SHARDS,
      })
    : [];
  const totals = new Map<string, FigureCounts>(ids.map((id) => [id, emptyCounts()]));
  // As read.ts does: a cell an increment created holds only the counters it moved.
  for (const shard of shards.map(normalShard))
    for (const grid of Object.values(shard.grids)) addCounts(totals.get(shard.communityId)!, grid.total);
  const rows: StreetFigureRow[] = communities.map((c) => {
    const counts = totals.get(c._id)!;
    return {
      communityId: c._id,
      name: c.name,
      counts,
      values: valuesOf(counts),
      ranks: {} as StreetFigureRow['ranks'],
    };
  });
  for (const rate of rankedRates) {
    const ranks = ranksBy(rows, rate);
    for (const r of rows) r.ranks[rate.id] = ranks.get(r.communityId)!;
  }
  const order = (r: StreetFigureRow) => r.ranks[rankBy] ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'zh'));
  const labelOf = new Map(figureDefinitions.map((d) => [d.id, d.label]));
  return {
    streetId: street._id,
    name: street.name,
    months,
    rankBy,
    rates: rankedRates.map((r) => ({ ...r, label: labelOf.get(r.id)! })),
    rows,
  };
}
