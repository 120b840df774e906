/**
 * Staff see a household's members, remove one, or bind a user themselves (a household with no phone-owning
 * member, a resident who cannot scan). Staff act only on users of their own community or of none yet: a
 * user who holds a role or a household elsewhere is that community's to move.
 */
import type { HouseholdMemberView } from '../../../typings/user';
import { AppError } from '../errors';
import type { Household } from '../grids/model';
import { maskPhone } from '../grids/roster';
import { queueNotification } from '../notifications/outbox';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import type { User } from '../users/model';
import { loadActor } from '../users/actor';
import { communitiesOf, isCommunityStaff } from '../users/permissions';
import { addressOf } from './address';
import { writeBinding, writeUnbinding } from './binding';
import { boundByStaffNotice, removedNotice } from './notify';
import { staffOf } from './staff';

type MemberDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

async function householdOf(store: Store, communityId: string, householdId: string): Promise<Household> {
  const household = await store.get('households', householdId);
  if (!household || household.communityId !== communityId) throw new AppError('HOUSEHOLD.NOT_FOUND');
  return household;
}

async function membersOf(store: Store, householdId: string): Promise<HouseholdMemberView[]> {
  const users = await store.find('users', { where: { householdId } });
  return users
    .map((u) => ({ userId: u._id, name: u.name, phone: maskPhone(u.phone) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

export async function householdMembers(
  deps: MemberDeps,
  caller: Caller,
  input: { communityId: string; householdId: string },
): Promise<HouseholdMemberView[]> {
  await staffOf(deps, caller, input.communityId);
  await householdOf(deps.store, input.communityId, input.householdId);
  return membersOf(deps.store, input.householdId);
}

export async function removeHouseholdMember(
  deps: MemberDeps,
  caller: Caller,
  input: { communityId: string; householdId: string; userId: string },
): Promise<HouseholdMemberView[]> {
  const { store } = deps;
  await staffOf(deps, caller, input.communityId);
  const household = await householdOf(store, input.communityId, input.householdId);
  const address = (await addressOf(store, household)).full;
  const now = deps.clock.now();
  await store.transaction(async (tx) => {
    const user = await tx.get('users', input.userId);
    if (!user || user.householdId !== household._id) throw new AppError('HOUSEHOLD.NOT_MEMBER');
    await writeUnbinding(tx, now, user, household);
    await queueNotification(tx, deps.ids, now, removedNotice(user._id, household.communityId, address));
  });
  return membersOf(store, household._id);
}

/** Whether staff of `communityId` may move this user: all their roles and their household are here, or none. */
export async function movableBy(store: Store, user: User, communityId: string): Promise<boolean> {
  if (communitiesOf(user).some((c) => c !== communityId)) return false;
  if (!user.householdId) return true;
  const current = await store.get('households', user.householdId);
  return !current || current.communityId === communityId;
}

export async function bindUser(
  deps: MemberDeps,
  caller: Caller,
  input: { userId: string; householdId: string },
): Promise<HouseholdMemberView[]> {
  const { store } = deps;
  const actor = await loadActor(store, caller);
  const household = await store.get('households', input.householdId);
  // Another community's household is not theirs to know of.
  if (!household || !isCommunityStaff(actor, household.communityId))
    throw new AppError('HOUSEHOLD.NOT_FOUND');
  const target = await store.get('users', input.userId);
  if (!target) throw new AppError('USER.NOT_FOUND');
  if (!(await movableBy(store, target, household.communityId)))
    throw new AppError('HOUSEHOLD.USER_OTHER_COMMUNITY');
  const address = (await addressOf(store, household)).full;
  const now = deps.clock.now();
  await store.transaction(async (tx) => {
    await writeBinding(tx, now, target._id, household, null);
    await queueNotification(
      tx,
      deps.ids,
      now,
      boundByStaffNotice(target._id, household.communityId, address),
    );
  });
  return membersOf(store, household._id);
}
