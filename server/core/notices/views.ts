/** Responses built from a whitelist of the notice's fields. */
import type { StaffNoticeView } from '../../../typings/notice';
import type { Notice } from './model';

export function staffView(notice: Notice): StaffNoticeView {
  return {
    noticeId: notice._id,
    communityId: notice.communityId,
    state: notice.state,
    title: notice.title,
    body: notice.body,
    category: notice.category,
    coverFileId: notice.coverFileId,
    attachments: notice.attachments,
    audience: notice.audience,
    publishAt: notice.publishAt,
    publishedAt: notice.publishedAt,
    withdrawnAt: notice.withdrawnAt,
    corrections: notice.corrections,
    households: notice.households,
    version: notice.version,
  };
}
