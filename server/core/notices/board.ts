/**
 * 我的通知 (staff): the community's notices in three lists — drafts to finish, scheduled ones waiting for
 * their time, published ones with households reached / households in the audience. One query for the
 * notices (newest first, by the communityId+createdAt index) and one count per published notice shown, run
 * together: its audience's households with a reach recorded (the noticeTargets index by noticeId). A count
 * answers one number, where summing the coverage shards would fetch up to 256 documents per notice; the two
 * agree, which the reconciliation checks.
 */
import type { NoticeActions, StaffNoticeBoard, StaffNoticeRow } from '../../../typings/notice';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import type { Store } from '../ports/store';
import { loadActor } from '../users/actor';
import { requireCommunityStaff } from '../users/permissions';
import type { Notice } from './model';

/** Notices read at most: the drafts and schedules of a busy community and its recent publications. */
const NOTICES_READ = 100;
/** Published notices shown with their coverage: each costs one count. */
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

/** Households reached of one published notice: its targets with a reach time (any ISO time is above ''). */
function reachedOf(store: Store, notice: Notice): Promise<number> {
  return store.count('noticeTargets', { noticeId: notice._id, reachedAt: { gt: '' } });
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
