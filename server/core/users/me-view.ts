import type { HouseholdSummary, Me } from '../../../typings/user';
import type { Store } from '../ports/store';
import type { User } from './model';

/** The Me response, built from a whitelist of fields: no openid, no phone. */
export async function meView(store: Store, user: User): Promise<Me> {
  return {
    userId: user._id,
    name: user.name,
    roles: user.roles,
    household: user.householdId ? await householdSummary(store, user.householdId) : null,
    createdAt: user.createdAt,
  };
}

export async function householdSummary(store: Store, householdId: string): Promise<HouseholdSummary | null> {
  const household = await store.get('households', householdId);
  if (!household) return null;
  const building = await store.get('buildings', household.buildingId);
  const estate = building ? await store.get('estates', building.estateId) : null;
  const address = [estate?.name, building?.name, household.unit, household.room].filter(Boolean).join(' ');
  return {
    householdId: household._id,
    communityId: household.communityId,
    gridId: household.gridId,
    microGridId: household.microGridId,
    address,
  };
}
