/**
 * The notice vocabularies with their Chinese words, each exhaustive over the contract's union: the `notice`
 * function's input enums are derived from these keys, so a new category or state is added in one place.
 * The mini-program keeps its own copy of the category words (miniprogram/pages/notices/categories.ts).
 */
import type { NoticeCategory, NoticeState, VisitOutcome } from '../../../typings/notice';
import { noticeStateWords } from '../notifications/status-words';

export const noticeCategoryLabels: Record<NoticeCategory, string> = {
  medicalInsurance: '医保',
  employment: '就业',
  safety: '安全',
  health: '健康',
  eldercare: '养老',
  other: '其他',
};

/** The state words are shared with the pushes: one table (notifications/status-words.ts). */
export const noticeStateLabels: Record<NoticeState, string> = noticeStateWords;

export const visitOutcomeLabels: Record<VisitOutcome, string> = {
  inPerson: '已入户告知',
  phone: '已电话告知',
  nobodyHome: '无人在家',
};
