/**
 * The figures read: the counter documents of the scopes' communities and months — one query of at most
 * communities × months × DOCS_PER_MONTH documents (each month's folded total and the shards not yet folded) — summed into the breakdowns, plus the names of grids and
 * micro-grids. It never reads a ticket, so it costs the same at 1,000 and at 1,000,000 tickets.
 */
import type {
  FigureBreakdown,
  FigureCounts,
  FigureRow,
  FigureScope,
  FiguresRequest,
  FiguresView,
} from '../../../typings/figures';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { categoryLabel } from '../tickets/categories';
import type { TicketCategory } from '../../../typings/ticket';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { isCommunityStaff } from '../users/permissions';
import { overseesCommunity } from '../street/scope';
import { addCounts, emptyCounts, figureDefinitions, valuesOf } from './definitions';
import { DOCS_PER_MONTH, NONE, normalShard, type FigureShard, type GridFigures } from './shards';

const MAX_MONTHS = 12;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months from..to inclusive; FIGURES.RANGE_INVALID past 12 or reversed. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  if (!MONTH.test(fromMonth) || !MONTH.test(toMonth) || fromMonth > toMonth)
    throw new AppError('FIGURES.RANGE_INVALID');
  const months: string[] = [];
  let [year, month] = fromMonth.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key === toMonth) return months;
    if (months.length >= MAX_MONTHS) throw new AppError('FIGURES.RANGE_INVALID');
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/**
 * The scope the caller may read for the request: staff and the secretary their community or any grid of it,
 * as do the officers of the community's street office (街道); a leader their own grid. AUTH.FORBIDDEN otherwise.
 */
export async function scopeFor(
  store: Store,
  user: User,
  req: Pick<FiguresRequest, 'communityId' | 'gridId'>,
): Promise<FigureScope> {
  const whole = (): FigureScope =>
    req.gridId
      ? { kind: 'grid', communityId: req.communityId, gridId: req.gridId }
      : { kind: 'community', communityId: req.communityId };
  if (isCommunityStaff(user, req.communityId)) return whole();
  const leads = user.roles.some(
    (g) => g.role === 'leader' && g.communityId === req.communityId && g.gridId === req.gridId,
  );
  if (req.gridId && leads) return { kind: 'grid', communityId: req.communityId, gridId: req.gridId };
  if (await overseesCommunity(store, user._id, req.communityId)) return whole();
  throw new AppError('AUTH.FORBIDDEN');
}

/** The action: who → scope → counters. */
export async function figuresFor(deps: Deps, caller: Caller, req: FiguresRequest): Promise<FiguresView> {
  const user = await loadActor(deps.store, caller);
  const months = monthsBetween(req.fromMonth, req.toMonth);
  return readFigures(deps.store, [await scopeFor(deps.store, user, req)], months);
}

/** The figures of the scopes (already authorised) over the months. */
export async function readFigures(
  store: Store,
  scopes: FigureScope[],
  months: string[],
): Promise<FiguresView> {
  const communityIds = [...new Set(scopes.map((s) => s.communityId))];
  const shards = (
    await store.find('ticketFigures', {
      where: { communityId: { in: communityIds }, month: { in: months } },
      limit: communityIds.length * months.length * DOCS_PER_MONTH,
    })
  ).map(normalShard);
  const [grids, microGrids] = await Promise.all([
    store.find('grids', { where: { communityId: { in: communityIds } }, limit: 1000 }),
    store.find('microGrids', { where: { communityId: { in: communityIds } }, limit: 1000 }),
  ]);
  const names = new Map<string, string>([
    ...grids.map((g) => [g._id, g.name] as const),
    ...microGrids.map((m) => [m._id, m.name] as const),
  ]);
  const acc: Record<FigureBreakdown, Map<string, FigureCounts>> = {
    community: new Map(),
    grid: new Map(),
    microGrid: new Map(),
    worker: new Map(),
    category: new Map(),
  };
  const workerNames = new Map<string, string>();
  for (const shard of shards)
    for (const [gridId, grid] of Object.entries(shard.grids)) {
      if (!inScope(scopes, shard, gridId)) continue;
      addCell(acc.community, shard.communityId, grid.total);
      addCell(acc.grid, gridId, grid.total);
      addAll(acc, grid);
      for (const [id, name] of Object.entries(shard.workerNames)) workerNames.set(id, name);
    }
  const communities = await communityNames(store, communityIds);
  const label = (breakdown: FigureBreakdown, key: string): string => {
    if (key === NONE) return breakdown === 'worker' ? '未分派' : '未定位';
    if (breakdown === 'community') return communities.get(key) ?? key;
    if (breakdown === 'worker') return workerNames.get(key) ?? key;
    if (breakdown === 'category') return categoryLabel(key as TicketCategory);
    return names.get(key) ?? key;
  };
  const rowsOf = (breakdown: FigureBreakdown): FigureRow[] =>
    [...acc[breakdown].entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, counts]) => ({ key, label: label(breakdown, key), counts, values: valuesOf(counts) }));
  return {
    months,
    breakdowns: {
      community: rowsOf('community'),
      grid: rowsOf('grid'),
      microGrid: rowsOf('microGrid'),
      worker: rowsOf('worker'),
      category: rowsOf('category'),
    },
    columns: figureDefinitions.map(({ id, label, unit }) => ({ id, label, unit })),
  };
}

function inScope(scopes: FigureScope[], shard: FigureShard, gridId: string): boolean {
  return scopes.some(
    (s) => s.communityId === shard.communityId && (s.kind === 'community' || s.gridId === gridId),
  );
}

function addCell(map: Map<string, FigureCounts>, key: string, counts: FigureCounts): void {
  let cell = map.get(key);
  if (!cell) map.set(key, (cell = emptyCounts()));
  addCounts(cell, counts);
}

function addAll(acc: Record<FigureBreakdown, Map<string, FigureCounts>>, grid: GridFigures): void {
  for (const [key, counts] of Object.entries(grid.microGrids)) addCell(acc.microGrid, key, counts);
  for (const [key, counts] of Object.entries(grid.workers)) addCell(acc.worker, key, counts);
  for (const [key, counts] of Object.entries(grid.categories)) addCell(acc.category, key, counts);
}

async function communityNames(store: Store, ids: string[]): Promise<Map<string, string>> {
  const found = await store.find('communities', { where: { _id: { in: ids } }, limit: ids.length });
  return new Map(found.map((c) => [c._id, c.name]));
}
