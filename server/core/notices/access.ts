/** Who may see and act on a notice: staff of its community manage it; residents see what targets them. */
import { AppError } from '../errors';
import type { Store } from '../ports/store';
import type { User } from '../users/model';
import { holds, isCommunityStaff } from '../users/permissions';
import type { Notice } from './model';

/** NOTICE.NOT_FOUND when there is none. */
export async function loadNotice(store: Store, noticeId: string): Promise<Notice> {
  const notice = await store.get('notices', noticeId);
  if (!notice) throw new AppError('NOTICE.NOT_FOUND');
  return notice;
}

/**
 * The notice for someone of its community — a role there or a household there; NOTICE.NOT_FOUND for anyone
 * else, so that a notice of another community does not even exist for them (not "not targeted").
 */
export async function loadNoticeInCommunity(store: Store, user: User, noticeId: string): Promise<Notice> {
  const notice = await store.get('notices', noticeId);
  if (!notice) throw new AppError('NOTICE.NOT_FOUND');
  if (user.roles.some((g) => g.communityId === notice.communityId)) return notice;
  const household = user.householdId ? await store.get('households', user.householdId) : null;
  if (household?.communityId !== notice.communityId) throw new AppError('NOTICE.NOT_FOUND');
  return notice;
}

/** Staff of another community learn nothing, not even that the notice exists. */
export async function loadNoticeForStaff(store: Store, user: User, noticeId: string): Promise<Notice> {
  const notice = await store.get('notices', noticeId);
  if (!notice || !isCommunityStaff(user, notice.communityId)) throw new AppError('NOTICE.NOT_FOUND');
  return notice;
}

/**
 * Published (or being published) by the scheduler at its set time: its version moved with no person
 * behind it. A publication started before publishAt was a person's 立即发布.
 */
export function publishedOnSchedule(notice: Notice): boolean {
  const started = notice.publishing?.startedAt ?? notice.publishedAt;
  return (
    (notice.state === 'publishing' || notice.state === 'published') &&
    !!notice.publishAt &&
    !!started &&
    Date.parse(started) >= Date.parse(notice.publishAt)
  );
}

/** The refusal of a write from a stale version: "someone changed it" only when someone did. */
export function staleVersionError(notice: Notice): AppError {
  return new AppError(publishedOnSchedule(notice) ? 'NOTICE.PUBLISHED_ON_SCHEDULE' : 'NOTICE.STALE_VERSION');
}

/** The notice as it stands now, for the refusal of a write that lost to another (see staleVersionError). */
export async function staleWriteError(store: Store, notice: Notice): Promise<AppError> {
  return staleVersionError((await store.get('notices', notice._id)) ?? notice);
}

export function requireVersion(notice: Notice, version: number): void {
  if (notice.version !== version) throw staleVersionError(notice);
}

/** A worker of the micro-grid, the leader of its grid, or staff of the community may visit its households. */
export function mayVisit(
  user: User,
  place: { communityId: string; gridId: string; microGridId: string },
): boolean {
  return (
    isCommunityStaff(user, place.communityId) ||
    user.roles.some(
      (g) =>
        g.communityId === place.communityId &&
        ((g.role === 'worker' && g.microGridId === place.microGridId) ||
          (g.role === 'leader' && g.gridId === place.gridId)),
    )
  );
}

/** The micro-grids a user visits for: a worker's own, a leader's whole grid (resolved by the caller). */
export function workerPlaces(user: User): { microGridIds: string[]; gridIds: string[] } {
  return {
    microGridIds: user.roles.flatMap((g) => (g.role === 'worker' && g.microGridId ? [g.microGridId] : [])),
    gridIds: user.roles.flatMap((g) => (g.role === 'leader' && g.gridId ? [g.gridId] : [])),
  };
}

export { holds };
