/** The caller as staff (or secretary) of the community, or AUTH.FORBIDDEN. */
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import { requireCommunityStaff } from '../users/permissions';

export async function staffOf(deps: Pick<Deps, 'store'>, caller: Caller, communityId: string): Promise<User> {
  const actor = await loadActor(deps.store, caller);
  requireCommunityStaff(actor, communityId);
  return actor;
}
