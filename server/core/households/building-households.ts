/**
 * Staff find a household to look after: a building's households by unit and room, each with its address and
 * how many people are bound to it. Two queries: the households by building, their users by household.
 */
import type { BuildingHouseholdView } from '../../../typings/user';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { addressOf } from './address';
import { householdsOf } from './codes';
import { staffOf } from './staff';

/** Users bound to one building's households at most: CloudBase answers up to 1,000 documents a query. */
const USERS_READ = 1000;

export async function buildingHouseholds(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { communityId: string; buildingId: string },
): Promise<BuildingHouseholdView[]> {
  await staffOf(deps, caller, input.communityId);
  const households = await householdsOf(deps, input);
  const users = households.length
    ? await deps.store.find('users', {
        where: { householdId: { in: households.map((h) => h._id) } },
        limit: USERS_READ,
      })
    : [];
  const members = new Map<string, number>();
  for (const u of users) if (u.householdId) members.set(u.householdId, (members.get(u.householdId) ?? 0) + 1);
  return Promise.all(
    households.map(async (h) => ({
      householdId: h._id,
      address: (await addressOf(deps.store, h)).full,
      unit: h.unit,
      room: h.room,
      members: members.get(h._id) ?? 0,
    })),
  );
}
