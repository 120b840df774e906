/** The places field work is done at: a building in words, and the worker who gets a micro-grid's due items. */
import type { Building } from '../grids/model';
import type { Store } from '../ports/store';
import { assignWithin } from '../routing/assign';

/** 六四一三小区 2号楼 */
export async function buildingText(store: Store, building: Building): Promise<string> {
  const estate = await store.get('estates', building.estateId);
  return [estate?.name, building.name].filter(Boolean).join(' ');
}

/** The micro-grid's on-duty primary worker, else as routing assigns inside the grid (assign.ts). */
export async function fieldAssignee(
  store: Store,
  place: { gridId: string; microGridId: string },
): Promise<string | null> {
  return (await assignWithin(store, place)).assigneeUserId;
}

/** 六四一三小区 2号楼 1单元 701 */
export async function householdText(
  store: Store,
  household: { buildingId: string; unit: string; room: string },
): Promise<string> {
  const building = await store.get('buildings', household.buildingId);
  return [building ? await buildingText(store, building) : '', household.unit, household.room]
    .filter(Boolean)
    .join(' ');
}
