/** Imports the buildings ledger 楼栋台账: each building of an estate registered to a micro-grid. */
import type { Store } from '../../ports/store';
import type { Building, Estate } from '../model';
import { BUILDING_REQUIRED } from './columns';
import { loadCommunityDocs, pair } from './community-docs';
import { RowProblems } from './problems';
import { stableId } from './stable-id';
import { missingHeaders, records, type LedgerTable } from './table';
import { byId, upsertAll, type UpsertCounts } from './upsert';

/**
 * Validates every row, then writes estates and buildings (a dry run only counts); IMPORT.INVALID (nothing
 * written) on any bad row.
 */
export async function importBuildings(
  store: Store,
  communityId: string,
  table: LedgerTable,
  dryRun = false,
): Promise<UpsertCounts> {
  const docs = await loadCommunityDocs(store, communityId);
  const problems = new RowProblems();
  const missing = missingHeaders(table, BUILDING_REQUIRED);
  if (missing.length) problems.add(1, `缺少列：${missing.join('、')}`);
  problems.throwIfAny('行');

  const estates = new Map<string, Estate>();
  const buildings = new Map<string, Building>();
  const seen = new Map<string, number>();
  for (const { row, cells } of records(table)) {
    const estateName = cells['小区'] ?? '';
    const name = cells['楼栋'] ?? '';
    if (!estateName) problems.add(row, '小区 为空');
    if (!name) problems.add(row, '楼栋 为空');
    const grid = docs.gridByName.get(cells['网格'] ?? '');
    if (!grid) problems.add(row, `网格 “${cells['网格'] ?? ''}” 不存在`);
    const microGrid = grid ? docs.microGridByName.get(pair(grid._id, cells['微网格'] ?? '')) : undefined;
    if (grid && !microGrid) problems.add(row, `微网格 “${cells['微网格'] ?? ''}” 不在 ${grid.name} 中`);
    const floors = cells['层数'] ? Number(cells['层数']) : null;
    if (floors !== null && !(Number.isInteger(floors) && floors > 0 && floors < 200))
      problems.add(row, `层数 “${cells['层数']}” 不是正整数`);
    const location = parseLocation(cells['经度'] ?? '', cells['纬度'] ?? '', (reason) =>
      problems.add(row, reason),
    );
    const key = pair(estateName, name);
    const earlier = seen.get(key);
    if (earlier) problems.add(row, `与第 ${earlier} 行重复（${estateName} ${name}）`);
    seen.set(key, row);
    if (!estateName || !name || !grid || !microGrid) continue;

    const estate = docs.estateByName.get(estateName) ??
      estates.get(estateName) ?? {
        _id: stableId('estate', communityId, estateName),
        communityId,
        name: estateName,
      };
    estates.set(estateName, estate);
    const existing = docs.buildingByName.get(pair(estate._id, name));
    const building: Building = {
      ...existing,
      _id: existing?._id ?? stableId('building', estate._id, name),
      communityId,
      estateId: estate._id,
      name,
      gridId: grid._id,
      microGridId: microGrid._id,
      location: location ?? existing?.location ?? null,
      floors: floors ?? existing?.floors ?? null,
    };
    buildings.set(building._id, building);
  }
  problems.throwIfAny('行');

  const estateCounts = await upsertAll(store, 'estates', [...estates.values()], byId(docs.estates), dryRun);
  const counts = await upsertAll(store, 'buildings', [...buildings.values()], byId(docs.buildings), dryRun);
  return { ...counts, created: counts.created + estateCounts.created };
}

function parseLocation(
  lngCell: string,
  latCell: string,
  problem: (reason: string) => void,
): { lat: number; lng: number } | null {
  if (!lngCell && !latCell) return null;
  const lng = Number(lngCell);
  const lat = Number(latCell);
  if (!lngCell || !latCell || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    problem('经度 和 纬度 需同时填写数字');
    return null;
  }
  if (lng >= 3 && lng <= 54 && lat >= 73 && lat <= 136) {
    problem(`经纬度疑似颠倒（经度 ${lng}，纬度 ${lat}）`);
    return null;
  }
  if (lng < 73 || lng > 136 || lat < 3 || lat > 54) {
    problem(`坐标超出中国范围（经度 ${lng}，纬度 ${lat}）`);
    return null;
  }
  return { lat, lng };
}
