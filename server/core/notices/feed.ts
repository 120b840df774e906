/**
 * What residents read: the feed of notices targeted at their household (newest first, by category, unread
 * marked) and a notice's detail. A withdrawn notice leaves the feed at once; its receipts stay stored.
 */
import type { NoticeCategory, NoticeDetail, NoticeFeedItem, NoticeFeedPage } from '../../../typings/notice';
import { AppError } from '../errors';
import { readerView } from './views';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Where } from '../ports/store';
import { loadActor } from '../users/actor';
import { isCommunityStaff } from '../users/permissions';
import { excerptOf } from './body';
import { noticeIds, type NoticeTarget } from './model';
import { noticePermits, requireLive } from './transitions';

export const FEED_PAGE = 20;

/** Cursor: the last item's publication time and target id, so that notices of the same second are not lost. */
function parseCursor(before: string | undefined): { at: string; id: string } | null {
  if (!before) return null;
  const [at, id] = before.split('|');
  return at && id ? { at, id } : null;
}

export async function noticeFeed(
  deps: Deps,
  caller: Caller,
  input: { category?: NoticeCategory; before?: string },
): Promise<NoticeFeedPage> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  if (!user.householdId) return { items: [], nextBefore: null };
  const base: Where = {
    householdId: user.householdId,
    ...(input.category ? { category: input.category } : {}),
  };
  const cursor = parseCursor(input.before);
  const order: Array<[string, 'asc' | 'desc']> = [
    ['publishedAt', 'desc'],
    ['_id', 'desc'],
  ];
  let targets: NoticeTarget[] = [];
  if (cursor)
    targets = await store.find('noticeTargets', {
      where: { ...base, publishedAt: cursor.at, _id: { lt: cursor.id } },
      orderBy: order,
      limit: FEED_PAGE + 1,
    });
  if (targets.length <= FEED_PAGE)
    targets.push(
      ...(await store.find('noticeTargets', {
        where: { ...base, ...(cursor ? { publishedAt: { lt: cursor.at } } : {}) },
        orderBy: order,
        limit: FEED_PAGE + 1 - targets.length,
      })),
    );
  const more = targets.length > FEED_PAGE;
  const page = targets.slice(0, FEED_PAGE);
  const ids = page.map((t) => t.noticeId);
  const [notices, receipts] = ids.length
    ? await Promise.all([
        store.find('notices', { where: { _id: { in: ids } }, limit: ids.length }),
        store.find('noticeReceipts', {
          where: { userId: user._id, noticeId: { in: ids } },
          limit: ids.length,
        }),
      ])
    : [[], []];
  const byId = new Map(notices.map((n) => [n._id, n]));
  const confirmed = new Set(receipts.map((r) => r.noticeId));
  const items: NoticeFeedItem[] = page.flatMap((t) => {
    const n = byId.get(t.noticeId);
    if (!n || !noticePermits('read', n)) return [];
    return [
      {
        noticeId: n._id,
        title: n.title,
        category: n.category,
        publishedAt: n.publishedAt ?? t.publishedAt,
        excerpt: excerptOf(n.body),
        corrected: n.corrections.length > 0,
        confirmed: confirmed.has(n._id),
      },
    ];
  });
  const last = page[page.length - 1];
  return { items, nextBefore: more && last ? `${last.publishedAt}|${last._id}` : null };
}

/**
 * A notice as its reader sees it. Residents see only notices targeted at their household; people with a
 * role in the community (workers share notices into groups) and its staff see the community's notices.
 */
export async function noticeDetail(deps: Deps, caller: Caller, noticeId: string): Promise<NoticeDetail> {
  const { store } = deps;
  const user = await loadActor(store, caller);
  const notice = await store.get('notices', noticeId);
  if (!notice) throw new AppError('NOTICE.NOT_FOUND');
  const staff = isCommunityStaff(user, notice.communityId);
  const target = user.householdId
    ? await store.get('noticeTargets', noticeIds.target(noticeId, user.householdId))
    : null;
  const member = user.roles.some((g) => g.communityId === notice.communityId && g.role !== 'resident');
  if (!staff) {
    if (!target && !member) throw new AppError('NOTICE.NOT_FOUND');
    requireLive('read', notice);
  }
  const receipt = await store.get('noticeReceipts', noticeIds.receipt(noticeId, user._id));
  return {
    ...readerView(notice),
    confirmed: !!receipt,
    confirmedAt: receipt?.at ?? null,
    canConfirm: noticePermits('confirm', notice) && !!target && !receipt,
  };
}
