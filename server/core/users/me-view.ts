import type { HouseholdSummary, Me, PendingBinding } from '../../../typings/user';
import { addressOf } from '../households/address';
import type { Store } from '../ports/store';
import { streetsOf } from '../street/scope';
import type { User } from './model';

/** The Me response, built from a whitelist of fields: no openid, no phone. */
export async function meView(store: Store, user: User): Promise<Me> {
  return {
    userId: user._id,
    name: user.name,
    roles: user.roles,
    streets: (await streetsOf(store, user._id)).map((s) => ({
      role: 'street',
      streetId: s._id,
      name: s.name,
    })),
    household: user.householdId ? await householdSummary(store, user.householdId) : null,
    pendingBinding: await pendingBindingOf(store, user._id),
    createdAt: user.createdAt,
  };
}

export async function householdSummary(store: Store, householdId: string): Promise<HouseholdSummary | null> {
  const household = await store.get('households', householdId);
  if (!household) return null;
  return {
    householdId: household._id,
    communityId: household.communityId,
    gridId: household.gridId,
    microGridId: household.microGridId,
    address: (await addressOf(store, household)).full,
  };
}

async function pendingBindingOf(store: Store, userId: string): Promise<PendingBinding | null> {
  const [request] = await store.find('bindRequests', { where: { userId, status: 'pending' }, limit: 1 });
  if (!request) return null;
  const household = await store.get('households', request.householdId);
  return {
    requestId: request._id,
    address: household ? (await addressOf(store, household)).masked : '',
    requestedAt: request.requestedAt,
  };
}
