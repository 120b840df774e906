/**
 * Imports grid and micro-grid boundaries from a GeoJSON FeatureCollection. Each feature's properties say what
 * it is (English keys or the Chinese ones in brackets):
 *   level 层级: 'grid' 网格 | 'microGrid' 微网格 (default: microGrid when a micro-grid name is given)
 *   grid 网格: the grid's name · microGrid 微网格: the micro-grid's name
 *   kind 类型: 'community' 社区网格 | 'exclusive' 专属网格 (grids) · unitName 单位 · sort 排序
 * Grids and micro-grids are matched by name within the community (then by a stable id), so re-importing the
 * same file changes nothing. A micro-grid's grid must be in the file or already exist.
 */
import type { Store } from '../../ports/store';
import { checkBoundary } from '../boundary-check';
import type { Boundary, Grid, GridKind, MicroGrid } from '../model';
import { loadCommunityDocs, pair } from './community-docs';
import { RowProblems } from './problems';
import { stableId } from './stable-id';
import { byId, upsertAll, type UpsertCounts } from './upsert';

type Props = Record<string, unknown>;

const text = (p: Props, ...keys: string[]) => {
  for (const k of keys) {
    const v = p[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return '';
};

const KIND: Record<string, GridKind> = {
  community: 'community',
  社区网格: 'community',
  exclusive: 'exclusive',
  专属网格: 'exclusive',
};
const LEVEL: Record<string, 'grid' | 'microGrid'> = {
  grid: 'grid',
  网格: 'grid',
  microGrid: 'microGrid',
  微网格: 'microGrid',
};

/** Validates every feature, then writes grids and micro-grids; IMPORT.INVALID (nothing written) on any bad one. */
export async function importBoundaries(
  store: Store,
  communityId: string,
  geojson: unknown,
): Promise<UpsertCounts> {
  const problems = new RowProblems();
  const collection = geojson as { type?: unknown; features?: unknown } | null;
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    problems.add(0, '文件必须是 GeoJSON FeatureCollection');
    problems.throwIfAny('个要素');
  }
  const features = (collection as { features: Array<{ properties?: Props | null; geometry?: unknown }> })
    .features;
  const docs = await loadCommunityDocs(store, communityId);

  const grids = new Map<string, Grid>();
  const gridRow = new Map<string, number>();
  const microInputs: Array<{
    n: number;
    gridName: string;
    name: string;
    sort: number | null;
    boundary: Boundary;
  }> = [];
  features.forEach((feature, i) => {
    const n = i + 1;
    const p: Props = feature?.properties ?? {};
    const microName = text(p, 'microGrid', '微网格');
    const level = LEVEL[text(p, 'level', '层级')] ?? (microName ? 'microGrid' : 'grid');
    const gridName = text(p, 'grid', '网格', ...(level === 'grid' ? ['name', '名称'] : []));
    const name = level === 'microGrid' ? microName || text(p, 'name', '名称') : gridName;
    const sortText = text(p, 'sort', '排序');
    const sort = sortText ? Number(sortText) : null;
    const label = name ? `（${gridName}${level === 'microGrid' ? `-${name}` : ''}）` : '';
    const report = (reason: string) => problems.add(n, `${label}${reason}`);
    if (!gridName) report('缺少网格名称（properties.grid 或 网格）');
    if (level === 'microGrid' && !name) report('缺少微网格名称（properties.microGrid 或 微网格）');
    if (sortText && !Number.isFinite(sort)) report(`排序 “${sortText}” 不是数字`);
    const kindText = text(p, 'kind', '类型');
    if (kindText && !KIND[kindText]) report(`类型 “${kindText}” 应为 社区网格 或 专属网格`);
    const checked = checkBoundary(feature?.geometry);
    checked.problems.forEach(report);
    if (!gridName || !name || !checked.boundary) return;

    if (level === 'grid') {
      if (gridRow.has(gridName)) report(`与第 ${gridRow.get(gridName)} 个要素是同一网格`);
      gridRow.set(gridName, n);
      const before = docs.gridByName.get(gridName);
      const kind = KIND[kindText] ?? before?.kind ?? 'community';
      grids.set(gridName, {
        ...before,
        _id: before?._id ?? stableId('grid', communityId, gridName),
        communityId,
        name: gridName,
        kind,
        unitName: kind === 'exclusive' ? text(p, 'unitName', '单位') || before?.unitName || gridName : null,
        boundary: checked.boundary,
        sort: sort ?? before?.sort ?? n,
      });
    } else {
      microInputs.push({ n, gridName, name, sort, boundary: checked.boundary });
    }
  });

  const microGrids = new Map<string, MicroGrid>();
  for (const m of microInputs) {
    const grid = grids.get(m.gridName) ?? docs.gridByName.get(m.gridName);
    if (!grid) {
      problems.add(m.n, `（${m.gridName}-${m.name}）网格 “${m.gridName}” 不存在，也不在本文件中`);
      continue;
    }
    const before = docs.microGridByName.get(pair(grid._id, m.name));
    const id = before?._id ?? stableId('microGrid', grid._id, m.name);
    if (microGrids.has(id)) problems.add(m.n, `（${m.gridName}-${m.name}）与前面的要素是同一微网格`);
    microGrids.set(id, {
      ...before,
      _id: id,
      communityId,
      gridId: grid._id,
      name: m.name,
      boundary: m.boundary,
      sort: m.sort ?? before?.sort ?? m.n,
    });
  }
  problems.throwIfAny('个要素');

  const g = await upsertAll(store, 'grids', [...grids.values()], byId(docs.grids));
  const m = await upsertAll(store, 'microGrids', [...microGrids.values()], byId(docs.microGrids));
  return {
    created: g.created + m.created,
    updated: g.updated + m.updated,
    unchanged: g.unchanged + m.unchanged,
  };
}
