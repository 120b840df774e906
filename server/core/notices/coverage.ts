/**
 * The coverage dashboard: per micro-grid, per grid and for the community, households reached / households in
 * the audience, and the hourly trend. It reads the notice and its coverage shards — two database operations
 * whatever the number of micro-grids — and never reads receipts.
 */
import type { CoverageCounts, CoverageView, GridCoverage } from '../../../typings/notice';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { loadActor } from '../users/actor';
import { loadNoticeForStaff } from './access';
import { addCounts, countsOf, emptyCounts, MAX_SHARDS, mergedEntries } from './coverage-shards';
import type { CoverageShard, Notice } from './model';

export async function coverageView(deps: Deps, caller: Caller, noticeId: string): Promise<CoverageView> {
  const user = await loadActor(deps.store, caller);
  const notice = await loadNoticeForStaff(deps.store, user, noticeId);
  return coverageOf(deps.store, notice);
}

/** The dashboard of a notice the caller may see. */
export async function coverageOf(store: Store, notice: Notice): Promise<CoverageView> {
  const shards = await store.find('noticeCoverage', { where: { noticeId: notice._id }, limit: MAX_SHARDS });
  const community = emptyCounts();
  const grids = new Map<string, GridCoverage>();
  for (const [microGridId, entry] of mergedEntries(shards)) {
    const counts = countsOf(entry);
    let grid = grids.get(entry.gridId);
    if (!grid) {
      grid = { gridId: entry.gridId, name: entry.gridName, ...emptyCounts(), microGrids: [] };
      grids.set(entry.gridId, grid);
    }
    grid.microGrids.push({ microGridId, name: entry.name, ...counts });
    addCounts(grid, counts);
    addCounts(community, counts);
  }
  const sorted = [...grids.values()].sort((a, b) => a.gridId.localeCompare(b.gridId));
  for (const grid of sorted) grid.microGrids.sort((a, b) => a.microGridId.localeCompare(b.microGridId));
  return {
    noticeId: notice._id,
    title: notice.title,
    state: notice.state,
    publishedAt: notice.publishedAt,
    community,
    grids: sorted,
    trend: trendOf(shards),
  };
}

function trendOf(shards: CoverageShard[]): CoverageView['trend'] {
  const hourly = new Map<string, number>();
  for (const shard of shards)
    for (const [hour, n] of Object.entries(shard.hourly)) hourly.set(hour, (hourly.get(hour) ?? 0) + n);
  let cumulative = 0;
  return [...hourly.keys()].sort().map((hour) => {
    const reached = hourly.get(hour) ?? 0;
    cumulative += reached;
    return { hour: `${hour}:00:00+08:00`, reached, cumulative };
  });
}

/** A sheet of the export: headers, then rows of cells. */
export interface CoverageSheet {
  name: string;
  headers: string[];
  rows: Array<Array<string | number>>;
}

const HEADERS = [
  '网格',
  '微网格',
  '户数',
  '已覆盖户数',
  '覆盖率',
  '已知晓覆盖户',
  '走访覆盖户',
  '已知晓居民',
  '无人在家待复访',
  '走访次数',
];

function rate(c: CoverageCounts): string {
  return c.households ? `${((c.reached / c.households) * 100).toFixed(1)}%` : '—';
}

function row(grid: string, micro: string, c: CoverageCounts): Array<string | number> {
  return [
    grid,
    micro,
    c.households,
    c.reached,
    rate(c),
    c.byReceipt,
    c.byVisit,
    c.confirmedResidents,
    c.nobodyHome,
    c.visits,
  ];
}

/** The dashboard as sheets for Excel: coverage by place (with grid subtotals and the total), and the trend. */
export function coverageSheets(view: CoverageView): CoverageSheet[] {
  const rows: Array<Array<string | number>> = [];
  for (const grid of view.grids) {
    for (const m of grid.microGrids) rows.push(row(grid.name, m.name, m));
    rows.push(row(grid.name, '小计', grid));
  }
  rows.push(row('全社区', '合计', view.community));
  return [
    { name: '覆盖情况', headers: HEADERS, rows },
    {
      name: '覆盖趋势',
      headers: ['时段', '新增覆盖户', '累计覆盖户'],
      rows: view.trend.map((t) => [t.hour.slice(0, 16).replace('T', ' '), t.reached, t.cumulative]),
    },
  ];
}
