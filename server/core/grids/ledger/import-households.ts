/** Imports the households ledger 住户台账: unit and room in a building, with tags notices can target. */
import type { Store } from '../../ports/store';
import type { Household, HouseholdTag } from '../model';
import { HOUSEHOLD_REQUIRED, splitList, tagByLabel } from './columns';
import { loadCommunityDocs, loadHouseholds, pair } from './community-docs';
import { RowProblems } from './problems';
import { stableId } from './stable-id';
import { missingHeaders, records, type LedgerTable } from './table';
import { upsertAll, type UpsertCounts } from './upsert';

/** Validates every row, then writes households (a dry run only counts); IMPORT.INVALID (nothing written) on any bad row. */
export async function importHouseholds(
  store: Store,
  communityId: string,
  table: LedgerTable,
  dryRun = false,
): Promise<UpsertCounts> {
  const [docs, existing] = await Promise.all([
    loadCommunityDocs(store, communityId),
    loadHouseholds(store, communityId),
  ]);
  const problems = new RowProblems();
  const missing = missingHeaders(table, HOUSEHOLD_REQUIRED);
  if (missing.length) problems.add(1, `缺少列：${missing.join('、')}`);
  problems.throwIfAny('行');

  const existingByKey = new Map(existing.map((h) => [`${h.buildingId}\u0000${h.unit}\u0000${h.room}`, h]));
  const households = new Map<string, Household>();
  const seen = new Map<string, number>();
  for (const { row, cells } of records(table)) {
    const estate = docs.estateByName.get(cells['小区'] ?? '');
    if (!estate) problems.add(row, `小区 “${cells['小区'] ?? ''}” 不存在（请先导入楼栋台账）`);
    const building = estate ? docs.buildingByName.get(pair(estate._id, cells['楼栋'] ?? '')) : undefined;
    if (estate && !building) problems.add(row, `楼栋 “${cells['楼栋'] ?? ''}” 不在 ${estate.name} 中`);
    const unit = cells['单元'] ?? '';
    const room = cells['房号'] ?? '';
    if (!room) problems.add(row, '房号 为空');
    const tags: HouseholdTag[] = [];
    for (const label of splitList(cells['标签'] ?? '')) {
      const tag = tagByLabel[label];
      if (tag) tags.push(tag);
      else problems.add(row, `标签 “${label}” 不认识（可用：${Object.keys(tagByLabel).join('、')}）`);
    }
    if (!building || !room) continue;
    const key = `${building._id}\u0000${unit}\u0000${room}`;
    const earlier = seen.get(key);
    if (earlier) problems.add(row, `与第 ${earlier} 行是同一户`);
    seen.set(key, row);

    const before = existingByKey.get(key);
    const household: Household = {
      ...before,
      _id: before?._id ?? stableId('household', building._id, unit, room),
      communityId,
      gridId: building.gridId,
      microGridId: building.microGridId,
      buildingId: building._id,
      unit,
      room,
      tags: [...new Set(tags)],
    };
    households.set(household._id, household);
  }
  problems.throwIfAny('行');
  return upsertAll(
    store,
    'households',
    [...households.values()],
    new Map(existing.map((h) => [h._id, h])),
    dryRun,
  );
}
