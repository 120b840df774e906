/**
 * The street office's communities: the list it ranks them in (basic counts; the figures add the rates) and
 * the creation of a new community, whose map is then imported.
 */
import type { LatLng } from '../../../typings/common';
import type { StreetCommunityRow, StreetView } from '../../../typings/grid';
import { AppError } from '../errors';
import type { Community } from '../grids/model';
import { stableId } from '../grids/ledger/stable-id';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import type { Street } from './model';
import { requireStreetOffice } from './scope';

/** Near-miss tolerance of a new community's routing, as the demo's. */
const NEAR_MISS_METRES = 50;

/** The 12-digit prefix of a community's unit-grid codes, when its street and it have codes. */
export async function codePrefixOf(store: Store, community: Community): Promise<string | null> {
  if (!community.streetId || !community.communityCode) return null;
  const street = await store.get('streets', community.streetId);
  return street ? `${street.areaCode}${street.streetCode}${community.communityCode}` : null;
}

/** Four counts per community, each one indexed count: the same cost at any number of tickets. */
async function countsOf(store: Store, communityId: string) {
  const [received, open, closed, escalated] = await Promise.all([
    store.count('tickets', { communityId }),
    store.count('tickets', { communityId, open: true }),
    store.count('tickets', { communityId, status: 'closed' }),
    store.count('tickets', { communityId, open: true, escalationLevel: { gte: 1 } }),
  ]);
  return { received, open, closed, escalated };
}

async function viewOf(store: Store, street: Street): Promise<StreetView> {
  const communities = await store.find('communities', {
    where: { streetId: street._id },
    orderBy: [['_id', 'asc']],
  });
  const rows = await Promise.all(
    communities.map(async (c) => ({
      communityId: c._id,
      name: c.name,
      communityCode: c.communityCode ?? null,
      rank: 0,
      ...(await countsOf(store, c._id)),
    })),
  );
  const share = (r: StreetCommunityRow) => (r.received ? r.closed / r.received : 0);
  const ranked = [...rows].sort(
    (a, b) => share(b) - share(a) || a.escalated - b.escalated || a.name.localeCompare(b.name, 'zh'),
  );
  ranked.forEach((r, i) => (r.rank = i + 1));
  return {
    streetId: street._id,
    name: street.name,
    district: street.district,
    codePrefix: `${street.areaCode}${street.streetCode}`,
    communities: ranked,
  };
}

/** The caller's street and its communities, ranked. */
export async function streetView(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { streetId?: string },
): Promise<StreetView> {
  return viewOf(deps.store, await requireStreetOffice(deps, caller, input.streetId));
}

/** Creates a community of the caller's street; a name or 3-digit code already used there is refused. */
export async function createCommunity(
  deps: Pick<Deps, 'store'>,
  caller: Caller,
  input: { streetId?: string; name: string; communityCode: string; center: LatLng },
): Promise<StreetView> {
  const { store } = deps;
  const street = await requireStreetOffice(deps, caller, input.streetId);
  const name = input.name.trim();
  const siblings = await store.find('communities', { where: { streetId: street._id } });
  if (siblings.some((c) => c.name === name || c.communityCode === input.communityCode)) {
    throw new AppError('COMMUNITY.EXISTS');
  }
  const community: Community = {
    _id: stableId('community', street._id, name),
    name,
    city: street.city,
    district: street.district,
    street: street.name,
    center: input.center,
    config: { nearMissMetres: NEAR_MISS_METRES },
    secretaryUserId: null,
    streetId: street._id,
    communityCode: input.communityCode,
  };
  await store.insert('communities', community);
  return viewOf(store, street);
}
