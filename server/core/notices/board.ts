/**
 * 我的通知 (staff): the community's notices in three lists — drafts to finish, scheduled ones waiting for
 * their time, published ones with households reached / households in the audience. One query for the
 * notices (newest first, by the communityId+createdAt index) and one shard query per published notice shown,
 * run together: the coverage of each is the sum of its shards' micro-grid counters, as the dashboard sums them.
 */
import type { NoticeActions, StaffNoticeBoard, StaffNoticeRow } from '../../../typings/notice';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { loadActor } from '../users/actor';
import { requireCommunityStaff } from '../users/permissions';
import { MAX_SHARDS, mergedEntries } from './coverage-shards';
import type { Notice } from './model';

/** Notices read at most: the drafts and schedules of a busy community and its recent publications. */
const NOTICES_READ = 100;
/** Published notices shown with their coverage: each costs one shard query. */
export const PUBLISHED_SHOWN = 20;

function rowOf(notice: Notice, reached: number | null): StaffNoticeRow {
  return {
    noticeId: notice._id,
    title: notice.title,
    category: notice.category,
    state: notice.state,
    publishAt: notice.publishAt,
    publishedAt: notice.publishedAt,
    updatedAt: notice.updatedAt,
    households: notice.households,
    reached,
  };
}

/** Households reached of one published notice, from its coverage shards. */
async function reachedOf(store: Store, notice: Notice): Promise<number> {
  const shards = await store.find('noticeCoverage', { where: { noticeId: notice._id }, limit: MAX_SHARDS });
  let reached = 0;
  for (const entry of mergedEntries(shards).values()) reached += entry.reached;
  return reached;
}

export async function staffBoard(
  deps: Deps,
  caller: Caller,
  input: NoticeActions['staffBoard']['req'],
): Promise<StaffNoticeBoard> {
  const user = await loadActor(deps.store, caller);
  requireCommunityStaff(user, input.communityId);
  const notices = await deps.store.find('notices', {
    where: { communityId: input.communityId },
    orderBy: [['createdAt', 'desc']],
    limit: NOTICES_READ,
  });
  const out = notices.filter(
    (n) => n.state === 'published' || n.state === 'publishing' || n.state === 'withdrawn',
  );
  const shown = out.slice(0, PUBLISHED_SHOWN);
  const reached = await Promise.all(
    shown.map((n) => (n.state === 'publishing' ? Promise.resolve(null) : reachedOf(deps.store, n))),
  );
  return {
    drafts: notices.filter((n) => n.state === 'draft').map((n) => rowOf(n, null)),
    scheduled: notices
      .filter((n) => n.state === 'scheduled')
      .sort((a, b) => (a.publishAt ?? '').localeCompare(b.publishAt ?? ''))
      .map((n) => rowOf(n, null)),
    published: shown.map((n, i) => rowOf(n, reached[i] ?? null)),
  };
}
