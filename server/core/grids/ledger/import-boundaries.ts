/**
 * Imports grid and micro-grid boundaries from a GeoJSON FeatureCollection (the format: docs/import-format.md,
 * example examples/grid-map.geojson). Each feature's properties say what it is (English or Chinese keys):
 *   level 层级: 'grid' 网格 | 'microGrid' 微网格 (default: microGrid when a micro-grid name is given)
 *   grid 网格: the grid's name · microGrid 微网格: the micro-grid's name
 *   kind 类型: 'community' 社区网格 | 'exclusive' 专属网格 — a grid's; on a micro-grid it must match its grid's
 *   unitName 单位 · sort 排序 · code 编码: the 15-digit unit-grid code of GB/T 30428.1
 * Coordinates are WGS84 as RFC 7946 says, converted to the stored GCJ-02, unless the caller says the file is
 * GCJ-02. Grids and micro-grids are matched by name within the community (then by a stable id), so
 * re-importing the same file changes nothing. A micro-grid's grid must be in the file or already exist.
 */
import type { Store } from '../../ports/store';
import { checkBoundary } from '../boundary-check';
import { sameBoundary, toStorage, type CoordinateSystem } from '../coordinates';
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

export interface BoundaryOptions {
  /** What the file's coordinates are in (default WGS84, RFC 7946). */
  coordinateSystem?: CoordinateSystem;
  /** The community's 12-digit code prefix (area + street + community) that unit-grid codes must start with. */
  codePrefix?: string | null;
}

/** What a valid file says: every grid and micro-grid it names, as documents to write. */
export interface BoundaryPlan {
  grids: Grid[];
  microGrids: MicroGrid[];
  docs: Awaited<ReturnType<typeof loadCommunityDocs>>;
}

const CODE = /^\d{15}$/;

/** Validates every feature, then writes grids and micro-grids; IMPORT.INVALID (nothing written) on any bad one. */
export async function importBoundaries(
  store: Store,
  communityId: string,
  geojson: unknown,
  options: BoundaryOptions = {},
): Promise<UpsertCounts> {
  const plan = await planBoundaries(store, communityId, geojson, options);
  return writeBoundaries(store, plan);
}

/** Writes a plan: upserts, documents already as the file says untouched. */
export async function writeBoundaries(store: Store, plan: BoundaryPlan): Promise<UpsertCounts> {
  const g = await upsertAll(store, 'grids', plan.grids, byId(plan.docs.grids));
  const m = await upsertAll(store, 'microGrids', plan.microGrids, byId(plan.docs.microGrids));
  return {
    created: g.created + m.created,
    updated: g.updated + m.updated,
    unchanged: g.unchanged + m.unchanged,
  };
}

/** Validates every feature and builds the documents; IMPORT.INVALID on any bad one. Writes nothing. */
export async function planBoundaries(
  store: Store,
  communityId: string,
  geojson: unknown,
  options: BoundaryOptions = {},
): Promise<BoundaryPlan> {
  const declared = (geojson as { coordinateSystem?: unknown } | null)?.coordinateSystem;
  const from: CoordinateSystem = options.coordinateSystem ?? (declared === 'gcj02' ? 'gcj02' : 'wgs84');
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
    kindText: string;
    code: string;
  }> = [];
  const codeRow = new Map<string, number>();
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
    const code = text(p, 'code', '编码');
    if (code && !CODE.test(code)) report(`编码 “${code}” 应为 15 位数字（GB/T 30428.1 单元网格编码）`);
    else if (code && options.codePrefix && !code.startsWith(options.codePrefix))
      report(`编码 ${code} 不属于本社区（本社区的编码以 ${options.codePrefix} 开头）`);
    else if (code && codeRow.has(code)) report(`编码 ${code} 与第 ${codeRow.get(code)} 个要素重复`);
    if (code) codeRow.set(code, n);
    const checked = checkBoundary(feature?.geometry);
    checked.problems.forEach(report);
    if (!gridName || !name || !checked.boundary) return;
    const stored = toStorage(checked.boundary, from);

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
        boundary: sameBoundary(before?.boundary ?? null, stored) ? before!.boundary : stored,
        sort: sort ?? before?.sort ?? n,
        ...(code || before?.code ? { code: code || before?.code } : {}),
        // Named in the file again: a retired grid comes back.
        ...(before?.retiredAt ? { retiredAt: null } : {}),
      });
    } else {
      microInputs.push({ n, gridName, name, sort, boundary: stored, kindText, code });
    }
  });

  const microGrids = new Map<string, MicroGrid>();
  for (const m of microInputs) {
    const grid = grids.get(m.gridName) ?? docs.gridByName.get(m.gridName);
    if (!grid) {
      problems.add(m.n, `（${m.gridName}-${m.name}）网格 “${m.gridName}” 不存在，也不在本文件中`);
      continue;
    }
    if (m.kindText && KIND[m.kindText] && KIND[m.kindText] !== grid.kind) {
      problems.add(
        m.n,
        `（${m.gridName}-${m.name}）微网格的类型 “${m.kindText}” 与所属网格不一致：类型只写在网格上，微网格随所属网格`,
      );
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
      boundary: sameBoundary(before?.boundary ?? null, m.boundary) ? before!.boundary : m.boundary,
      sort: m.sort ?? before?.sort ?? m.n,
      ...(m.code || before?.code ? { code: m.code || before?.code } : {}),
      ...(before?.retiredAt ? { retiredAt: null } : {}),
    });
  }
  problems.throwIfAny('个要素');
  return { grids: [...grids.values()], microGrids: [...microGrids.values()], docs };
}
