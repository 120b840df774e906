/** Responses built from a whitelist of the notice's fields. */
import type { NoticeDetail, StaffNoticeView } from '../../../typings/notice';
import type { Notice } from './model';

type ReaderFields = Omit<NoticeDetail, 'confirmed' | 'confirmedAt' | 'canConfirm'>;

/** What every reader of a notice may see: its content and public history, nothing about its audience. */
export function readerView(notice: Notice): ReaderFields {
  return {
    noticeId: notice._id,
    communityId: notice.communityId,
    state: notice.state,
    title: notice.title,
    body: notice.body,
    category: notice.category,
    coverFileId: notice.coverFileId,
    attachments: notice.attachments,
    publishedAt: notice.publishedAt,
    corrections: notice.corrections,
  };
}

/** What staff see: the reader's view plus the audience, schedule and version to edit against. */
export function staffView(notice: Notice): StaffNoticeView {
  return {
    ...readerView(notice),
    audience: notice.audience,
    publishAt: notice.publishAt,
    withdrawnAt: notice.withdrawnAt,
    households: notice.households,
    version: notice.version,
  };
}
