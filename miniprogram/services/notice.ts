/**
 * Policy notices' calls (通知): one function per action of the `notice` cloud function, and group binding on
 * launch — when the mini-program is opened from a notice card in a WeChat group, the group's cloudID is
 * sent to the server, which binds the group to the sharer's grid.
 */
import type {
  BindGroupResult,
  CoverageView,
  GridGroupView,
  NoticeAudience,
  NoticeCategory,
  NoticeContent,
  NoticeDetail,
  NoticeFeedPage,
  StaffNoticeBoard,
  StaffNoticeView,
  VisitList,
  VisitOutcome,
  VisitTask,
} from '../../typings/notice';
import { callApi } from './api';

export function noticeFeed(category?: NoticeCategory, before?: string): Promise<NoticeFeedPage> {
  return callApi('notice', 'feed', { ...(category ? { category } : {}), ...(before ? { before } : {}) });
}

export function noticeDetail(noticeId: string): Promise<NoticeDetail> {
  return callApi('notice', 'detail', { noticeId });
}

export function confirmNotice(noticeId: string): Promise<{ confirmedAt: string; alreadyConfirmed: boolean }> {
  return callApi('notice', 'confirm', { noticeId });
}

/** The categories the resident wants a push for (the WeChat grant is asked separately, on a tap). */
export async function noticeSubscriptions(): Promise<NoticeCategory[]> {
  return (await callApi('notice', 'subscriptions', {})).categories;
}

export async function setNoticeSubscriptions(categories: NoticeCategory[]): Promise<NoticeCategory[]> {
  return (await callApi('notice', 'setSubscriptions', { categories })).categories;
}

export function composeNotice(
  communityId: string,
  content: NoticeContent,
  audience: NoticeAudience,
): Promise<StaffNoticeView> {
  return callApi('notice', 'compose', { communityId, audience, ...content });
}

export function editNotice(
  noticeId: string,
  version: number,
  content: NoticeContent,
  audience?: NoticeAudience,
): Promise<StaffNoticeView> {
  return callApi('notice', 'edit', { noticeId, version, content, ...(audience ? { audience } : {}) });
}

export async function audienceSize(communityId: string, audience: NoticeAudience): Promise<number> {
  return (await callApi('notice', 'previewAudience', { communityId, audience })).households;
}

/** Publish now (no `at`) or at a set time. */
export function publishNotice(noticeId: string, version: number, at?: string): Promise<StaffNoticeView> {
  return callApi('notice', 'publish', { noticeId, version, ...(at ? { at } : {}) });
}

export async function staffNotices(communityId: string): Promise<StaffNoticeView[]> {
  return (await callApi('notice', 'staffList', { communityId, state: 'published' })).items;
}

/** 我的通知: drafts, scheduled and published notices of the community, the published with households reached. */
export function staffBoard(communityId: string): Promise<StaffNoticeBoard> {
  return callApi('notice', 'staffBoard', { communityId });
}

export function staffNotice(noticeId: string): Promise<StaffNoticeView> {
  return callApi('notice', 'staffDetail', { noticeId });
}

export function noticeCoverage(noticeId: string): Promise<CoverageView> {
  return callApi('notice', 'coverage', { noticeId });
}

export function exportCoverage(noticeId: string): Promise<{ fileId: string; url: string; name: string }> {
  return callApi('notice', 'exportCoverage', { noticeId });
}

export async function visitTasks(): Promise<VisitTask[]> {
  return (await callApi('notice', 'visitTasks', {})).items;
}

export function visitList(noticeId: string, microGridId: string): Promise<VisitList> {
  return callApi('notice', 'visitList', { noticeId, microGridId });
}

export function recordVisit(
  noticeId: string,
  householdId: string,
  outcome: VisitOutcome,
  note: string,
  requestId: string,
): Promise<{ reached: boolean; households: number; microGridReached: number }> {
  return callApi('notice', 'recordVisit', { noticeId, householdId, outcome, note, requestId });
}

export async function groups(communityId: string): Promise<GridGroupView[]> {
  return (await callApi('notice', 'groups', { communityId })).grids;
}

/** Staff: move a wrongly bound group to another grid, or unbind it (null); answers the grids afresh. */
export async function fixGroup(bindingId: string, gridId: string | null): Promise<GridGroupView[]> {
  return (await callApi('notice', 'fixGroup', { bindingId, gridId })).grids;
}

/**
 * A worker's or leader's signed share token for the notice (it proves who shared the card, so the group gets
 * their grid); null for anyone else, whose cards bind nothing.
 */
export async function shareTokenFor(noticeId: string): Promise<string | null> {
  try {
    return (await callApi('notice', 'shareToken', { noticeId })).shareToken;
  } catch {
    return null;
  }
}

/** The page a shared card opens: the notice, and the sharer's token (URL-safe; their grid gets the group). */
export function sharePath(noticeId: string, shareToken: string | null): string {
  return `/pages/notice-detail/index?noticeId=${noticeId}${shareToken ? `&share=${shareToken}` : ''}`;
}

/**
 * When the page was opened from a card in a group chat (a shareTicket in the launch options), asks WeChat
 * for the group's cloudID and sends it with the notice and the sharer's token. Resolves null when there is no group
 * or anything fails: binding is a by-product of reading, never in the reader's way.
 */
export function bindGroupFromLaunch(
  noticeId: string,
  shareToken: string | undefined,
): Promise<BindGroupResult | null> {
  const enter = wx.getEnterOptionsSync ? wx.getEnterOptionsSync() : null;
  if (!shareToken || !enter?.shareTicket || !wx.getGroupEnterInfo) return Promise.resolve(null);
  return new Promise((resolve) => {
    wx.getGroupEnterInfo({
      success: (res: { cloudID?: string }) => {
        if (!res.cloudID) return resolve(null);
        callApi('notice', 'bindGroup', { noticeId, shareToken, cloudID: res.cloudID }).then(resolve, () =>
          resolve(null),
        );
      },
      fail: () => resolve(null),
    });
  });
}
