/**
 * The street office's scope: the communities of the streets whose office the caller works in. The workbench
 * and the figures call `streetScope` to widen a street officer's view to every community of the street.
 */
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import type { Community } from '../grids/model';
import { loadActor } from '../users/actor';
import type { User } from '../users/model';
import type { Street } from './model';

/** The streets whose office the user works in. */
export function streetsOf(store: Store, userId: string): Promise<Street[]> {
  return store.find('streets', { where: { officerUserIds: { has: userId } }, orderBy: [['_id', 'asc']] });
}

/** Whether the user works in the office of the street that owns the community. */
export async function isStreetOfficeOf(
  store: Store,
  userId: string,
  community: Pick<Community, 'streetId'>,
): Promise<boolean> {
  if (!community.streetId) return false;
  const street = await store.get('streets', community.streetId);
  return !!street && street.officerUserIds.includes(userId);
}

/** The caller's street (the one named, or their only one); STREET.NOT_FOUND when they work in none. */
export async function requireStreetOffice(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  streetId?: string,
): Promise<Street> {
  return (await requireOfficer(deps, caller, streetId)).street;
}

/** requireStreetOffice, with the officer too (the office's own actions say who acted, and who "self" is). */
export async function requireOfficer(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  streetId?: string,
): Promise<{ actor: User; street: Street }> {
  const actor = await loadActor(deps.store, caller);
  const streets = await streetsOf(deps.store, actor._id);
  const street = streetId ? streets.find((s) => s._id === streetId) : streets[0];
  if (!street) throw new AppError('STREET.NOT_FOUND');
  return { actor, street };
}

/**
 * The communities a street officer oversees: every community of every street whose office they work in;
 * [] for anyone else. For the workbench and figures scopes (issue 11 items 1 and 2).
 */
export async function streetScope(deps: Pick<Deps, 'store'>, caller: Caller): Promise<string[]> {
  const actor = await loadActor(deps.store, caller);
  const streets = await streetsOf(deps.store, actor._id);
  if (streets.length === 0) return [];
  const communities = await deps.store.find('communities', {
    where: { streetId: { in: streets.map((s) => s._id) } },
    orderBy: [['_id', 'asc']],
  });
  return communities.map((c) => c._id);
}

/**
 * Whether the user oversees the community as an officer of its street. One read of the community and, when
 * it has a street, one of the street: only callers who are not the community's staff pay for it.
 */
export async function overseesCommunity(store: Store, userId: string, communityId: string): Promise<boolean> {
  const community = await store.get('communities', communityId);
  return !!community && (await isStreetOfficeOf(store, userId, community));
}
