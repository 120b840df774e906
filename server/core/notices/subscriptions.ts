/**
 * Category subscriptions: the notice categories a resident wants a push for. The push itself still needs
 * the user's WeChat grant for the notice template (notifications/subscriptions.ts); without it the notice
 * arrives in the in-app message list only.
 */
import type { NoticeCategory } from '../../../typings/notice';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { noticeIds } from './model';
import { chunks, findAll } from './paging';

export async function getSubscriptions(
  deps: Deps,
  caller: Caller,
): Promise<{ categories: NoticeCategory[] }> {
  const user = await loadActor(deps.store, caller);
  const doc = await deps.store.get('noticeSubscriptions', noticeIds.subscription(user._id));
  return { categories: doc?.categories ?? [] };
}

export async function setSubscriptions(
  deps: Deps,
  caller: Caller,
  categories: NoticeCategory[],
): Promise<{ categories: NoticeCategory[] }> {
  const user = await loadActor(deps.store, caller);
  const household = user.householdId ? await deps.store.get('households', user.householdId) : null;
  const unique = [...new Set(categories)];
  await deps.store.transaction(async (tx) => {
    await tx.set('noticeSubscriptions', {
      _id: noticeIds.subscription(user._id),
      userId: user._id,
      communityId: household?.communityId ?? null,
      categories: unique,
      updatedAt: toIso(deps.clock.now()),
    });
  });
  return { categories: unique };
}

/**
 * The subscribers of a category in a community, by their current household: read once per publication,
 * so that each batch finds its recipients without a query.
 */
export async function subscribersByHousehold(
  store: Store,
  communityId: string,
  category: NoticeCategory,
): Promise<Map<string, string[]>> {
  const subs = await findAll(store, 'noticeSubscriptions', { communityId, categories: { has: category } });
  const byHousehold = new Map<string, string[]>();
  for (const ids of chunks(
    subs.map((s) => s.userId),
    100,
  )) {
    for (const user of await store.find('users', { where: { _id: { in: ids } }, limit: ids.length })) {
      if (!user.householdId) continue;
      byHousehold.set(user.householdId, [...(byHousehold.get(user.householdId) ?? []), user._id]);
    }
  }
  return byHousehold;
}
