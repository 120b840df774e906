/** A household's address in words, whole for its members and staff, with the room masked for a preview. */
import type { Household } from '../grids/model';
import type { Store } from '../ports/store';

export interface HouseholdAddress {
  full: string;
  /** The room masked after its first character: 701 → 7**. */
  masked: string;
}

function maskRoom(room: string): string {
  return room.length <= 1 ? '*' : `${room.slice(0, 1)}${'*'.repeat(room.length - 1)}`;
}

export async function addressOf(store: Store, household: Household): Promise<HouseholdAddress> {
  const building = await store.get('buildings', household.buildingId);
  const estate = building ? await store.get('estates', building.estateId) : null;
  const place = [estate?.name, building?.name, household.unit];
  return {
    full: [...place, household.room].filter(Boolean).join(' '),
    masked: [...place, household.room ? maskRoom(household.room) : ''].filter(Boolean).join(' '),
  };
}
