/**
 * Resolving an audience: the households of the community, or of the chosen grids and micro-grids, narrowed by
 * ledger tags. Publication resolves it once; the result is frozen into one target per household.
 */
import type { NoticeAudience } from '../../../typings/notice';
import { AppError } from '../errors';
import type { Grid, Household, MicroGrid } from '../grids/model';
import type { Store, Where } from '../ports/store';
import { chunks, findAll, PAGE } from './paging';

/** Values per `in` condition: well within what CloudBase accepts. */
const IN_CHUNK = 100;

export interface CommunityPlaces {
  grids: Map<string, Grid>;
  microGrids: Map<string, MicroGrid>;
}

export async function loadPlaces(store: Store, communityId: string): Promise<CommunityPlaces> {
  const [grids, microGrids] = await Promise.all([
    findAll(store, 'grids', { communityId }),
    findAll(store, 'microGrids', { communityId }),
  ]);
  return {
    grids: new Map(grids.map((g) => [g._id, g])),
    microGrids: new Map(microGrids.map((m) => [m._id, m])),
  };
}

/** NOTICE.AUDIENCE_INVALID when a chosen place is not the community's, or places are chosen for none. */
export function checkAudience(places: CommunityPlaces, audience: NoticeAudience): void {
  const strangers = [
    ...audience.gridIds.filter((id) => !places.grids.has(id)),
    ...audience.microGridIds.filter((id) => !places.microGrids.has(id)),
  ];
  if (strangers.length > 0) throw new AppError('NOTICE.AUDIENCE_INVALID', { details: { strangers } });
  if (audience.scope === 'places' && audience.gridIds.length + audience.microGridIds.length === 0)
    throw new AppError('NOTICE.AUDIENCE_INVALID', { message: '请至少选择一个网格或微网格，或选择全社区' });
}

/** The audience's households, ordered by id (publication batches by that order, so a resumed run agrees). */
export async function resolveAudience(
  store: Store,
  communityId: string,
  audience: NoticeAudience,
): Promise<Household[]> {
  let households: Household[];
  if (audience.scope === 'community') {
    households = await findAll(store, 'households', { communityId });
  } else {
    const byId = new Map<string, Household>();
    for (const ids of chunks(audience.gridIds, IN_CHUNK))
      for (const h of await findAll(store, 'households', { communityId, gridId: { in: ids } }))
        byId.set(h._id, h);
    for (const ids of chunks(audience.microGridIds, IN_CHUNK))
      for (const h of await findAll(store, 'households', { communityId, microGridId: { in: ids } }))
        byId.set(h._id, h);
    households = [...byId.values()];
  }
  const tags = audience.tags;
  const chosen =
    tags.length === 0 ? households : households.filter((h) => h.tags.some((t) => tags.includes(t)));
  return chosen.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
}

/**
 * The next `limit` households of the audience after `after` (by id), for a publication written in slices:
 * each slice reads only its own households. `last` is where the next slice starts; `done` once none are left.
 * Tags narrow after the read, so a slice may hold fewer than `limit`.
 */
export async function audiencePage(
  store: Store,
  communityId: string,
  audience: NoticeAudience,
  after: string | null,
  limit: number,
): Promise<{ households: Household[]; last: string | null; done: boolean }> {
  const wheres =
    audience.scope === 'community'
      ? [{ communityId }]
      : [
          ...chunks(audience.gridIds, IN_CHUNK).map((ids) => ({ communityId, gridId: { in: ids } })),
          ...chunks(audience.microGridIds, IN_CHUNK).map((ids) => ({
            communityId,
            microGridId: { in: ids },
          })),
        ];
  const byId = new Map<string, Household>();
  let more = false;
  for (const where of wheres) {
    const page = await pagesAfter(store, where, after, limit);
    if (page.length === limit) more = true;
    for (const h of page) byId.set(h._id, h);
  }
  // Each query gave its first `limit` after the cursor: the first `limit` of their union are the audience's.
  const sorted = [...byId.values()].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  const slice = sorted.slice(0, limit);
  const last = slice[slice.length - 1]?._id ?? after;
  const done = !more && sorted.length <= limit;
  const tags = audience.tags;
  return {
    households: tags.length === 0 ? slice : slice.filter((h) => h.tags.some((t) => tags.includes(t))),
    last,
    done,
  };
}

/** Up to `limit` households matching `where` after the id `after`, in pages of at most 1,000. */
async function pagesAfter(
  store: Store,
  where: Where,
  after: string | null,
  limit: number,
): Promise<Household[]> {
  const out: Household[] = [];
  let from = after;
  while (out.length < limit) {
    const size = Math.min(PAGE, limit - out.length);
    const page = await store.find('households', {
      where: from === null ? where : { ...where, _id: { gt: from } },
      orderBy: [['_id', 'asc']],
      limit: size,
    });
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < size || !last) break;
    from = last._id;
  }
  return out;
}
